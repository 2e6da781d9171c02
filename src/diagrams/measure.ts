/**
 * Text width without a browser: per-character advance widths, in em, of printable ASCII, the
 * larger of DejaVu Sans and Liberation Sans (what system-ui resolves to on Linux; wider than most
 * other UI fonts), so a label measured here fits the box drawn for it. Other characters count as
 * 0.62 em, CJK and wider as 1 em.
 */
const W400 = [
  0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636,
  0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.556, 1.015, 0.684, 0.686, 0.722, 0.77, 0.667, 0.611, 0.778, 0.752, 0.295, 0.5, 0.667, 0.557, 0.863,
  0.748, 0.787, 0.667, 0.787, 0.722, 0.667, 0.611, 0.732, 0.684, 0.989, 0.685, 0.667, 0.685, 0.39, 0.337, 0.39, 0.838, 0.556, 0.5, 0.613, 0.635, 0.55, 0.635,
  0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, 0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525,
  0.636, 0.337, 0.636, 0.838,
];
const W600 = [
  0.348, 0.456, 0.521, 0.838, 0.696, 1.002, 0.872, 0.306, 0.457, 0.457, 0.523, 0.838, 0.38, 0.415, 0.38, 0.365, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696,
  0.696, 0.696, 0.696, 0.4, 0.4, 0.838, 0.838, 0.838, 0.611, 1, 0.774, 0.762, 0.734, 0.83, 0.683, 0.683, 0.821, 0.837, 0.372, 0.556, 0.775, 0.637, 0.995, 0.837,
  0.85, 0.733, 0.85, 0.77, 0.72, 0.682, 0.812, 0.774, 1.103, 0.771, 0.724, 0.725, 0.457, 0.365, 0.457, 0.838, 0.556, 0.5, 0.675, 0.716, 0.593, 0.716, 0.678,
  0.435, 0.716, 0.712, 0.343, 0.343, 0.665, 0.343, 1.042, 0.712, 0.687, 0.716, 0.716, 0.493, 0.595, 0.478, 0.712, 0.652, 0.924, 0.645, 0.652, 0.582, 0.712,
  0.365, 0.712, 0.838,
];

/** Width in px of `text` at `px` font size, bold from weight 600. */
export function textWidth(text: string, px: number, weight = 400): number {
  const table = weight >= 600 ? W600 : W400;
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += c >= 32 && c < 127 ? table[c - 32]! : c >= 0x2e80 ? 1 : 0.62;
  }
  return em * px;
}

/** Where a long word is best broken: after one of its parts (a path's segment, a dotted name, a list item). */
const BETWEEN_PARTS = '/.,:(';
/** Inside one name (payment_intent, order-placed): broken after only when no part ends where it fits. */
const WITHIN_NAME = '_-';

/**
 * Words wrapped greedily to `maxWidth`. A word wider than that is broken where it must be: after
 * one of its parts where it can (`POST /v1/` then `payment_intents`), filling the line it starts on
 * first, else inside a name (`payment_` then `intents`), else at the last character that fits.
 */
export function wrap(text: string, px: number, maxWidth: number, weight = 400): string[] {
  const fits = (s: string) => textWidth(s, px, weight) <= maxWidth;
  const lines: string[] = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    let rest = word;
    if (line && !fits(word)) {
      // The line this word starts on takes its first parts, when they fit there.
      const head = cutAt(word, (n) => fits(`${line} ${word.slice(0, n)}`), false);
      if (head > 0) {
        line = `${line} ${word.slice(0, head)}`;
        rest = word.slice(head);
      }
    }
    if (line) lines.push(line);
    // A word wider than the box is broken, so no label is wider than what is drawn for it.
    while (!fits(rest) && rest.length > 1) {
      const cut = cutAt(rest, (n) => fits(rest.slice(0, n)), true);
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/**
 * How many characters of `word` to keep on a line where a prefix fits when `fits(length)`: up to
 * the last separator between parts, else within a name (each leaving at least two characters),
 * else, when `anywhere`, the most that fits (at least one); 0 when none serves.
 */
function cutAt(word: string, fits: (length: number) => boolean, anywhere: boolean): number {
  let most = 0;
  let part = 0;
  let name = 0;
  for (let n = 1; n < word.length && fits(n); n++) {
    most = n;
    const ch = word[n - 1]!;
    if (n >= 2 && BETWEEN_PARTS.includes(ch)) part = n;
    else if (n >= 2 && WITHIN_NAME.includes(ch)) name = n;
  }
  if (part > 0) return part;
  if (!anywhere) return 0;
  return name > 0 ? name : Math.max(1, most);
}
