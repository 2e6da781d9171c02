// A file's bytes to text: the size limits a registry file, a spec or a published asset must keep,
// and the refusal of what is not UTF-8, with the position of the first bad byte.
import { diagnostic } from './codes.ts';
import type { Diagnostic, Position } from './diagnostics.ts';

/** Files larger than this are refused: a registry entry is a page of YAML, not a data dump. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** OpenAPI and AsyncAPI documents may be far larger: the biggest public ones are tens of megabytes. */
export const MAX_SPEC_BYTES = 64 * 1024 * 1024;
/** Files the site publishes as they are (`public/`: a logo, a favicon). */
export const MAX_ASSET_BYTES = 8 * 1024 * 1024;

const START: Position = { line: 1, col: 1 };

/** Offset of the first byte that is not well-formed UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  const col = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, col };
}

/**
 * Bytes to text, refusing what a registry file must not be: too large, or not UTF-8.
 * A leading byte-order mark is dropped.
 */
export function decodeSource(file: string, bytes: Uint8Array, limit = MAX_FILE_BYTES): { text?: string; diagnostics: Diagnostic[] } {
  if (bytes.length > limit) {
    const size = `${(bytes.length / 1024 / 1024).toFixed(1)} MiB`;
    return {
      diagnostics: [diagnostic('FileTooLarge', file, START, { size, limit: `${limit / 1024 / 1024} MiB` })],
    };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const byte = bytes[bad]!.toString(16).padStart(2, '0').toUpperCase();
    return {
      diagnostics: [diagnostic('NotUtf8', file, positionOfByte(bytes, bad), { byte })],
    };
  }
  let text = new TextDecoder().decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, diagnostics: [] };
}
