import { diagnostic } from './codes.ts';
import type { Diagnostic } from './diagnostics.ts';

/** Splits `---\n<yaml>\n---\n<body>`; front matter is required for registry documents. */
export function splitFrontMatter(file: string, text: string): { yaml?: string; body: string; bodyLine: number; diagnostics: Diagnostic[] } {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) {
    return {
      body: text,
      bodyLine: 1,
      diagnostics: [diagnostic('BadFrontMatter', file, { line: 1, col: 1 }, { unclosed: false })],
    };
  }
  const close = /^---[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) {
    return {
      body: text,
      bodyLine: 1,
      diagnostics: [diagnostic('BadFrontMatter', file, { line: 1, col: 1 }, { unclosed: true })],
    };
  }
  const yaml = rest.slice(0, end.index);
  const afterClose = rest.slice(end.index + end[0].length).replace(/^\r?\n/, '');
  const bodyLine = 2 + (yaml.match(/\n/g)?.length ?? 0) + 1;
  return { yaml, body: afterClose, bodyLine, diagnostics: [] };
}
