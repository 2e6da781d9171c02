#!/usr/bin/env node
// npm create plexus@latest [DIR]: a team's registry project, the same files `plexus init` writes.
// lib/ is Plexus's src/init/write.ts and the dependency-free files it imports, compiled when this
// package is packed. Plain JavaScript with no dependencies: it runs on the Node that runs npm,
// from 20 on, and installs nothing.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const USAGE = 'Usage: npm create plexus@latest [DIR] [-- --force]';
const HELP = `Starts an integration registry built with Plexus in DIR (the current folder if none):
package.json depending on Plexus, a small registry that checks clean, GitHub workflows that
check pull requests and publish the site to Pages, editor settings and a README.

  --force  add what is missing to a folder that is not empty; nothing there is replaced

${USAGE}`;

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

function refuse(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' }, example: { type: 'boolean' } },
  });
} catch (error) {
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  refuse(error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option ? `Unknown option ${option}.` : error.message);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
if (values.version) {
  process.stdout.write(`${version}\n`);
  process.exit(0);
}
if (values.example) refuse('The Eventful example ships with Plexus itself: start from it with npx plexus@latest init DIR --example.');
if (positionals.length > 1) refuse('Give one folder.');

const { ProjectRefused, writeProject } = await import('../lib/init/write.js');
try {
  process.exitCode = await writeProject({
    dir: positionals[0] ?? '.',
    cwd: process.cwd(),
    env: process.env,
    plexusVersion: version,
    force: values.force === true,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
} catch (error) {
  if (error instanceof ProjectRefused) refuse(error.message);
  throw error;
}
