// The `ecosystem.yaml` an import writes into a registry that has none, so an imported registry
// checks clean: what the imported data says (a name, when it names one domain or one system),
// the date of the import as lastUpdated, and `unknown` for everything else. Written only where
// there is no file at all (the write is create-only, through the gate), never over one.
import { relative } from 'node:path';
import { stringify } from 'yaml';
import { UNKNOWN } from '../core/schemas/common.ts';
import { schemaComment } from '../core/schema-comment.ts';
import type { Planned } from './merge.ts';
import type { FileChange } from './write.ts';

/** The ecosystem's name as the import knows it: its one domain's, else its one system's, else unknown. */
export function ecosystemName(planned: readonly Planned[]): string {
  for (const collection of ['domains', 'systems'] as const) {
    const named = planned.filter((p) => p.collection === collection);
    const name = named.length === 1 ? named[0]!.owned.name : undefined;
    if (typeof name === 'string' && name.trim() !== '') return name;
  }
  return UNKNOWN;
}

/** The new `ecosystem.yaml` at `path`, as a change for `writeChanges` (status `new`: created only if absent). */
export function ecosystemFile(path: string, cwd: string, planned: readonly Planned[], today: string): FileChange {
  const data = {
    name: ecosystemName(planned),
    description: UNKNOWN,
    currentProject: UNKNOWN,
    referenceProject: UNKNOWN,
    maintainedBy: UNKNOWN,
    registryVersion: UNKNOWN,
    lastUpdated: today,
    nextReview: UNKNOWN,
    policies: { deprecationNoticeMonths: UNKNOWN, parallelSupportMonths: UNKNOWN },
  };
  const note =
    '# Written by plexus import because this registry had none: each `unknown` is a fact the import\n' +
    '# did not have; fill it in. Imports never rewrite this file.\n';
  const after = `${schemaComment(path, 'ecosystem')}${note}${stringify(data)}`;
  return { path, display: relative(cwd, path) || path, after, data, status: 'new' };
}
