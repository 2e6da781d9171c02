/**
 * Where each node, box and edge of a view goes, for a wide canvas (a desktop page, left to right)
 * and a narrow one (a phone, top to bottom). Readable by construction: labels are measured and
 * wrapped before layout and drawn at their size (12–14 px), never shrunk to fit; a layout that
 * does not fit its canvas (wider than it, or more than two screens tall) is not used, and the
 * view falls back to a coarser one or to a table (`fitGraph`).
 *
 * ELK's layered algorithm (elkjs, in process) places flowcharts; views about one node (a
 * repository's neighbourhood, an event) are drawn on a phone as a column of their own: what acts
 * on it, it, what it acts on.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { DiagramEdge, DiagramGraph, DiagramGroup, DiagramNode } from './view-graph.ts';
import { textWidth, wrap } from './measure.ts';

/** Font sizes (px) and line height of what diagrams write; none below 12. */
export const FONT = { node: 14, sub: 12, edge: 12, group: 12, line: 1.3 } as const;

export interface Profile {
  name: 'wide' | 'narrow';
  /** The canvas: a drawing wider than this, or taller than `maxHeight`, does not fit. */
  maxWidth: number;
  maxHeight: number;
  nodeMax: number;
  edgeMax: number;
}

/** A 1366 px page's diagram column is ~1,120 px; a 390 px phone's ~340. Two screens tall at most. */
export const PROFILES = {
  wide: { name: 'wide', maxWidth: 1080, maxHeight: 1700, nodeMax: 170, edgeMax: 150 },
  narrow: { name: 'narrow', maxWidth: 330, maxHeight: 1600, nodeMax: 130, edgeMax: 110 },
} as const satisfies Record<string, Profile>;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export type LaidNode = DiagramNode & Box & { lines: string[]; subLines: string[]; subHref?: string };
export type LaidEdge = DiagramEdge & { points: { x: number; y: number }[]; lines: string[]; labelBox?: Box };
export type LaidGroup = DiagramGroup & Box;
export interface Laid {
  width: number;
  height: number;
  nodes: LaidNode[];
  edges: LaidEdge[];
  groups: LaidGroup[];
}

const PAD_X = 14;
const PAD_Y = 9;
const EXTRA: Partial<Record<DiagramNode['kind'], { w: number; h: number }>> = {
  datastore: { w: 0, h: 14 },
  queue: { w: 22, h: 0 },
  library: { w: 26, h: 0 },
  event: { w: 20, h: 0 },
  external: { w: 8, h: 0 },
  frontend: { w: 0, h: 8 },
};

function sizeNode(n: DiagramNode, nodeMax: number, width?: number): LaidNode {
  const inner = (width ?? nodeMax + 2 * PAD_X) - 2 * PAD_X - (EXTRA[n.kind]?.w ?? 0);
  const lines = wrap(n.label, FONT.node, width ? inner : nodeMax, 600);
  const subLines = n.sub ? wrap(n.sub, FONT.sub, width ? inner : nodeMax) : [];
  const text = Math.max(...lines.map((l) => textWidth(l, FONT.node, 600)), ...subLines.map((l) => textWidth(l, FONT.sub)));
  const extra = EXTRA[n.kind] ?? { w: 0, h: 0 };
  const h = Math.ceil(lines.length * FONT.node * FONT.line + subLines.length * FONT.sub * FONT.line + 2 * PAD_Y + extra.h);
  return { ...n, lines, subLines, x: 0, y: 0, w: width ?? Math.ceil(Math.max(100, text + 2 * PAD_X + extra.w)), h };
}

const elk = new ELK();

/** Short edge labels for a phone: the verb of one integration, the count of several (the rest is a tap away). */
const shortLabel = (e: DiagramEdge) => (e.count > 1 ? `${e.count}` : (e.verbs[0] ?? e.label));

