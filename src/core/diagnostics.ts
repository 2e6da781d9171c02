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

// Colour, for a terminal that shows it. It is added to text already escaped for the terminal
// (terminalSafe), where nothing from the registry can be a control sequence any more; it picks
// out what formatDiagnostic and formatSummary wrote, so every command's output is coloured alike.
const SGR = (code: string) => (text: string) => `\x1b[${code}m${text}\x1b[0m`;
const bold = SGR('1');
const dim = SGR('2');
const red = SGR('31');
const green = SGR('32');
const yellow = SGR('33');
const boldRed = SGR('1;31');
const boldYellow = SGR('1;33');
const DIAGNOSTIC_LINE = /^(.+?:\d+:\d+) (error|warning) (PLX\d+) /;
const HINT_LINE = /^ {2}hint: /;
const COUNTS = /\b(\d+) (errors?), (\d+) (warnings?) in (\d+ files?\.)/;
const CLEAN = /^No problems in \d+ files?\./;

function paintLine(line: string): string {
  const found = DIAGNOSTIC_LINE.exec(line);
  if (found) {
    const [head, where, severity, code] = found as unknown as [string, string, string, string];
    return `${bold(where)} ${(severity === 'error' ? red : yellow)(severity)} ${dim(code)} ${line.slice(head.length)}`;
  }
  if (HINT_LINE.test(line)) return `  ${dim('hint:')} ${line.slice('  hint: '.length)}`;
  if (CLEAN.test(line)) return green(line);
  return line.replace(COUNTS, (_, errors: string, e: string, warnings: string, w: string, files: string) => {
    const count = (n: string, word: string, colour: (s: string) => string) => (n === '0' ? `${n} ${word}` : colour(`${n} ${word}`));
    return `${count(errors, e, boldRed)}, ${count(warnings, w, boldYellow)} in ${files}`;
  });
}

/** `text` with its diagnostics and summaries coloured: location bold, error red, warning yellow, code and hint dim. */
export function paint(text: string): string {
  return text.split('\n').map(paintLine).join('\n');
}

// GitHub Actions workflow commands (`::error file=…,line=…::message`). The runner unescapes %25,
// %0D and %0A in a command's data, and also %3A and %2C in its properties, where ':' and ','
// would end the value; so data escapes the first three, properties all five.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A diagnostic as a GitHub Actions annotation on its file, line and column, titled by its code; the hint on a second line. */
export function formatGithubAnnotation(d: Diagnostic): string {
  const properties = `file=${escapeProperty(terminalSafe(d.file))},line=${d.line},col=${d.col},title=${escapeProperty(d.code)}`;
  return `::${d.severity} ${properties}::${escapeData(terminalSafe(d.hint ? `${d.message}\nhint: ${d.hint}` : d.message))}`;
}
