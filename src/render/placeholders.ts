import { blocks } from '../core/markdown.ts';
import { markdownText } from './escape.ts';
import { linkAllowed } from './links.ts';

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
  /**
   * Where it stands, which decides how a value is written there: Markdown text (escaped), an
   * inline code span, a code block line, a quoted string in a code block (JSON-escaped), or a
   * link destination (a safe URL).
   */
  context: 'text' | 'code-span' | 'code-block' | 'code-string' | 'link';
  /** For `code-span`: the span's offsets in the text and its backtick fence length. */
  span?: { start: number; end: number; fence: number };
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
      const spanOf = (span: [number, number] | undefined) =>
        span && { start: lineStarts[lineNo]! + span[0], end: lineStarts[lineNo]! + span[1], fence: /^`+/.exec(line.slice(span[0]))![0].length };
      const codeContext = (index: number, length: number): Placeholder['context'] =>
        line[index - 1] === '"' && line[index + length] === '"' ? 'code-string' : 'code-block';
      for (const m of line.matchAll(UPPER)) {
        const span = prose ? inCode(m.index, m.index + m[0].length) : undefined;
        const context: Placeholder['context'] = !prose
          ? codeContext(m.index, m[0].length)
          : span
            ? 'code-span'
            : inLinkDestination(line, m.index)
              ? 'link'
              : 'text';
        found.push({ kind: 'upper', key: m[1]!, raw: m[0], choices: [], ...at(m.index), context, ...(span ? { span: spanOf(span) } : {}) });
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
          context: !prose ? 'code-string' : span ? 'code-span' : 'text',
          ...(span ? { span: spanOf(span) } : {}),
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
  /** Values given for a choice that is not one of its listed options: filled as written (the lists are examples). */
  badChoices: { placeholder: Placeholder; value: string }[];
  /** The key each filled placeholder took its value from (`Key#2` for a numbered one). */
  keys: Map<Placeholder, string>;
  /** Values that cannot stand where the placeholder is (a `javascript:` link), left unfilled. */
  unsafe: { placeholder: Placeholder; value: string; reason: string }[];
}

/** A link destination may start only with http(s), mailto or a relative path (linkAllowed); never another scheme. */
function linkValue(value: string, atStart: boolean): string | undefined {
  const text = value.trim().replace(/\r?\n+/g, '');
  if (atStart && !linkAllowed(text)) return undefined;
  return text.replace(/[\s()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** How `value` is written in its placeholder's context; undefined where it cannot stand. */
function written(p: Placeholder, value: string, text: string): string | undefined {
  switch (p.context) {
    case 'text':
      return markdownText(value);
    case 'link':
      return linkValue(value, text.slice(p.offset - 2, p.offset) === '](');
    case 'code-string':
      return JSON.stringify(value.replace(/\r?\n+/g, ' ')).slice(1, -1);
    case 'code-span':
    case 'code-block':
      // On one line, so a value can never end a code block or start a new one.
      return value.replace(/\r?\n+/g, ' ');
  }
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
  const unsafe: FillResult['unsafe'] = [];
  const replacements: { start: number; end: number; text: string; placeholder: Placeholder }[] = [];
  const keys = new Map<Placeholder, string>();
  const seen = new Map<string, number>();
  for (const p of placeholders) {
    // The n-th occurrence of a placeholder takes `Key#n` when given, so repeated text can differ by place.
    const n = (seen.get(p.key) ?? 0) + 1;
    seen.set(p.key, n);
    const key = values.has(`${p.key}#${n}`) ? `${p.key}#${n}` : p.key;
    let value = values.get(key);
    if (value !== undefined && p.kind === 'choice') {
      const option = p.choices.find((c) => c.toLowerCase() === value!.trim().toLowerCase());
      if (option === undefined) badChoices.push({ placeholder: p, value });
      else value = option;
    }
    if (value !== undefined) keys.set(p, key);
    const out = value === undefined ? undefined : written(p, value, text);
    if (value !== undefined && out === undefined)
      unsafe.push({ placeholder: p, value, reason: 'a link may only go to an http(s) or mailto address or a relative path' });
    if (out === undefined) {
      unfilled.push(p);
      continue;
    }
    filled.push(p);
    replacements.push({ start: p.offset, end: p.offset + p.raw.length, text: out, placeholder: p });
  }
  return { text: apply(text, replacements), filled, unfilled, badChoices, unsafe, keys };
}

/**
 * Writes the replacements into the text. A code span whose new content holds a backtick run as
 * long as its fence is written again with a longer fence, so a value can never close the span.
 */
function apply(text: string, replacements: { start: number; end: number; text: string; placeholder: Placeholder }[]): string {
  let out = '';
  let cursor = 0;
  for (let i = 0; i < replacements.length; i++) {
    const r = replacements[i]!;
    const span = r.placeholder.span;
    if (!span) {
      out += text.slice(cursor, r.start) + r.text;
      cursor = r.end;
      continue;
    }
    // Every replacement inside this span, together.
    const inside = [r];
    while (replacements[i + 1]?.placeholder.span?.start === span.start) inside.push(replacements[++i]!);
    let content = '';
    let at = span.start + span.fence;
    for (const x of inside) {
      content += text.slice(at, x.start) + x.text;
      at = x.end;
    }
    content += text.slice(at, span.end - span.fence);
    const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest >= span.fence ? longest + 1 : span.fence);
    const pad = longest >= span.fence && (content.startsWith('`') || content.endsWith('`')) ? ' ' : '';
    out += text.slice(cursor, span.start) + fence + pad + content + pad + fence;
    cursor = span.end;
  }
  return out + text.slice(cursor);
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
