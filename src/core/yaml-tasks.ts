// The YAML work Plexus may hand to a second thread (src/core/second-thread.ts). Both threads run
// these very functions, so a file reads, and an entity prints, the same on either.
import { stringify } from 'yaml';
import { cleanYamlData, cleanYamlStream } from './source.ts';

export const YAML_TASKS = {
  /** A registry file's text to its data, when it parses cleanly into a mapping. */
  data: cleanYamlData,
  /** A catalog file's text to the data of each of its documents, when all parse cleanly. */
  stream: cleanYamlStream,
  /** Data to the YAML an import writes for a new entity (no folding of long lines). */
  text: (data: Record<string, unknown>) => stringify(data, { lineWidth: 0 }),
} as const;

export type YamlTask = keyof typeof YAML_TASKS;
