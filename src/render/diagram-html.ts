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
export function diagramFigure(source: string, text: DiagramText, drawn?: { svg: string; file?: string }): string {
  const alt = text.rows?.length
    ? `<div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Who</th><th scope="col">Does</th><th scope="col">To or with</th></tr></thead><tbody>${text.rows
        .map((r) => `<tr><td>${escapeHtml(r.from)}</td><td>${escapeHtml(r.label)}</td><td>${escapeHtml(r.to)}</td></tr>`)
        .join('')}</tbody></table></div>`
    : `<pre tabindex="0"><code>${escapeHtml(source)}</code></pre>`;
  return (
    `<figure class="diagram" data-diagram><figcaption><strong>${escapeHtml(text.title)}</strong> <span>${escapeHtml(text.description)}</span>${text.legend ? `<span class="diagram-legend">${escapeHtml(text.legend)}</span>` : ''}</figcaption>` +
    `<div class="diagram-canvas" data-pagefind-ignore="all" role="img" aria-label="${escapeHtml(`${text.title}. ${text.description}`)}">${
      drawn ? `<div class="diagram-svg">${drawn.svg}</div>` : `<pre class="mermaid">${escapeHtml(source)}</pre>`
    }</div>` +
    (drawn?.file ? `<p class="diagram-open"><a href="${escapeHtml(drawn.file)}">Open full size</a></p>` : '') +
    `<details class="diagram-text"><summary>Diagram as text</summary>${alt}</details></figure>`
  );
}
