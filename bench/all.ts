// `npm run bench`: every benchmark of the site, one after another, each given the options it
// takes: the build (--sizes, --runs), the dev loop (--sizes, --runs, --edits), the imports (--runs),
// plexus diff of two revisions of 1,000 integrations (--runs).
// Usage: npm run bench [-- --sizes 1000,5000 --runs 3 --edits 5]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { benchOptions } from './args.ts';

const values = benchOptions(
  { sizes: { type: 'string' }, runs: { type: 'string' }, edits: { type: 'string' } },
  'npm run bench [-- --sizes 1000,5000 --runs 3 --edits 5]',
);
const pass = (...names: (keyof typeof values)[]) => names.flatMap((name) => (values[name] === undefined ? [] : [`--${name}`, values[name]!]));
const benches: [string, string[]][] = [
  ['site.ts', pass('sizes', 'runs')],
  ['dev.ts', pass('sizes', 'runs', 'edits')],
  ['imports.ts', pass('runs')],
  ['diff.ts', pass('runs')],
];
for (const [file, args] of benches) {
  const { status } = spawnSync(process.execPath, [join(import.meta.dirname, file), ...args], { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`bench/${file} failed (exit ${status}).`);
    process.exit(status ?? 1);
  }
}
