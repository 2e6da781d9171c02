#!/usr/bin/env node
// The `plexus` command. A checkout runs the TypeScript sources directly; the package (which
// ships no bin/plexus.ts) runs its compiled CLI in lib/, as Node does not strip types under
// node_modules. Plain JavaScript on purpose: it must run, and explain itself, on any Node.
import { existsSync } from 'node:fs';

const source = new URL('./plexus.ts', import.meta.url);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  const how = existsSync(source)
    ? 'Run commands through npm (npm run …, npm test, npx plexus …) so the pinned Node from\nnode_modules/.bin is used, and run `npm install` first if node_modules is missing.'
    : 'Install Node 22.12 or newer (24 LTS is what Plexus is tested on; your project says so under\n"engines" in package.json), then run the command again.';
  console.error(`Plexus needs Node 22.12 or newer; this is Node ${process.versions.node} (${process.execPath}).\n${how}`);
  process.exit(2);
}
if (existsSync(source)) await import(source.href);
else await import(new URL('../lib/bin/plexus.js', import.meta.url).href);
