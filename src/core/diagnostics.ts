/** A user mistake, reported as data: never thrown, printed by one formatter. */
export interface Diagnostic {
  /** Stable code such as `PLX012`; see `codes.ts`. Codes never change once published. */
  code: string;
  severity: 'error' | 'warning';
  /** Path as the user should see it, e.g. `content/integrations/a.yaml`. */
  file: string;
  /** 1-based line and column of the offending key or value. */
  line: number;
  col: number;
  message: string;
  hint?: string;
}

export interface Position {
  line: number;
  col: number;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const d of diagnostics) if (d.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** Sorted by file, then position, so output is stable whatever order files were read in. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col || a.code.localeCompare(b.code));
}

// Control characters (but newline and tab), DEL, C1 controls and bidirectional overrides.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to print to a terminal: registry text may hold escape sequences (which can rewrite
 * the screen or the window title) or bidi overrides (which reorder what is read); each is shown
 * as its code, `\x1B` or `\u202E`, instead of acting.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}

/** `content/a.yaml:12:5 error PLX012 Unknown repository "x".` and an indented hint line. */
export function formatDiagnostic(d: Diagnostic): string {
  const head = `${d.file}:${d.line}:${d.col} ${d.severity} ${d.code} ${d.message}`;
  return terminalSafe(d.hint ? `${head}\n  hint: ${d.hint}` : head);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatSummary(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const files = plural(fileCount, 'file');
  if (errors === 0 && warnings === 0) return `No problems in ${files}.`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${files}.`;
}