/** A flowchart laid out by ELK (layered), left to right or top to bottom. */
export async function layoutLayered(g: DiagramGraph, profile: Profile, direction: 'RIGHT' | 'DOWN', perLayer = 2): Promise<Laid> {
  const narrow = profile.name === 'narrow';
  const nodes = g.nodes.map((n) => sizeNode(n, profile.nodeMax));
  const edges = g.edges.map((e) => {
    const text = narrow ? shortLabel(e) : e.label;
    const lines = text ? wrap(text, FONT.edge, profile.edgeMax) : [];
    return { e, lines, w: Math.ceil(Math.max(0, ...lines.map((l) => textWidth(l, FONT.edge))) + 8), h: Math.ceil(lines.length * FONT.edge * FONT.line + 4) };
  });
  const ids = new Map(g.nodes.map((n, i) => [n.key, `n${i}`]));
  const gid = new Map(g.groups.map((x, i) => [x.key, `g${i}`]));
  const child = (n: LaidNode) => ({ id: ids.get(n.key)!, width: n.w, height: n.h });
  const root = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction,
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': narrow ? '14' : '22',
      'elk.layered.spacing.nodeNodeBetweenLayers': narrow ? '28' : '36',
      'elk.spacing.edgeNode': '14',
      'elk.spacing.edgeEdge': '10',
      'elk.spacing.edgeLabel': '3',
      'elk.layered.spacing.edgeNodeBetweenLayers': '14',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '10',
      'elk.layered.thoroughness': '7',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.padding': '[top=8,left=8,bottom=8,right=8]',
      'elk.json.edgeCoords': 'ROOT',
      'elk.json.shapeCoords': 'ROOT',
      'elk.randomSeed': '1',
      ...(narrow ? { 'elk.layered.layering.strategy': 'COFFMAN_GRAHAM', 'elk.layered.layering.coffmanGraham.layerBound': String(perLayer) } : {}),
    },
    children: [
      ...nodes.filter((n) => !n.group || !gid.has(n.group)).map(child),
      ...g.groups.map((x) => ({
        id: gid.get(x.key)!,
        layoutOptions: { 'elk.padding': '[top=30,left=12,bottom=12,right=12]' },
        children: nodes.filter((n) => n.group === x.key).map(child),
      })),
    ],
    edges: edges.map(({ e, lines, w, h }, i) => ({
      id: `e${i}`,
      sources: [ids.get(e.from)!],
      targets: [ids.get(e.to)!],
      labels: lines.length ? [{ id: `l${i}`, text: lines.join(' '), width: w, height: h, layoutOptions: { 'elk.edgeLabels.inline': 'true' } }] : [],
    })),
  };
  interface Out {
    id: string;
    x?: number;
    y?: number;
    width?: number;
    height?: number;
    children?: Out[];
    edges?: {
      id: string;
      sections?: { startPoint: P; endPoint: P; bendPoints?: P[] }[];
      labels?: { x?: number; y?: number; width?: number; height?: number }[];
    }[];
  }
  type P = { x: number; y: number };
  const out = (await elk.layout(root as never)) as unknown as Out;
  const at = new Map<string, Out>();
  const walk = (o: Out) => {
    for (const c of o.children ?? []) {
      at.set(c.id, c);
      walk(c);
    }
  };
  walk(out);
  const laidEdges = new Map((out.edges ?? []).map((e) => [e.id, e]));
  return {
    width: Math.ceil(out.width ?? 0),
    height: Math.ceil(out.height ?? 0),
    nodes: nodes.map((n) => {
      const p = at.get(ids.get(n.key)!)!;
      return { ...n, x: p.x ?? 0, y: p.y ?? 0 };
    }),
    groups: g.groups.flatMap((x) => {
      const p = at.get(gid.get(x.key)!);
      return p ? [{ ...x, x: p.x ?? 0, y: p.y ?? 0, w: p.width ?? 0, h: p.height ?? 0 }] : [];
    }),
    edges: edges.map(({ e, lines }, i) => {
      const r = laidEdges.get(`e${i}`);
      const s = r?.sections?.[0];
      const l = r?.labels?.[0];
      return {
        ...e,
        points: s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [],
        lines,
        ...(l && lines.length ? { labelBox: { x: l.x ?? 0, y: l.y ?? 0, w: l.width ?? 0, h: l.height ?? 0 } } : {}),
      };
    }),
  };
}

/**
 * A view about one node, as a column: a box of what acts on it, the node, a box of what it acts
 * on, one arrow between each. Each counterpart says what is done under its name, which links to
 * the integrations it stands for. Fits any phone; only its height grows.
 */
