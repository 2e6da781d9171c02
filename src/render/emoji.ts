/** One emoji: a pictograph or flag letter, with its variation selector and any joined parts. */
const EMOJI = String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\u{FE0F}|\u{200D}|\p{Extended_Pictographic})*`;
const LEADING = new RegExp(String.raw`(<h[1-6][^>]*>)(?:\s*${EMOJI})+\s*`, 'gu');

/**
 * Headings without the emoji the seed documents open them with (`## 🔗 Active Integrations`):
 * where no emoji font is installed they draw as boxes, and the site's headings carry no icons.
 */
export function withoutHeadingEmoji(html: string): string {
  return html.replace(LEADING, '$1');
}

/**
 * Headings in the site's sentence case: "Failure Handling" reads "Failure handling". Words after
 * the first lose a leading capital when the rest is lower case (an acronym such as API stays).
 * For the generated documents' fixed headings, never for what a person wrote.
 */
export function sentenceCaseHeadings(html: string): string {
  return html.replace(/(<h[23][^>]*>)([^<]+)(<\/h[23]>)/g, (_, open: string, text: string, close: string) => {
    const words = text.split(' ');
    return open + words.map((w, i) => (i > 0 && /^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w)).join(' ') + close;
  });
}

/** Only what draws as an emoji: a pictograph shown as one by default or asked to be (U+FE0F); ↔ and © stay. */
const SHOWN = String.raw`(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\u{FE0F})(?:\u{200D}\p{Extended_Pictographic}\u{FE0F}?)*`;
const ANY = new RegExp(`${SHOWN}[ \\u{00A0}]?`, 'gu');

/**
 * A generated document without emoji anywhere (the seed's "✅ Active" status cells, "⚠️" notes):
 * the site's badges and words say it, and without an emoji font they draw as boxes.
 */
export function withoutEmoji(html: string): string {
  return html.replace(ANY, '');
}
