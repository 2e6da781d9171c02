import { blocks } from '../core/markdown.ts';
import { markdownText } from './escape.ts';

/** A placeholder found in a Markdown template. */
export interface Placeholder {
  /** `upper` for `{UPPER_SNAKE}`, `bracket` for `[Bracket prose]`, `choice` for `[A | B | C]`. */
  kind: 'upper' | 'bracket' | 'choice';
  /** The name values are looked up by: `ECOSYSTEM_NAME`, `Program Name`, `Draft | In Review`. */
  key: string;
  /** The placeholder as written, brackets and all. */
  raw: string;
  choices: string[];
  line: number;
  col: number;
  /** Offset in the text, for replacing. */
  offset: number;
  /** How a value is written there: escaped Markdown text, or verbatim (code, link destinations). */
  context: 'text' | 'verbatim';
}

const UPPER = /(?<![{$\w])\{([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\}(?!\})/g;
// `[Prose]` not preceded by a word, `]`, `[`, `!` or `\`, and not followed by `(`, `[`, `:` or `]`:
// so links, images, references, wiki links and `items[0]` are left alone.
const BRACKET = /(?<![\w\][!\\])\[([^[\]\n]+)\](?![([:\]])/g;
const QUOTED_BRACKET = /"\[([^[\]"\n]+)\]"/g;
const PROSE_FENCES = new Set(['markdown', 'md', '']);

function isPlaceholderText(inner: string): boolean {
  return /\p{L}/u.test(inner) && !/^\s*[xX ]?\s*$/.test(inner) && !inner.startsWith('^') && !inner.includes('"') && inner.trim() === inner;
}

function choicesOf(inner: string): string[] {
  const parts = inner.split(/\s+\\?\|\s+/);
  return parts.length > 1 ? parts : [];
}

/** Inline code spans of a line, as [start, end) column ranges. */
function codeSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /(`+)(.+?)\1/g;
  for (const m of line.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Whether `col` sits inside the destination of a Markdown link, `](here)`. */
function inLinkDestination(line: string, col: number): boolean {
  const open = line.lastIndexOf('](', col);
  return open >= 0 && !line.slice(open + 2, col).includes(')');
}

/**
 * Finds every placeholder in a Markdown text. Mermaid blocks are skipped (node labels look
 * like brackets); in other code blocks only `{UPPER}` and quoted `"[Prose]"` count, so JSON
 * arrays and indexes are not placeholders. Markdown links, wiki links and task boxes never are.
 */
export function scanPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  const references = new Set([...text.matchAll(/^\s{0,3}\[([^\]]+)\]:/gm)].map((m) => m[1]!.toLowerCase()));
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  for (const block of blocks(text)) {
    if (block.fenced && block.lang === 'mermaid') continue;
    const prose = !block.fenced || (PROSE_FENCES.has(block.lang) && block.lang !== '');
    block.lines.forEach((line, i) => {
      const lineNo = block.startLine + i;
      if (block.fenced && i === 0) return; // the fence line itself
      const at = (index: number) => ({ line: lineNo + 1, col: index + 1, offset: lineStarts[lineNo]! + index });
      const spans = prose ? codeSpans(line) : [];
      const inCode = (index: number, end: number) => spans.find(([s, e]) => index >= s && end <= e);
      for (const m of line.matchAll(UPPER)) {
        const code = !prose || inCode(m.index, m.index + m[0].length) !== undefined || inLinkDestination(line, m.index);
        found.push({ kind: 'upper', key: m[1]!, raw: m[0], choices: [], ...at(m.index), context: code ? 'verbatim' : 'text' });
      }
      const bracketRe = prose ? BRACKET : QUOTED_BRACKET;
      for (const m of line.matchAll(bracketRe)) {
        const inner = m[1]!;
        const index = prose ? m.index : m.index + 1;
        const raw = `[${inner}]`;
        if (!isPlaceholderText(inner) || (prose && references.has(inner.toLowerCase()))) continue;
        const span = prose ? inCode(index, index + raw.length) : undefined;
        // Inside code only a span that is the placeholder alone counts (`[URL or channel]`).
        if (
          span &&
          line
            .slice(span[0], span[1])
            .replace(/^`+|`+$/g, '')
            .trim() !== raw
        )
          continue;
        const choices = choicesOf(inner);
        found.push({
          kind: choices.length ? 'choice' : 'bracket',
          key: inner,
          raw,
          choices,
          ...at(index),
          context: !prose || span ? 'verbatim' : 'text',
        });
      }
    });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

export interface FillResult {
  text: string;
  filled: Placeholder[];
  unfilled: Placeholder[];
  /** Values given for a choice that is not one of its options. */
  badChoices: { placeholder: Placeholder; value: string }[];
}

/**
 * Replaces every placeholder that has a value. A choice takes only one of its options
 * (matched without regard to case, written as the option is spelt).
 */
export function fillPlaceholders(text: string, values: ReadonlyMap<string, string>): FillResult {
  const placeholders = scanPlaceholders(text);
  const filled: Placeholder[] = [];
  const unfilled: Placeholder[] = [];
  const badChoices: FillResult['badChoices'] = [];
  let out = '';
  let cursor = 0;
  for (const p of placeholders) {
    let value = values.get(p.key);
    if (value !== undefined && p.kind === 'choice') {
      const option = p.choices.find((c) => c.toLowerCase() === value!.trim().toLowerCase());
      if (option === undefined) badChoices.push({ placeholder: p, value });
      value = option;
    }
    if (value === undefined) {
      unfilled.push(p);
      continue;
    }
    filled.push(p);
    out += text.slice(cursor, p.offset) + (p.context === 'text' ? markdownText(value) : value);
    cursor = p.offset + p.raw.length;
  }
  return { text: out + text.slice(cursor), filled, unfilled, badChoices };
}

/**
 * How complete a document written from a template is: the share of the blank template's
 * placeholders that no longer appear in it. 1 when none are left.
 */
export function completeness(text: string, blank: string): { remaining: number; total: number; ratio: number } {
  const total = scanPlaceholders(blank).length;
  const remaining = scanPlaceholders(text).length;
  return { remaining, total, ratio: total === 0 ? 1 : Math.max(0, (total - remaining) / total) };
}
