// Text that is cut and patched while remembering where each piece came from, so mermaid-config.ts
// reports what it finds at the line and column the author wrote.

/**
 * A text being cut and patched, each piece remembering where in the original it came from, so
 * what is found in it after a cut is still reported at the line and column the author wrote.
 */
export class Patched {
  /** Pieces of the text in order, each with the offset in the original of its first character. */
  readonly pieces: readonly { text: string; at: number }[];
  /** Where each piece starts in this text. */
  private readonly starts: number[];
  readonly text: string;

  constructor(pieces: readonly { text: string; at: number }[]) {
    this.pieces = pieces.filter((p) => p.text !== '');
    this.starts = [];
    let start = 0;
    for (const piece of this.pieces) {
      this.starts.push(start);
      start += piece.text.length;
    }
    this.text = this.pieces.map((p) => p.text).join('');
  }

  static of(text: string, at: number): Patched {
    return new Patched([{ text, at }]);
  }

  /** The piece holding the character at `offset` (the last piece at the end). */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The offset in the original of the character at `offset` in this text. */
  origin(offset: number): number {
    if (this.pieces.length === 0) return 0;
    const i = this.pieceAt(offset);
    return this.pieces[i]!.at + Math.min(offset - this.starts[i]!, this.pieces[i]!.text.length);
  }

  /** The pieces of [from, to) of this text. */
  private slice(from: number, to: number): { text: string; at: number }[] {
    const out: { text: string; at: number }[] = [];
    if (from >= to) return out;
    for (let i = this.pieceAt(from); i < this.pieces.length && this.starts[i]! < to; i++) {
      const piece = this.pieces[i]!;
      const start = this.starts[i]!;
      const a = Math.max(from, start) - start;
      const b = Math.min(to, start + piece.text.length) - start;
      if (a < b) out.push({ text: piece.text.slice(a, b), at: piece.at + a });
    }
    return out;
  }

  /** The text with each [from, to) replaced by its `insert` (sorted, not overlapping). */
  edit(edits: readonly { from: number; to: number; insert?: string }[]): Patched {
    if (edits.length === 0) return this;
    const out: { text: string; at: number }[] = [];
    let at = 0;
    for (const e of edits) {
      out.push(...this.slice(at, e.from));
      if (e.insert) out.push({ text: e.insert, at: this.origin(e.from) });
      at = e.to;
    }
    out.push(...this.slice(at, this.text.length));
    return new Patched(out);
  }
}
