import { diagnostic } from './codes.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { ParsedYaml } from './source.ts';

/**
 * Keys that were renamed, by entity kind: `from`/`to` said nothing of which side serves and
 * which side calls, and registries drew their diagrams backwards. The old key is an error that
 * says exactly how to rename it; the data is read with the new name, so nothing else cascades.
 */
const RENAMED: Record<string, Record<string, { to: string; meaning: string }>> = {
  integrations: {
    from: { to: 'provider', meaning: 'the repository that serves the API, publishes the events or package, or owns the data' },
    to: { to: 'consumers', meaning: 'the repositories that call it, subscribe to it, depend on it or read it' },
  },
};

export function renameKeys(collection: string, file: string, parsed: ParsedYaml): Diagnostic[] {
  const renamed = RENAMED[collection];
  if (!renamed) return [];
  const diagnostics: Diagnostic[] = [];
  for (const [old, { to, meaning }] of Object.entries(renamed)) {
    if (!(old in parsed.data)) continue;
    diagnostics.push(diagnostic('RenamedKey', file, parsed.locate([old], 'key'), { old, now: to, meaning }));
    if (!(to in parsed.data)) parsed.data[to] = parsed.data[old];
    delete parsed.data[old];
  }
  return diagnostics;
}
