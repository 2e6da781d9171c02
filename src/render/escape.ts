/**
 * Escaping for every place user text lands in generated Markdown. CommonMark lets a backslash
 * escape any ASCII punctuation, and MDX honours the same escapes, so `{`, `<` and friends
 * escaped here never become JSX, HTML or Markdown syntax, on GitHub or in the site.
 */

const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>|~$&]/g;
/** Anything markdownText would change; most values (names, ids, dates) have none of it. */
const NEEDS_ESCAPE = /[\\`*_{}[\]<>|~$&\r\n]/;

/** What makes a line a heading, list item, quote, setext underline or code block when a value starts one. */
const LINE_START = /^(?:[ \t]|#{1,6}(?:[ \t]|$)|[-+](?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * Inline text: every character that could start markup is escaped; newlines fold to spaces. A
 * value may start a line in a template (`{{purpose}}` alone on a line), so what would make that
 * line a heading (`# Not a heading`), a list item or a code block is escaped too.
 */
export function markdownText(value: unknown): string {
  const text = inlineText(value);
  if (!LINE_START.test(text)) return text;
  return text
    .replace(/^[ \t]+/, '')
    .replace(/^(#{1,6}(?:[ \t]|$)|[-+](?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$)/, '\\$1')
    .replace(/^(\d{1,9})([.)](?:[ \t]|$))/, '$1\\$2');
}

/** Text inside a line that something else starts (a table cell): markup escaped, newlines folded. */
function inlineText(value: unknown): string {
  const text = String(value ?? '');
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/\r?\n+/g, ' ').replace(MARKDOWN_SPECIAL, '\\$&');
}

/** A GFM table cell: inline text, with nothing that could end the cell or the row. */
export function tableCell(value: unknown): string {
  const text = inlineText(value).trim();
  return text === '' ? '—' : text;
}

/** An inline code span that holds any text, backticks included. */
export function inlineCode(value: unknown): string {
  const text = String(value ?? '').replace(/\r?\n+/g, ' ');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** An inline code span inside a GFM table cell, where even a code span's `|` must be escaped. */
export function tableCode(value: unknown): string {
  return inlineCode(value).replace(/\|/g, '\\|');
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function codeBlock(value: string, lang = ''): string {
  const longest = Math.max(2, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${value.replace(/\n$/, '')}\n${fence}`;
}

/** A link destination: http(s) or relative only, in angle brackets so spaces and parentheses are safe. */
export function linkUrl(value: string): string {
  if (!/^(https?:\/\/|[^:]*$)/i.test(value)) return '#';
  return `<${value.replace(/[<>\\|\n]/g, (c) => encodeURIComponent(c))}>`;
}

export function markdownLink(text: unknown, url: string): string {
  return `[${markdownText(text)}](${linkUrl(url)})`;
}
