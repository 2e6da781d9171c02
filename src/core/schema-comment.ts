// The first line of a YAML file Plexus writes: where editors find its JSON Schema. The path is
// relative to the file, to the schemas of the Plexus that wrote it (this repository's schemas/, or
// node_modules/plexus/schemas/ in a team's project), so autocomplete works wherever the file is.
import { dirname, join, relative, sep } from 'node:path';

/** schemas/ beside src/ (a checkout) or beside lib/ (the installed package runs lib/src/core). */
const SCHEMAS = join(import.meta.dirname, ...(import.meta.filename.endsWith('.ts') ? ['..', '..'] : ['..', '..', '..']), 'schemas');

/** `# yaml-language-server: $schema=…` for a file of `kind` (singular: repository, event…) at `file`. */
export function schemaComment(file: string, kind: string): string {
  const path = relative(dirname(file), join(SCHEMAS, `${kind}.schema.json`))
    .split(sep)
    .join('/');
  return `# yaml-language-server: $schema=${path}\n`;
}
