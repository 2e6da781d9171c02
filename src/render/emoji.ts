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
