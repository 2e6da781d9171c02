import { safeMermaid } from '../core/mermaid-config.ts';
import { escapeHtml } from './escape-html.ts';

export interface DiagramText {
  /** Short title, shown as the caption and read first by screen readers. */
  title: string;
  /** One sentence on what the diagram shows. */
  description: string;
  /** How to read it: which way the arrows go and what the marks mean. */
  legend?: string;
  /** The diagram as text: each edge as a row, for screen readers, search and no-JS readers. */
  rows?: { from: string; label: string; to: string }[];
}

/**
 * The HTML of one diagram: the mermaid source in a figure, with a caption, a description and a
 * text alternative. A page's diagram script (or the build-time renderer) turns the source into SVG.
 */
/** How a drawn diagram links: node id (`n3`) → page URL, and the node the view opens on. */
export interface DiagramLinks {
  links?: ReadonlyMap<string, string>;
  focus?: string;
  /** `npm run dev`: the key of a drawing still in progress; the text is shown open meanwhile. */
  pending?: string;
}

/**
 * The drawn SVG at its natural size (mermaid draws labels at 12–18 px; shrunk to fit a page they
 * were 6–7 px), each node that has a page wrapped in a link to it. Node groups are found by the id
 * mermaid gives them (`<prefix>-flowchart-n3-3`) and closed by counting `<g>`/`</g>`: text in a
 * drawing is escaped, so no `<` stands in it.
 */
export function linkedSvg(svg: string, links: ReadonlyMap<string, string> = new Map()): string {
  const viewBox = /viewBox="[\d.-]+ [\d.-]+ ([\d.]+) [\d.]+"/.exec(svg);
  // Natural width, and no cap from mermaid's max-width: zooming sets the width.
  let out = viewBox
    ? svg.replace(/^<svg([^>]*?) width="100%"/, `<svg$1 width="${viewBox[1]}"`).replace(/^(<svg[^>]*?) style="max-width: [\d.]+px;"/, '$1')
    : svg;
  for (const [node, url] of links) {
    const open = new RegExp(`<g class="node[^"]*" id="[^"]*-flowchart-${node}-\\d+"`).exec(out);
    if (!open) continue;
    let depth = 0;
    let end = -1;
    const tags = /<g\b|<\/g>/g;
    tags.lastIndex = open.index;
    for (let m = tags.exec(out); m; m = tags.exec(out)) {
      depth += m[0] === '</g>' ? -1 : 1;
      if (depth === 0) {
        end = m.index + 4;
        break;
      }
    }
    if (end < 0) continue;
    out = `${out.slice(0, open.index)}<a href="${escapeHtml(url)}">${out.slice(open.index, end)}</a>${out.slice(end)}`;
  }
  return out;
}

export function diagramFigure(given: string, text: DiagramText, drawn?: { svg: string; file?: string }, how: DiagramLinks = {}): string {
  // The text a reader's browser may draw, and shown as text: only what safeMermaid kept of its own configuration.
  const source = safeMermaid(given).source;
  const alt = text.rows?.length
    ? `<div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Who</th><th scope="col">Does</th><th scope="col">To or with</th></tr></thead><tbody>${text.rows
        .map((r) => `<tr><td>${escapeHtml(r.from)}</td><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.to)}</td></tr>`)
        .join('')}</tbody></table></div>`
    : `<pre tabindex="0"><code>${escapeHtml(source)}</code></pre>`;
  return (
    `<figure class="diagram" data-diagram><figcaption><strong>${escapeHtml(text.title)}</strong> <span>${escapeHtml(text.description)}</span>${text.legend ? `<span class="diagram-legend">${escapeHtml(text.legend)}</span>` : ''}</figcaption>` +
    `<div class="diagram-canvas" data-pagefind-ignore="all" tabindex="0" role="group" aria-label="${escapeHtml(`${text.title}. ${text.description}`)}"${
      how.focus ? ` data-focus="${escapeHtml(how.focus)}"` : ''
    }>${
      drawn
        ? `<div class="diagram-svg">${linkedSvg(drawn.svg, how.links)}</div>`
        : how.pending
          ? `<p class="diagram-pending" data-diagram-pending="${escapeHtml(how.pending)}">Drawing this diagram… It appears here when drawn; meanwhile, read it as text below.</p>`
          : `<pre class="mermaid">${escapeHtml(source)}</pre>`
    }</div>` +
    (drawn?.file ? `<p class="diagram-open"><a href="${escapeHtml(drawn.file)}">Open full size</a></p>` : '') +
    `<details class="diagram-text"${!drawn && how.pending ? ' open' : ''}><summary>Diagram as text</summary>${alt}</details></figure>`
  );
}
