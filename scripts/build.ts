// `npm run build`: check the registry, build the site beside dist/, then swap it in, so dist/ is
// always a whole site, the old one or the new one. One build at a time per checkout.
// PLEXUS_CONTENT, PLEXUS_DIST, PLEXUS_CACHE, PLEXUS_TODAY, SITE_URL and BASE_PATH are honoured.
import { mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import {
  acquireLock,
  buildWorkFolder,
  ensureStore,
  mayReplace,
  overlaps,
  realTarget,
  removeNow,
  removeWhenQuiet,
  SITE_MARKER,
  stagingOf,
  swapIn,
  tidyAfterKilledBuilds,
} from '../src/build/output.ts';
import { tidyAstroLog } from '../src/build/astro-log.ts';
import { failureLine, quietOutput, wantsDebug } from '../src/build/failure.ts';
import { todayFromEnv } from '../src/core/dates.ts';
import { wantsColour } from '../src/cli/io.ts';
import { formatDiagnostic, formatSummary, paint, terminalSafe } from '../src/core/diagnostics.ts';
import { describeFsError, loadRegistry } from '../src/core/fs.ts';
import { buildChannel } from '../src/site/build-channel.ts';
import { plexusRoot } from '../src/site/root.ts';

const started = performance.now();
// Plexus's own folder (its Astro project): this script runs from scripts/ in a checkout and from
// lib/scripts/ in the installed package, so look up for the folder holding astro.config.mjs.
const root = plexusRoot(import.meta.dirname);
const callerCwd = process.cwd();
const shown = (path: string) => relative(process.cwd(), path) || '.';
/** Environment and usage mistakes: one clear line, exit 2, nothing built or touched. */
function refuse(message: string): never {
  console.error(terminalSafe(message));
  process.exit(2);
}
const { today, error: todayError } = todayFromEnv(process.env);
if (todayError) refuse(todayError);
const content = resolve(process.env.PLEXUS_CONTENT || 'content');
if (!(await stat(content).catch(() => undefined))?.isDirectory())
  refuse(`No registry folder at ${content}${process.env.PLEXUS_CONTENT ? ' (PLEXUS_CONTENT)' : ''}.`);
const dist = resolve(process.env.PLEXUS_DIST || join(root, 'dist'));
const debug = wantsDebug(process.argv.slice(2), process.env);
/** The one line of a failure, the stack under --debug; nothing in dist/ changes before the swap, so it is as it was. */
function failed(error: unknown, page?: string): void {
  console.error(terminalSafe(failureLine(error, { dist: relative(callerCwd, dist) || '.', page, debug })));
  if (debug) console.error(error);
}
// Anything unexpected outside the site build itself (taking the lock, tidying): the same one line, exit 1.
process.on('uncaughtException', (error) => {
  failed(error);
  removeNow(stagingOf(dist));
  process.exit(1);
});
if (overlaps(await realTarget(dist), await realpath(content)))
  refuse(`The site folder ${shown(dist)} overlaps the registry ${shown(content)}; choose a PLEXUS_DIST outside it.`);
await mkdir(dirname(dist), { recursive: true }).catch((error) =>
  refuse(`Cannot make ${shown(dirname(dist))} to write the site in: ${describeFsError(error)}.`),
);
const replaceable = await mayReplace(dist);
if (!replaceable.ok) refuse(`${shown(dist)} ${replaceable.reason}; a build replaces only a site it built. Choose another PLEXUS_DIST, or empty the folder.`);

// Astro loads while the registry is checked (~0.6 s); a broken registry exits before it is used.
const astro = import('astro');
astro.catch(() => {});
const checked = await loadRegistry(content, { today });
const { diagnostics, fileCount } = checked;
// Coloured as plexus check colours them, on a terminal (or with FORCE_COLOR) and unless NO_COLOR.
const coloured = wantsColour(process.stdout, process.env) ? paint : (text: string) => text;
for (const d of diagnostics) console.log(coloured(formatDiagnostic(d)));
console.log(coloured(formatSummary(diagnostics, fileCount)));
if (diagnostics.some((d) => d.severity === 'error')) {
  console.error(`The registry in ${shown(content)} has errors; the site was not built and ${shown(dist)}/ is unchanged.`);
  process.exit(1);
}

const release = await acquireLock(`${dist}.lock`, (line) => console.log(line));
const staging = stagingOf(dist);
const work = await buildWorkFolder(root);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    removeNow(staging);
    removeNow(work);
    release();
    process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const)[signal]);
  });
}
const tidied = await tidyAfterKilledBuilds(dist);
await ensureStore(dist);
if (tidied.length > 0) console.log(`Removed ${tidied.length} folder(s) left by a build that was stopped: ${tidied.map(shown).join(', ')}.`);

// Astro's prerender bundle must resolve Plexus's packages, and Astro keeps it under the working
// folder: so build from a folder of this build's own inside Plexus's (buildWorkFolder says why),
// with every path handed over made absolute first.
Object.assign(process.env, { PLEXUS_CONTENT: content, PLEXUS_CACHE: resolve(process.env.PLEXUS_CACHE || join(root, '.cache', 'plexus')) });
process.chdir(work);
// The site's pages use this registry as checked, instead of reading it again.
buildChannel().registry = { contentDir: content, today, result: checked };
process.env.PLEXUS_OUT_DIR = staging;
tidyAstroLog();
const quiet = quietOutput(debug);
try {
  const { build } = await astro;
  await build({ root, outDir: staging, logLevel: process.env.PLEXUS_QUIET ? 'warn' : 'info' });
  await writeFile(join(staging, SITE_MARKER), 'Built by Plexus; the next build replaces this folder.\n');
  await swapIn(staging, dist);
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`Site written to ${relative(callerCwd, dist) || '.'}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (peak memory ${peak} MiB).`);
  for (const report of quiet.held()) console.error(report.trimEnd());
} catch (error) {
  failed(error, quiet.failedPage());
  process.exitCode = 1;
  await removeWhenQuiet(staging);
} finally {
  removeNow(staging);
  removeNow(work);
  release();
}
