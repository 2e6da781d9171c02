// How a list's rows become HTML. Pure and free of Node: the static pages render their rows with it
// and the browser's list script imports the same function, so both draw a row the same way.
import { escapeHtml } from '../render/escape-html.ts';
import type { Cell, ListColumn, ListRow } from './list-data.ts';

/** A site path under the base path (`base` ends in `/`, `path` starts with one). */
const at = (base: string, path: string) => `${base}${path.replace(/^\//, '')}`;

function cellHtml(column: ListColumn, cell: Cell | string[] | undefined, base: string): string {
  if (cell === undefined || cell === '') return '';
  if (typeof cell === 'string' || typeof cell === 'number') {
    const text = escapeHtml(cell);
    return column.as === 'code' ? `<code>${text}</code>` : column.as === 'link' && typeof cell === 'string' ? `<span class="muted">${text}</span>` : text;
  }
  if (column.as === 'badge') return `<span class="badge ${escapeHtml(cell[1])}">${escapeHtml(cell[0])}</span>`;
  if (column.as === 'link' || column.as === 'code-link') {
    const [text, path] = cell as [string, string];
    const inner = column.as === 'code-link' ? `<code>${escapeHtml(text)}</code>` : escapeHtml(text);
    return `<a href="${escapeHtml(at(base, path))}">${inner}</a>`;
  }
  const links = cell as [string, string][];
  if (links.length === 0) return column.empty ? `<span class="muted">${escapeHtml(column.empty)}</span>` : '';
  return links.map(([text, path]) => `<a href="${escapeHtml(at(base, path))}">${escapeHtml(text)}</a>`).join(', ');
}

/** One row of a list: each cell names its column, so on a phone the row becomes a card. */
export function rowHtml(columns: ListColumn[], row: ListRow, base: string): string {
  return `<tr>${columns.map((c) => `<td data-label="${escapeHtml(c.label)}"${c.as === 'number' ? ' class="num"' : ''}>${cellHtml(c, row[c.key], base)}</td>`).join('')}</tr>`;
}