export function layoutColumn(g: DiagramGraph, profile: Profile): Laid {
  const W = profile.maxWidth;
  const focus = g.nodes.find((n) => n.focus)!;
  const byKey = new Map(g.nodes.map((n) => [n.key, n]));
  const into: { n: DiagramNode; e: DiagramEdge }[] = [];
  const out: { n: DiagramNode; e: DiagramEdge }[] = [];
  for (const e of g.edges) {
    if (e.to === focus.key && e.from !== focus.key) into.push({ n: byKey.get(e.from)!, e });
    else if (e.from === focus.key) out.push({ n: byKey.get(e.to)!, e });
  }
  const verb = (e: DiagramEdge, side: 'in' | 'out') => `${e.both ? '↔ ' : ''}${side === 'out' && g.view === 'event' ? e.label : e.label}`;
  const nodes: LaidNode[] = [];
  const groups: LaidGroup[] = [];
  const edges: LaidEdge[] = [];
  let y = 4;
  const box = (key: string, label: string, items: { n: DiagramNode; e: DiagramEdge }[], side: 'in' | 'out') => {
    const top = y;
    y += 30;
    for (const { n, e } of items) {
      const laid = sizeNode({ ...n, sub: verb(e, side), focus: false }, profile.nodeMax, W - 24);
      nodes.push({ ...laid, key: `${n.key}`, x: 12, y, subHref: e.href });
      y += laid.h + 10;
    }
    groups.push({ key, label, x: 0, y: top, w: W, h: y - top });
    y += 4;
  };
  const name = focus.label;
  const into0 = into.length;
  if (into0) box('in', g.view === 'event' ? 'Publish it' : `Act on ${name}`, into, 'in');
  const arrow = (from: number, to: number) =>
    edges.push({
      from: '',
      to: '',
      label: '',
      count: 1,
      verbs: [],
      both: false,
      dashed: false,
      integrations: [],
      points: [
        { x: W / 2, y: from },
        { x: W / 2, y: to },
      ],
      lines: [],
    });
  if (into0) {
    arrow(y - 4, y + 20);
    y += 24;
  }
  const f = sizeNode(focus, Math.min(profile.nodeMax * 1.6, W - 60));
  const laidFocus = { ...f, w: Math.min(W, Math.max(f.w, 160)) };
  nodes.push({ ...laidFocus, x: (W - laidFocus.w) / 2, y });
  y += laidFocus.h;
  if (out.length) {
    arrow(y, y + 24);
    y += 28;
    box('out', g.view === 'event' ? 'Receive it' : `${name} acts on`, out, 'out');
  }
  return { width: W, height: Math.ceil(y + 4), nodes, groups, edges };
}

/** Edges a node above which a view is drawn as a table: 8 areas with 28 edges between them is a hairball. */
export const DENSE = 2.5;

/**
 * A view about one node on a wide canvas, with no layout engine: what acts on it in a column on
 * the left, it in the middle, what it acts on on the right, each counterpart saying under its
 * name what is done (linked to the integrations), one arrow each. Instant, and never crossed.
 */
