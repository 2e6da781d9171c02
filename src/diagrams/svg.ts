/**
 * Plexus's own SVG writer for laid-out views: shapes by kind, colours and font from CSS custom
 * properties of the page (src/styles/diagrams.css), so dark mode recolours a drawing with no
 * second one; each node a link to its page and each edge to the integrations it stands for.
 * Every text is escaped and every number rounded: what comes from the registry can only be text.
 */
import type { DiagramGraph, NodeKind } from './view-graph.ts';
import { FONT, type Laid, type LaidNode } from './layout.ts';
import { textWidth, wrap } from './measure.ts';

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r1 = (v: number) => Math.round(v * 10) / 10;

export interface SvgOptions {
  /** A site path as the page links it (with the base path). */
  link: (path: string) => string;
  /** Unique on the page: marker and title ids start with it. */
  idPrefix: string;
  title: string;
  desc: string;
}

/** The outline of a node of `kind` in the box, as SVG elements. */
export function shapeOf(kind: NodeKind, x: number, y: number, w: number, h: number): string {
  switch (kind) {
    case 'datastore': {
      const e = 7;
      return `<path class="s" d="M${r1(x)},${r1(y + e)}a${r1(w / 2)},${e} 0 0 1 ${r1(w)},0v${r1(h - 2 * e)}a${r1(w / 2)},${e} 0 0 1 ${r1(-w)},0z"/><path class="s2" d="M${r1(x)},${r1(y + e)}a${r1(w / 2)},${e} 0 0 0 ${r1(w)},0"/>`;
    }
    case 'queue': {
      const e = 10;
      return `<path class="s" d="M${r1(x + e)},${r1(y)}h${r1(w - 2 * e)}a${e},${r1(h / 2)} 0 0 1 0,${r1(h)}h${r1(-(w - 2 * e))}a${e},${r1(h / 2)} 0 0 1 0,${r1(-h)}z"/><path class="s2" d="M${r1(x + w - e)},${r1(y)}a${e},${r1(h / 2)} 0 0 0 0,${r1(h)}"/>`;
    }
    case 'library': {
      const c = 12;
      return `<path class="s" d="M${r1(x + c)},${r1(y)}h${r1(w - 2 * c)}l${c},${r1(h / 2)}l${-c},${r1(h / 2)}h${r1(-(w - 2 * c))}l${-c},${r1(-h / 2)}z"/>`;
    }
    case 'event':
      return `<rect class="s" x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" rx="${r1(h / 2)}"/>`;
    case 'frontend':
      return `<rect class="s" x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" rx="4"/><path class="s2" d="M${r1(x)},${r1(y + 8)}h${r1(w)}"/>`;
    case 'gateway':
      return `<rect class="s" x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" rx="6"/><path class="s2" d="M${r1(x + 5)},${r1(y)}v${r1(h)}M${r1(x + w - 5)},${r1(y)}v${r1(h)}"/>`;
    case 'external':
      return `<rect class="s" x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" rx="4" stroke-dasharray="5 3"/>`;
    case 'system':
    case 'domain':
    case 'team':
      return `<rect class="s" x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" rx="12"/>`;
    default:
      return `<rect class="s" x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" rx="6"/>`;
  }
}

/** What each kind is called in a legend. */
export const KIND_NAME: Record<NodeKind, string> = {
  service: 'Service',
  gateway: 'Gateway',
  frontend: 'Front end',
  library: 'Library',
  external: 'External system',
  datastore: 'Datastore',
  queue: 'Queue or topic',
  event: 'Event',
  system: 'System',
  domain: 'Domain',
  team: 'Team',
};

function lines(cx: number, top: number, rows: [string, number, string?][]): string {
  let y = top;
  return rows
    .map(([text, px, cls]) => {
      y += px * FONT.line;
      return `<tspan x="${r1(cx)}" y="${r1(y - px * 0.3)}"${cls ? ` class="${cls}"` : ''}>${esc(text)}</tspan>`;
    })
    .join('');
}

