import { blocks } from '../core/markdown.ts';
import { type Placeholder, scanPlaceholders } from './placeholders.ts';

/** `## 1.2 Integration Scope` → `1.2 integration scope`: how a heading is matched between a document and its template. */
const headingKey = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The headings of a Markdown text outside code blocks, with their line numbers, in order. */
function headings(markdown: string): { key: string; line: number }[] {
  return blocks(markdown)
    .filter((b) => !b.fenced)
    .flatMap((b) =>
      b.lines.flatMap((line, i) => {
        const m = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
        return m ? [{ key: headingKey(m[1]!), line: b.startLine + i + 1 }] : [];
      }),
    );
}

/**
 * The placeholders of a blank template that a document has not filled: those still in it, and
 * those of the template's sections it leaves out (deleting a section fills nothing). A section
 * is a heading and what follows to the next heading; the title (the first heading, level 1) and
 * what precedes it are the document itself and always kept.
 */
export function unfilledPlaceholders(body: string, blank: string): { inDocument: Placeholder[]; leftOut: Placeholder[]; sectionsLeftOut: number } {
  const kept = new Set(headings(body).map((h) => h.key));
  const sections = headings(blank).slice(1);
  const placeholders = scanPlaceholders(blank);
  const leftOut: Placeholder[] = [];
  let sectionsLeftOut = 0;
  sections.forEach((s, i) => {
    if (kept.has(s.key)) return;
    sectionsLeftOut++;
    const end = sections[i + 1]?.line ?? Number.POSITIVE_INFINITY;
    leftOut.push(...placeholders.filter((p) => p.line >= s.line && p.line < end));
  });
  return { inDocument: scanPlaceholders(body), leftOut, sectionsLeftOut };
}

/** The placeholders of a document's prose: what markToFill marks. */
const prosePlaceholders = (source: string) => scanPlaceholders(source).filter((p) => p.context === 'text');

/** How many places of a document's prose are marked "to fill". */
export const toFillCount = (source: string) => prosePlaceholders(source).length;

/** Escaped as the Markdown renderer escapes text. */
const asHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A rendered document with each unfilled placeholder of its prose marked "to fill" for readers,
 * and how many were marked. Only text is marked (not code, where the placeholder is part of an
 * example, nor tag attributes); `source` is the document's Markdown, whose placeholders say what to look for.
 */
export function markToFill(html: string, source: string): { html: string; count: number } {
  const raws = [...new Set(prosePlaceholders(source).map((p) => asHtml(p.raw)))].sort((a, b) => b.length - a.length);
  if (raws.length === 0) return { html, count: 0 };
  const pattern = new RegExp(raws.map((r) => r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  let count = 0;
  const out = html
    .split(/(<pre[\s>][\s\S]*?<\/pre>|<code[\s>][\s\S]*?<\/code>|<[^>]*>)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(pattern, (raw) => {
            count++;
            // `[Prose]` and `{UPPER}` alike lose their brackets: the mark says what they meant.
            return `<mark class="to-fill"><span class="to-fill-tag">To fill:</span> ${raw.slice(1, -1)}</mark>`;
          }),
    )
    .join('');
  return { html: out, count };
}
