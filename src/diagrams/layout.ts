/**
 * Where each node, box and edge of a view goes, for a wide canvas (a desktop page, left to right)
 * and a narrow one (a phone, top to bottom). Readable by construction: labels are measured and
 * wrapped before layout and drawn at their size (12–14 px), never shrunk to fit; a layout that
 * does not fit its canvas (wider than it, or more than two screens tall) is not used, and the
 * view falls back to a coarser one or to a table (`fitGraph`, in layout-fit.ts).
 *
 * ELK's layered algorithm (elkjs, in process) places flowcharts; views about one node (a
 * repository's neighbourhood, an event) are drawn on a phone as a column of their own: what acts
 * on it, it, what it acts on (those hand-placed layouts are in layout-placed.ts).
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

export function sizeNode(n: DiagramNode, nodeMax: number, width?: number): LaidNode {
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
