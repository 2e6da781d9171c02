// `npm run build`: check the registry, build the site beside dist/, then swap it in, so a failed
// build never leaves a half-written dist/. PLEXUS_CONTENT, PLEXUS_DIST, SITE_URL and BASE_PATH are honoured.
import { rename, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { formatDiagnostic, formatSummary } from '../src/core/diagnostics.ts';
import { loadRegistry } from '../src/core/fs.ts';
import { buildChannel } from '../src/site/build-channel.ts';

const root = resolve(import.meta.dirname, '..');
const content = resolve(process.env.PLEXUS_CONTENT ?? 'content');
const started = performance.now();
// Astro takes ~0.6 s to load: start loading it now, while the registry is read and checked.
const astro = import('astro');
astro.catch(() => {}); // awaited below; a broken registry exits before that
const checked = await loadRegistry(content, { today: process.env.PLEXUS_TODAY });
const { diagnostics, fileCount } = checked;
for (const d of diagnostics) console.log(formatDiagnostic(d));
console.log(formatSummary(diagnostics, fileCount));
if (diagnostics.some((d) => d.severity === 'error')) {
  console.error(`The registry in ${relative(process.cwd(), content) || '.'} has errors; the site was not built and dist/ is unchanged.`);
  process.exit(1);
}

// The site's pages use this registry as checked, instead of reading it again.
buildChannel().registry = { contentDir: content, today: process.env.PLEXUS_TODAY, result: checked };

const dist = resolve(process.env.PLEXUS_DIST ?? join(root, 'dist'));
const staging = `${dist.replace(/\/$/, '')}.staging-${process.pid}`;
process.env.PLEXUS_OUT_DIR = staging;
try {
  const { build } = await astro;
  await build({ root, outDir: staging, logLevel: process.env.PLEXUS_QUIET ? 'warn' : 'info' });
  await rm(dist, { recursive: true, force: true });
  await rename(staging, dist);
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(`Site written to ${relative(process.cwd(), dist)}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (peak memory ${peak} MiB).`);
} catch (error) {
  console.error(`The site build failed; dist/ is unchanged.\n${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await rm(staging, { recursive: true, force: true });
}