function node(n: LaidNode, link: (p: string) => string): string {
  const rows: [string, number, string?][] = n.lines.map((l) => [l, FONT.node]);
  const subRows: [string, number, string?][] = n.subLines.map((l) => [l, FONT.sub, 'sub']);
  const total = (rows.length * FONT.node + subRows.length * FONT.sub) * FONT.line;
  const shift = n.kind === 'datastore' ? 5 : n.kind === 'frontend' ? 4 : 0;
  const top = n.y + (n.h - total) / 2 + shift;
  const cx = n.x + n.w / 2;
  const cls = `node k-${n.kind}${n.focus ? ' focus' : ''}`;
  const shape = shapeOf(n.kind, n.x, n.y, n.w, n.h);
  if (n.subHref) {
    // The name links to the counterpart's page, what is done to the integrations: two links, not one inside the other.
    const name = `<text class="nl">${lines(cx, top, rows)}</text>`;
    const sub = `<text class="nl">${lines(cx, top + rows.length * FONT.node * FONT.line, subRows)}</text>`;
    return `<g class="${cls}">${n.href ? `<a href="${esc(link(n.href))}">${shape}${name}</a>` : `${shape}${name}`}<a class="sub-link" href="${esc(link(n.subHref))}">${sub}</a></g>`;
  }
  const body = `<g class="${cls}">${shape}<text class="nl">${lines(cx, top, [...rows, ...subRows])}</text></g>`;
  return n.href ? `<a href="${esc(link(n.href))}">${body}</a>` : body;
}

/** A path through the points with rounded corners. */
function pathOf(pts: { x: number; y: number }[], radius = 8): string {
  if (pts.length === 0) return '';
  let d = `M${r1(pts[0]!.x)},${r1(pts[0]!.y)}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const [a, b, c] = [pts[i - 1]!, pts[i]!, pts[i + 1]!];
    const l1 = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const l2 = Math.hypot(c.x - b.x, c.y - b.y) || 1;
    const r = Math.min(radius, l1 / 2, l2 / 2);
    d += `L${r1(b.x - ((b.x - a.x) / l1) * r)},${r1(b.y - ((b.y - a.y) / l1) * r)}Q${r1(b.x)},${r1(b.y)} ${r1(b.x + ((c.x - b.x) / l2) * r)},${r1(b.y + ((c.y - b.y) / l2) * r)}`;
  }
  const z = pts.at(-1)!;
  return pts.length > 1 ? `${d}L${r1(z.x)},${r1(z.y)}` : d;
}

/** A laid-out view as SVG, at its natural size (the page never shrinks it). */
export function writeSvg(laid: Laid, o: SvgOptions): string {
  const W = Math.ceil(laid.width);
  const H = Math.ceil(laid.height);
  const ah = `${o.idPrefix}-ah`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="plx" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="group" aria-labelledby="${o.idPrefix}-t ${o.idPrefix}-d">`,
    `<title id="${o.idPrefix}-t">${esc(o.title)}</title><desc id="${o.idPrefix}-d">${esc(o.desc)}</desc>`,
    `<defs><marker id="${ah}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path class="ah" d="M0,0L10,5L0,10z"/></marker></defs>`,
  ];
  for (const g of laid.groups) {
    const label = `<text x="${r1(g.x + 10)}" y="${r1(g.y + 19)}">${esc(g.label)}</text>`;
    out.push(
      `<g class="grp"><rect x="${r1(g.x)}" y="${r1(g.y)}" width="${r1(g.w)}" height="${r1(g.h)}" rx="8"/>${g.href ? `<a href="${esc(o.link(g.href))}">${label}</a>` : label}</g>`,
    );
  }
  for (const e of laid.edges) {
    if (e.points.length < 2) continue;
    const cls = `edge${e.dashed ? ' dashed' : ''}${e.count > 1 ? ' bundle' : ''}`;
    const path = `<path d="${pathOf(e.points)}" marker-end="url(#${ah})"${e.both ? ` marker-start="url(#${ah})"` : ''}/>`;
    // A wide transparent stroke under the line makes it easy to point at.
    const body = `<g class="${cls}">${e.href ? `<path class="hit" d="${pathOf(e.points)}"/>` : ''}${path}</g>`;
    out.push(e.href ? `<a href="${esc(o.link(e.href))}" aria-label="${esc(e.label)}">${body}</a>` : body);
  }
  for (const e of laid.edges) {
    if (!e.labelBox || e.lines.length === 0) continue;
    const { x, y, w, h } = e.labelBox;
    const body = `<g class="el"><rect x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" rx="3"/><text>${lines(
      x + w / 2,
      y + 2,
      e.lines.map((l) => [l, FONT.edge]),
    )}</text></g>`;
    out.push(e.href ? `<a href="${esc(o.link(e.href))}">${body}</a>` : body);
  }
  for (const n of laid.nodes) out.push(node(n, o.link));
  out.push('</svg>');
  return out.join('');
}

