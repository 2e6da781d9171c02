/**
 * Views about one node, placed by hand rather than by a layout engine: a column for a phone, a
 * star (what acts on it, it, what it acts on) for a wide canvas.
 */
import type { DiagramEdge, DiagramGraph, DiagramNode } from './view-graph.ts';
import { type Laid, type LaidEdge, type LaidGroup, type LaidNode, type Profile, sizeNode } from './layout.ts';

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
