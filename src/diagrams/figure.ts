/**
 * A view as a page shows it: the trail up to the landscape, a caption, the wide and the narrow
 * drawing (the page's CSS shows the one that fits; no script), the legend of what it shows, a
 * link to its own full-size page, and the view as text, whose rows the bundled edges link to.
 * Where no drawing fits a canvas, the table stands in for it there.
 */
import { escapeHtml } from '../render/escape-html.ts';
import { type DiagramGraph, edgeAnchor } from './view-graph.ts';
import type { Fitted } from './layout-fit.ts';
import { legendHtml, legendOf, writeSequenceSvg, writeSvg } from './svg.ts';

export interface FigureOptions {
  /** A site path as the page links it (with the base path). */
  link: (path: string) => string;
  /** Unique on the page. */
  idPrefix: string;
  /** On the view's own page: the text shown open, no "Open full size". */
  full?: boolean;
  /** Where the narrow canvas has no drawing, a note instead of a silent table. */
}

const esc = escapeHtml;

/** The trail from the landscape to this view, each step a link but the last. */
export function trailHtml(g: DiagramGraph, link: (p: string) => string): string {
  const steps = g.trail.map((c, i) =>
    i === g.trail.length - 1 ? `<li aria-current="page">${esc(c.label)}</li>` : `<li><a href="${esc(link(c.href))}">${esc(c.label)}</a></li>`,
  );
  return `<nav class="view-trail" aria-label="Diagram level">View: <ol>${steps.join('')}</ol></nav>`;
}

/**
 * The view as text: each edge a row with the integrations it stands for, linked; bundled rows carry
 * the anchor their edge links to. Each cell names its column, so on a phone each row is a card
 * (site.css) instead of a table scrolling sideways.
 */
