/** Rows a list page shows at most; more go to further pages, so a page stays light at thousands. */
export const PAGE_SIZE = 100;

/**
 * One cell of a list, as its column says to show it: `text` and `number` as they are, `code` in
 * code type, `link` a `[text, site path]` pair, `links` a list of them, `badge` a `[label, tone]`.
 */
export type Cell = string | number | [string, string] | [string, string][];

/** A column of a list: the row key it shows, its heading, and how its cell is drawn. */
export interface ListColumn {
  key: string;
  label: string;
  as: 'text' | 'number' | 'code' | 'link' | 'code-link' | 'links' | 'badge';
  /** What an empty `links` cell says (muted), e.g. "no registered consumers". */
  empty?: string;
}

/** A filter of a list: a select over the row field `key` (one value, or any of several). */
export interface ListFilter {
  /** Its name in the form and in the address: `?type=rest`. */
  name: string;
  label: string;
  key: string;
  options: [value: string, label: string][];
}

/** A row: its cells by column key, and the raw values its filters compare (short keys: the rows are fetched as JSON). */
export type ListRow = Record<string, Cell | string[]>;

/** A list the site shows as static pages and the browser filters, sorts and pages from its JSON. */
export interface ListSpec {
  /** What one row is and what many are: "integration", "integrations". */
  noun: [one: string, many: string];
  columns: ListColumn[];
  filters: ListFilter[];
  /** Every row, in natural order of the first column: the order of the static pages. */
  rows: ListRow[];
  /** Site path of the rows as JSON. */
  json: string;
  /** Site path of static page `n` (page 1 is the list's own page). */
  page: (n: number) => string;
  /** What the text filter looks in, for its placeholder. */
  textHint: string;
}

/** How many static pages a list of `rows` takes. */
export function pageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / PAGE_SIZE));
}

/** The text a cell sorts and is searched by. */
export function cellText(cell: Cell | string[] | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  if (cell.length === 2 && typeof cell[0] === 'string' && typeof cell[1] === 'string') return cell[0];
  return (cell as [string, string][]).map((c) => c[0]).join(', ');
}

/** The values of a filter's field present in `rows`, each once. */
export function filterValues(rows: ListRow[], key: string): string[] {
  const values = new Set<string>();
  for (const r of rows) {
    const v = r[key];
    for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string' && x !== '') values.add(x);
  }
  return [...values];
}
