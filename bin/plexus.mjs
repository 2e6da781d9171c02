#!/usr/bin/env node
// The `plexus` command. A checkout runs the TypeScript sources directly; the package (which
// ships no bin/plexus.ts) runs its compiled CLI in lib/, as Node does not strip types under
// node_modules.
import { existsSync } from 'node:fs';

const source = new URL('./plexus.ts', import.meta.url);
if (existsSync(source)) {
  // TypeScript runs directly only on a recent Node: say so, rather than fail on the first type.
  await import('../scripts/require-node.mjs');
  await import(source.href);
} else await import(new URL('../lib/bin/plexus.js', import.meta.url).href);
