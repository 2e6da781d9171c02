// Positions in a JSON document that already parsed: found by scanning along the one path asked
// for, skipping every other value without building it. A check that reports drift in 200 linked
// JSON specs built a whole syntax tree of each (23 MB of them) to point at one key in it.
import type { Position } from '../core/diagnostics.ts';

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** `i` at an opening quote: the index after the closing one. */
function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const end = text.indexOf('"', j);
    if (end < 0) return text.length;
    let backslashes = 0;
    for (let k = end - 1; k > i && text.charCodeAt(k) === BACKSLASH; k--) backslashes++;
    if (backslashes % 2 === 0) return end + 1;
    j = end + 1;
  }
}

/** `i` at a value: the index after it. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === QUOTE) j = skipString(text, j) - 1;
      else if (d === OPEN_OBJECT || d === OPEN_ARRAY) depth++;
      else if ((d === CLOSE_OBJECT || d === CLOSE_ARRAY) && --depth === 0) return j + 1;
    }
    return text.length;
  }
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === COMMA || d === CLOSE_OBJECT || d === CLOSE_ARRAY || isSpace(d)) break;
    j++;
  }
  return j;
}

/** After a member: past the comma, at the next member or the closing bracket. */
const nextMember = (text: string, i: number) => {
  const j = skipSpace(text, skipValue(text, i));
  return text.charCodeAt(j) === COMMA ? skipSpace(text, j + 1) : j;
};

/** The child of the container at `i` that `segment` names: where its value starts and, in an object, its key. */
function child(text: string, i: number, segment: string | number): { value: number; key?: number } | undefined {
  const open = text.charCodeAt(i);
  if (open === OPEN_OBJECT && typeof segment === 'string') {
    for (let j = skipSpace(text, i + 1); j < text.length && text.charCodeAt(j) === QUOTE; ) {
      const keyEnd = skipString(text, j);
      const value = skipSpace(text, skipSpace(text, keyEnd) + 1);
      if ((JSON.parse(text.slice(j, keyEnd)) as string) === segment) return { value, key: j };
      j = nextMember(text, value);
    }
  } else if (open === OPEN_ARRAY && typeof segment === 'number') {
    let n = 0;
    for (let j = skipSpace(text, i + 1); j < text.length && text.charCodeAt(j) !== CLOSE_ARRAY; n++) {
      if (n === segment) return { value: j };
      j = nextMember(text, j);
    }
  }
  return undefined;
}

/** The 1-based line and column of `offset` in `text`. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * Where `path` is in `text` (JSON that parses): its value, or its key with `target` 'key'; the
 * deepest part of the path that is there when the rest is not.
 */
export function jsonPosition(text: string, path: readonly (string | number)[], target: 'key' | 'value' = 'value'): Position {
  let at = skipSpace(text, 0);
  let offset = at;
  for (const [n, segment] of path.entries()) {
    const found = child(text, at, segment);
    if (!found) break;
    at = found.value;
    offset = n === path.length - 1 && target === 'key' && found.key !== undefined ? found.key : found.value;
  }
  return positionAt(text, offset);
}