export function layoutStar(g: DiagramGraph, profile: Profile): Laid {
  const focus = g.nodes.find((n) => n.focus)!;
  const byKey = new Map(g.nodes.map((n) => [n.key, n]));
  const left: { n: DiagramNode; e: DiagramEdge }[] = [];
  const right: { n: DiagramNode; e: DiagramEdge }[] = [];
  for (const e of g.edges) {
    if (e.to === focus.key && e.from !== focus.key) left.push({ n: byKey.get(e.from)!, e });
    else if (e.from === focus.key) right.push({ n: byKey.get(e.to)!, e });
  }
  const size = (items: typeof left) => items.map(({ n, e }) => ({ laid: sizeNode({ ...n, sub: `${e.both ? '↔ ' : ''}${e.label}`, focus: false }, 210), e }));
  const L = size(left);
  const R = size(right);
  const colW = (xs: typeof L) => Math.max(0, ...xs.map((x) => x.laid.w));
  const lw = colW(L);
  const rw = colW(R);
  const f = sizeNode(focus, profile.nodeMax);
  const GAP = 90;
  const PAD = 12;
  const stack = (xs: typeof L) => xs.reduce((h, x) => h + x.laid.h + 10, 0) - (xs.length ? 10 : 0);
  const inner = Math.max(stack(L), stack(R), f.h);
  const top = 30;
  const height = inner + top + PAD + 8;
  const lx = L.length ? 4 : 0;
  const fx = L.length ? lx + lw + 2 * PAD + GAP : 4;
  const rx = fx + f.w + GAP;
  const fy = top + (inner - f.h) / 2;
  const nodes: LaidNode[] = [{ ...f, x: fx, y: fy }];
  const groups: LaidGroup[] = [];
  const edges: LaidEdge[] = [];
  const column = (xs: typeof L, x: number, w: number, key: string, label: string, side: 'in' | 'out') => {
    if (xs.length === 0) return;
    let y = top + (inner - stack(xs)) / 2;
    groups.push({ key, label, x, y: y - 30, w: w + 2 * PAD, h: stack(xs) + 30 + PAD });
    for (const { laid, e } of xs) {
      const nx = x + PAD;
      nodes.push({ ...laid, w, x: nx, y, subHref: e.href });
      const cy = y + laid.h / 2;
      const fcy = fy + f.h / 2;
      const a = side === 'in' ? { x: nx + w, y: cy } : { x: fx + f.w, y: fcy };
      const b = side === 'in' ? { x: fx, y: fcy } : { x: nx, y: cy };
      const mx = side === 'in' ? x + w + 2 * PAD + GAP / 2 : fx + f.w + GAP / 2;
      edges.push({ ...e, lines: [], points: [a, { x: mx, y: a.y }, { x: mx, y: b.y }, b] });
      y += laid.h + 10;
    }
  };
  column(L, lx, lw, 'in', g.view === 'event' ? 'Publish it' : `Act on ${focus.label}`, 'in');
  column(R, rx, rw, 'out', g.view === 'event' ? 'Receive it' : `${focus.label} acts on`, 'out');
  const width = Math.ceil((R.length ? rx + rw + 2 * PAD : fx + f.w) + 4);
  // Group boxes start above their first node: move everything down if one starts above the top.
  const lift = Math.min(0, ...groups.map((x) => x.y)) - 4;
  if (lift < 0) {
    for (const n of nodes) n.y -= lift;
    for (const x of groups) x.y -= lift;
    for (const e of edges) for (const p of e.points) p.y -= lift;
  }
  return { width, height: Math.ceil(height - lift), nodes, groups, edges };
}

export interface Fitted {
  /** The graph drawn (a coarser one than asked for, when that did not fit). */
  graph: DiagramGraph;
  wide: Laid | null;
  narrow: Laid | null;
}

const fits = (l: Laid, p: Profile) => l.width <= p.maxWidth && l.height <= p.maxHeight;

/**
 * The view laid out for both canvases. Each is the first layout that fits: for the wide one, left
 * to right, else top to bottom; for the narrow one, a column (views about one node) or top to
 * bottom. `null` where none fits: the page shows the view as a table there.
 */
export async function fitGraph(g: DiagramGraph): Promise<Fitted> {
  // A sequence needs no layout engine: its writer places columns and rows (svg.ts).
  if (g.view === 'sequence') return { graph: g, wide: null, narrow: null };
  const column = (g.view === 'neighbourhood' || g.view === 'event') && g.nodes.some((n) => n.focus);
  // Nearly every node joined to every other: no drawing of it can be read; its table can.
  if (!column && g.nodes.length > 6 && g.edges.length > DENSE * g.nodes.length) return { graph: g, wide: null, narrow: null };
  let wide: Laid | null = null;
  if (column) {
    const laid = layoutStar(g, PROFILES.wide);
    if (fits(laid, PROFILES.wide)) wide = laid;
  }
  for (const direction of wide || column ? [] : (['RIGHT', 'DOWN'] as const)) {
    const laid = await layoutLayered(g, PROFILES.wide, direction);
    if (fits(laid, PROFILES.wide)) {
      wide = laid;
      break;
    }
  }
  let narrow: Laid | null = null;
  if (column) {
    const laid = layoutColumn(g, PROFILES.narrow);
    narrow = fits(laid, PROFILES.narrow) ? laid : null;
  } else {
    // Two boxes a row, else one: a column of boxes with the arrows beside them.
    for (const perLayer of [2, 1]) {
      const laid = await layoutLayered(g, PROFILES.narrow, 'DOWN', perLayer);
      if (fits(laid, PROFILES.narrow)) {
        narrow = laid;
        break;
      }
    }
  }
  return { graph: g, wide, narrow };
}