export function rowsHtml(g: DiagramGraph, link: (p: string) => string, titles: (id: string) => string): string {
  const name = new Map(g.nodes.map((n) => [n.key, n]));
  const cell = (key: string) => {
    const n = name.get(key);
    return n?.href ? `<a href="${esc(link(n.href))}">${esc(n.label)}</a>` : esc(n?.label ?? key);
  };
  if (g.view === 'sequence') {
    const rows = (g.steps ?? []).map(
      (s) =>
        `<tr><td data-label="From">${cell(s.from)}</td><td data-label="Message">${esc(s.message)}${s.reply ? ' (reply)' : ''}</td><td data-label="To">${cell(s.to)}</td></tr>`,
    );
    return `<div class="table-wrap" tabindex="0"><table class="view-rows"><thead><tr><th scope="col">From</th><th scope="col">Message</th><th scope="col">To</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  }
  const rows = g.edges.map((e) => {
    const id = e.count > 1 ? ` id="${esc(edgeAnchor(e.from, e.to))}"` : '';
    const what = e.integrations.length
      ? e.integrations.map((i) => `<a href="${esc(link(`/integrations/${encodeURIComponent(i)}/`))}">${esc(titles(i))}</a>`).join(', ')
      : esc(e.label);
    return `<tr${id}><td data-label="Who">${cell(e.from)}</td><td data-label="Does">${esc(e.label)}${e.both ? ' (both ways)' : ''}</td><td data-label="To or with">${cell(e.to)}</td><td data-label="Integrations">${what}</td></tr>`;
  });
  return `<div class="table-wrap" tabindex="0"><table class="view-rows"><thead><tr><th scope="col">Who</th><th scope="col">Does</th><th scope="col">To or with</th><th scope="col">Integrations</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** A landscape too dense to draw: areas × areas, each cell the integrations from the row's area to the column's, linked to their row. */
export function matrixHtml(g: DiagramGraph, link: (p: string) => string): string {
  const nodes = g.nodes;
  const count = new Map<string, { n: number; href?: string }>();
  for (const e of g.edges) {
    count.set(`${e.from}\u0000${e.to}`, { n: e.count, href: e.href });
  }
  const head = nodes.map((n) => `<th scope="col">${esc(n.label)}</th>`).join('');
  const body = nodes
    .map((a) => {
      const cells = nodes.map((b) => {
        if (a.key === b.key) return `<td class="n">${g.inside?.[a.key] ? esc(`${g.inside[a.key]} inside`) : '·'}</td>`;
        const c = count.get(`${a.key}\u0000${b.key}`);
        return `<td class="n">${c ? (c.href ? `<a href="${esc(link(c.href))}">${c.n}</a>` : String(c.n)) : ''}</td>`;
      });
      return `<tr><th scope="row">${a.href ? `<a href="${esc(link(a.href))}">${esc(a.label)}</a>` : esc(a.label)}</th>${cells.join('')}</tr>`;
    })
    .join('');
  return `<div class="view-table table-wrap" tabindex="0"><table><caption>Integrations from each row's area to each column's (the arrow leaves the side that acts)</caption><thead><tr><td></td>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A view as a list that wraps to any width: each edge its two ends and what is done, each linked. */
export function listHtml(g: DiagramGraph, link: (p: string) => string): string {
  const byKey = new Map(g.nodes.map((n) => [n.key, n]));
  const end = (key: string) => {
    const n = byKey.get(key);
    return n?.href ? `<a href="${esc(link(n.href))}">${esc(n.label)}</a>` : esc(n?.label ?? key);
  };
  const items = g.edges.map(
    (e) => `<li>${end(e.from)} ${e.both ? '↔' : '→'} ${end(e.to)}: ${e.href ? `<a href="${esc(link(e.href))}">${esc(e.label)}</a>` : esc(e.label)}</li>`,
  );
  return `<ul class="view-list">${items.join('')}</ul>`;
}

/** The wide-drawing width bucket its container query shows it from. */
const bucket = (width: number) => Math.min(1100, Math.max(350, Math.ceil(width / 10) * 10));

/** A view's figure. `titles` names an integration by id (for the text rows). */
export function viewFigure(fitted: Fitted, o: FigureOptions, titles: (id: string) => string): string {
  const g = fitted.graph;
  const svgOpts = (which: string) => ({ link: o.link, idPrefix: `${o.idPrefix}-${which}`, title: g.title, desc: g.description });
  // Each drawing carries its own legend, so the page's container query shows the legend with the
  // drawing it explains; a table or a list has no shapes, and keeps only what its arrows mean.
  let wide = '';
  let narrow = '';
  let marks = '';
  let fit = 350;
  if (g.view === 'sequence') {
    const w = writeSequenceSvg(g, 1000, svgOpts('w'));
    const n = writeSequenceSvg(g, 330, svgOpts('n'));
    fit = bucket(w.width);
    const legend = legendHtml(
      { kinds: [...new Set(g.nodes.map((x) => x.kind))], dashed: (g.steps ?? []).some((s) => s.reply), both: false, bundled: false },
      'sequence',
    );
    wide = w.svg + legend;
    narrow = n.width <= 340 ? n.svg + legend : '';
  } else {
    if (fitted.wide) {
      wide = writeSvg(fitted.wide, svgOpts('w')) + legendHtml(legendOf(fitted.wide), g.view);
      fit = bucket(fitted.wide.width);
    }
    if (fitted.narrow) narrow = writeSvg(fitted.narrow, svgOpts('n')) + legendHtml(legendOf(fitted.narrow), g.view);
    const shown = fitted.wide ?? fitted.narrow;
    if (shown) marks = legendHtml({ ...legendOf(shown), kinds: [] }, g.view);
  }
  // Where no drawing fits: on a wide canvas the table (areas × areas for the landscape), on a narrow one the list, which wraps.
  const table = g.view === 'landscape' ? matrixHtml(g, o.link) : `<div class="view-table">${rowsHtml(g, o.link, titles)}</div>`;
  const note = (what: string) => `<p class="muted">Too many connections to draw readably here; as ${what}:</p>`;
  if (!wide) fit = 700;
  const canvas =
    (wide ? `<div class="view-wide">${wide}</div>` : `<div class="view-table-wide">${note('a table')}${table}${marks}</div>`) +
    (narrow ? `<div class="view-narrow">${narrow}</div>` : `<div class="view-table-narrow">${note('a list')}${listHtml(g, o.link)}${marks}</div>`);
  const text = rowsHtml(g, o.link, titles);
  return (
    `<figure class="diagram view${o.full ? ' view-page' : ''}" data-view="${esc(g.view)}">` +
    trailHtml(g, o.link) +
    `<figcaption><strong>${esc(g.title)}</strong> <span>${esc(g.description)}</span></figcaption>` +
    `<div class="view-canvas fit-${fit}" data-pagefind-ignore="all">${canvas}</div>` +
    (o.full || g.view === 'sequence' ? '' : `<p class="diagram-open"><a href="${esc(o.link(g.page))}">Open this view on its own page</a></p>`) +
    (o.full
      ? `<section class="view-text"><h2>In this view</h2>${text}</section>`
      : `<details class="diagram-text"><summary>Diagram as text</summary>${text}</details>`) +
    '</figure>'
  );
}
