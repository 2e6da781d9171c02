#!/usr/bin/env node
// The `plexus` command. A checkout runs the TypeScript sources directly; the package (which
// ships no bin/plexus.ts) runs its compiled CLI in lib/, as Node does not strip types under
// node_modules.
import { existsSync } from 'node:fs';

const source = new URL('./plexus.ts', import.meta.url);
await import(existsSync(source) ? source.href : new URL('../lib/bin/plexus.js', import.meta.url).href);
