// What an import source is given and what it gives back: the contract between `plexus import` and src/import/*.
import type { Diagnostic } from '../core/diagnostics.ts';
import type { Model } from '../core/model.ts';
import type { Planned } from './merge.ts';
import type { FileChange } from './write.ts';

/** Something in a source that has no place in Plexus, said instead of dropped. */
export interface Unmapped {
  ref: string;
  /** The source's kind as it spells it (`AiResource`), when the ref spells it lowercase. */
  kind?: string;
  field: string;
  why: string;
}

/** What one import source makes of its input: entities, extra files (spec copies), and what did not map. */
export interface ImportResult {
  planned: Planned[];
  files?: FileChange[];
  unmapped: Unmapped[];
  diagnostics: Diagnostic[];
  /** Inputs that could not be used at all (missing files): exit 2. */
  errors: string[];
  /** e.g. "12 catalog entities from 3 files" */
  what: string;
}

/** What every import source is given: where it runs, the registry as it is, and the command's options. */
export interface ImportOptions {
  cwd: string;
  contentDir: string;
  model: Model;
  known: ReadonlySet<string>;
  values: Record<string, string | boolean | undefined>;
}

/** A string option's value, or undefined. */
export const stringOption = (values: ImportOptions['values'], name: string): string | undefined =>
  typeof values[name] === 'string' ? values[name] : undefined;
