import { decodeHtml } from '../render/escape-html.ts';

/** One entry of a page's outline: a second-level heading and its anchor. */
export interface OutlineEntry {
  id: string;
  text: string;
}

/** A page needs an outline once it has this many sections (beyond its cards). */
export const OUTLINE_MIN = 5;

/** A second-level heading, and the card it titles if it opens one (cards are the page's header, not sections). */
const H2 = /(<section class="card\b[^>]*>\s*)?<h2(\s[^>]*)?>([\s\S]*?)<\/h2>/g;

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

/**
 * The second-level headings of a page's rendered HTML (Plexus's own output: user text in it is
 * escaped, so a heading cannot contain `</h2>`), each given an id if it had none, unique on the
 * page, except the titles of cards. Returns the HTML with those ids and the outline.
 */
export function outline(html: string): { html: string; entries: OutlineEntry[] } {
  const taken = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!));
  const entries: OutlineEntry[] = [];
  const out = html.replace(H2, (whole, card: string | undefined, attributes: string | undefined, inner: string) => {
    if (card) return whole;
    const text = decodeHtml(inner.replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    const existing = attributes?.match(/\sid="([^"]*)"/)?.[1];
    if (existing !== undefined) {
      entries.push({ id: decodeHtml(existing), text });
      return whole;
    }
    let id = slug(text);
    for (let n = 2; taken.has(id); n++) id = `${slug(text)}-${n}`;
    taken.add(id);
    entries.push({ id, text });
    return `<h2 id="${id}"${attributes ?? ''}>${inner}</h2>`;
  });
  return { html: out, entries };
}
