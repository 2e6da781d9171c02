import type { Diagnostic, Position } from './diagnostics.ts';
import type { Entry } from './codes/entry.ts';
import { DIFF_CODES } from './codes/diff.ts';
import { FILES_CODES } from './codes/files.ts';
import { FILL_CODES } from './codes/fill.ts';
import { IMPORTS_CODES } from './codes/imports.ts';
import { MODEL_CODES } from './codes/model.ts';

/**
 * Every diagnostic Plexus can report, as data: the one place for each code's severity, title,
 * message and hint (the README's table is generated from it), kept by area in codes/. Codes never
 * change once published. Messages say what happened; hints say what to do. Arguments are the
 * facts of one occurrence.
 */
export const CODES = { ...FILES_CODES, ...MODEL_CODES, ...FILL_CODES, ...IMPORTS_CODES, ...DIFF_CODES } as const;

export type CodeName = keyof typeof CODES;
type ArgsOf<N extends CodeName> = Parameters<(typeof CODES)[N]['message']>[0];

/** A diagnostic of the kind `name`, at `at` in `file`, worded by the catalogue from `args`. */
export function diagnostic<N extends CodeName>(
  name: N,
  file: string,
  at: Position,
  ...args: ArgsOf<N> extends Record<string, never> ? [] : [ArgsOf<N>]
): Diagnostic {
  const e = CODES[name] as Entry<ArgsOf<N>>;
  const a = (args[0] ?? {}) as ArgsOf<N>;
  const severity = e.warningWhen?.(a) ? 'warning' : e.severity;
  const d: Diagnostic = { code: e.code, severity, file, line: at.line, col: at.col, message: e.message(a) };
  const hint = e.hint?.(a);
  if (hint !== undefined) d.hint = hint;
  return d;
}

/** The README's table of codes, generated from the catalogue (a test keeps the README in step). */
export function codesTable(): string {
  const rows = Object.values(CODES)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => `| ${c.code} | ${c.severity} | ${c.title} |`);
  return ['| code | severity | what happened |', '|---|---|---|', ...rows].join('\n');
}
