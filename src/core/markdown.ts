/** Small, pure readings of Markdown that the views need. */

export interface Heading {
  depth: number;
  text: string;
}

/** ATX headings outside fenced code blocks. */
export function headings(markdown: string): Heading[] {
  const out: Heading[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1]!;
      else if (f[1]!.startsWith(fence[0]!) && f[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const h = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) out.push({ depth: h[1]!.length, text: h[2]! });
  }
  return out;
}

/** Lines of a Markdown text split into prose and fenced blocks, with their fence's info string. */
export interface Block {
  fenced: boolean;
  lang: string;
  /** Index of the block's first line in the text. */
  startLine: number;
  lines: string[];
}

export function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let current: Block = { fenced: false, lang: '', startLine: 0, lines: [] };
  let fence: string | null = null;
  markdown.split('\n').forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (f && fence === null) {
      out.push(current);
      fence = f[1]!;
      current = { fenced: true, lang: f[2]!.toLowerCase(), startLine: i, lines: [line] };
      return;
    }
    current.lines.push(line);
    if (f && fence !== null && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) {
      fence = null;
      out.push(current);
      current = { fenced: false, lang: '', startLine: i + 1, lines: [] };
    }
  });
  out.push(current);
  return out.filter((b) => b.lines.length > 0);
}
