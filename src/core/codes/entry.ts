import type { Diagnostic } from '../diagnostics.ts';

/** One kind of diagnostic: its code, severity, title (for the README's table), message and hint. */
export interface Entry<A> {
  code: string;
  severity: Diagnostic['severity'];
  /** A few words on what happened, for the README's table. */
  title: string;
  message: (a: A) => string;
  hint?: (a: A) => string | undefined;
  /** When an occurrence is only a warning, though the code is an error (a gap an import brought, not one a person made). */
  warningWhen?: (a: A) => boolean;
}
export const entry = <A = Record<string, never>>(e: Entry<A>): Entry<A> => e;

export const an = (word: string) => (/^[aeiou]/.test(word) ? 'An' : 'A');
export const suggestion = (meant: string | undefined) => (meant === undefined ? '' : ` Did you mean "${meant}"?`);