/** An integration's steps as a sequence diagram: participants are columns, steps rows, time runs down. */
export function writeSequenceSvg(g: DiagramGraph, maxWidth: number, o: SvgOptions): { svg: string; width: number; height: number } {
  const n = Math.max(1, g.nodes.length);
  const col = Math.max(100, Math.min(220, Math.floor((maxWidth - 8) / n)));
  const x = new Map(g.nodes.map((p, i) => [p.key, 4 + col * i + col / 2]));
  const W = 8 + col * n;
  const heads = g.nodes.map((p) => ({ p, lines: wrap(p.label, FONT.node, col - 28, 600) }));
  const headH = Math.max(...heads.map((h) => h.lines.length)) * FONT.node * FONT.line + 18;
  let y = 4 + headH + 16;
  const rows = (g.steps ?? []).map((s) => {
    const span = Math.abs((x.get(s.to) ?? 0) - (x.get(s.from) ?? 0)) - 12;
    const ls = wrap(s.message, FONT.edge, Math.max(span, col - 16));
    const at = y + ls.length * FONT.edge * FONT.line + 4;
    y = at + 14;
    return { s, ls, at };
  });
  const H = Math.ceil(y + 4);
  const ah = `${o.idPrefix}-ah`;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="plx" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="group" aria-labelledby="${o.idPrefix}-t ${o.idPrefix}-d">`,
    `<title id="${o.idPrefix}-t">${esc(o.title)}</title><desc id="${o.idPrefix}-d">${esc(o.desc)}</desc>`,
    `<defs><marker id="${ah}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path class="ah" d="M0,0L10,5L0,10z"/></marker></defs>`,
  ];
  for (const { p, lines: ls } of heads) {
    const cx = x.get(p.key)!;
    const w = col - 14;
    out.push(`<g class="edge life"><path d="M${r1(cx)},${r1(4 + headH)}V${H - 4}"/></g>`);
    const body = `<g class="node k-${p.kind}">${shapeOf(p.kind, cx - w / 2, 4, w, headH)}<text class="nl">${lines(
      cx,
      4 + 9,
      ls.map((l) => [l, FONT.node]),
    )}</text></g>`;
    out.push(p.href ? `<a href="${esc(o.link(p.href))}">${body}</a>` : body);
  }
  for (const { s, ls, at } of rows) {
    const a = x.get(s.from) ?? 0;
    const b = x.get(s.to) ?? 0;
    const dir = Math.sign(b - a) || 1;
    const path = a === b ? `M${r1(a)},${r1(at - 6)}h30v12h-27` : `M${r1(a + dir * 3)},${r1(at)}H${r1(b - dir * 3)}`;
    out.push(`<g class="edge${s.reply ? ' dashed' : ''}"><path d="${path}" marker-end="url(#${ah})"/></g>`);
    const cx = a === b ? a + 40 : (a + b) / 2;
    out.push(
      `<g class="el"><text${a === b ? ' class="start"' : ''}>${lines(
        cx,
        at - 4 - ls.length * FONT.edge * FONT.line,
        ls.map((l) => [l, FONT.edge]),
      )}</text></g>`,
    );
  }
  out.push('</svg>');
  return { svg: out.join(''), width: W, height: H };
}

/** The kinds a drawing shows and the marks it uses, for its legend. */
export function legendOf(laid: Pick<Laid, 'nodes' | 'edges'>): { kinds: NodeKind[]; dashed: boolean; both: boolean; bundled: boolean } {
  // In one order whatever the drawing: the repositories' kinds, then data, then areas.
  const shown = new Set(laid.nodes.map((n) => n.kind));
  const kinds = (Object.keys(KIND_NAME) as NodeKind[]).filter((k) => shown.has(k));
  return {
    kinds,
    dashed: laid.edges.some((e) => e.dashed),
    both: laid.edges.some((e) => e.both),
    bundled: laid.edges.some((e) => e.count > 1),
  };
}

/** The legend as HTML: a small drawing of each kind shown, then what the lines mean. */
export function legendHtml(legend: ReturnType<typeof legendOf>, view: DiagramGraph['view']): string {
  const swatch = (k: NodeKind) =>
    `<li><svg class="plx" viewBox="0 0 34 20" width="34" height="20" aria-hidden="true"><g class="node k-${k}">${shapeOf(k, 1, 1, 32, 18)}</g></svg>${esc(KIND_NAME[k])}</li>`;
  const marks = [
    view === 'sequence' ? 'Time runs down; dashed arrows are replies' : 'Each arrow starts at the side that acts (calls, publishes, reads, depends on…)',
    ...(legend.both ? ['↔ both ways'] : []),
    ...(legend.bundled ? ['(n): n integrations drawn as one arrow, which lists them'] : []),
    ...(legend.dashed && view !== 'sequence' ? ['dashed: deprecated'] : []),
  ];
  return `<ul class="diagram-key">${legend.kinds.map(swatch).join('')}<li class="marks">${esc(marks.join('; '))}.</li></ul>`;
}

/** The width a text would take in a node, for tests and the terminal. */
export const labelWidth = (text: string) => textWidth(text, FONT.node, 600);
