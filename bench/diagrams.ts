// Benchmark: drawing 1,000 diagrams cold (empty cache, browser start included) with 1 to N pages
// drawing at once (N = cores up to 8, the site's default), and warm (cached).
// Usage: npm run bench:diagrams [-- COUNT]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRegistry } from '../src/core/registry.ts';
import { defaultWorkers, renderDiagrams } from '../src/diagrams/render.ts';
import { neighbourhoodDiagram } from '../src/render/diagrams.ts';
import { chromiumPath, launchChromium } from '../src/site/chromium.ts';
import { generateRegistry } from '../src/synthetic/generate.ts';

const count = Number(process.argv[2] ?? 1000);
const executable = chromiumPath();
if (!executable) {
  console.error('No Chromium found: install it (apt-get install chromium) or set PLEXUS_CHROMIUM.');
  process.exit(1);
}
const encoder = new TextEncoder();
const files = generateRegistry(count * 5, 7);
const { model } = buildRegistry(
  [...files].map(([path, text]) => ({ path, display: path, bytes: encoder.encode(text) })),
  { today: '2026-11-22' },
);
const sources = [...model.repositories.keys()].slice(0, count).map((id) => neighbourhoodDiagram(model, id).source);
const jobs = sources.map((source) => ({ source, theme: 'site' as const }));
const launch = () => launchChromium(executable);
const per = (ms: number) => (ms / jobs.length).toFixed(1);
const nodes = sources.reduce((n, s) => n + (s.match(/^\s+n\d+[[({]/gm)?.length ?? 0), 0) / sources.length;
const cores = defaultWorkers();
console.log(
  `${jobs.length} diagrams (repository neighbourhoods, ${nodes.toFixed(1)} nodes on average), cold (empty cache, browser start included), up to ${cores} pages (one per core, at most 8):`,
);
console.log('\n| pages drawing at once | cold | a diagram | speed-up over 1 |\n|---|---|---|---|');
let one = 0;
let cold = Number.POSITIVE_INFINITY;
// 1 to N workers (N = cores up to 8; the site's default), each from an empty cache.
for (let workers = 1; workers <= cores; workers++) {
  const cacheDir = await mkdtemp(join(tmpdir(), 'plexus-bench-diagrams-'));
  try {
    const { stats } = await renderDiagrams(jobs, { cacheDir, launch, workers });
    if (stats.failed.length > 0) throw new Error(`${stats.failed.length} diagrams failed: ${stats.failed[0]!.error}`);
    if (workers === 1) one = stats.ms;
    cold = stats.ms;
    console.log(`| ${workers} | ${(stats.ms / 1000).toFixed(1)} s | ${per(stats.ms)} ms | ${(one / stats.ms).toFixed(2)}× |`);
    if (workers === cores) {
      const warm = await renderDiagrams(jobs, { cacheDir, launch });
      console.log(`\nWarm (all ${warm.stats.cached} from the cache): ${Math.round(warm.stats.ms)} ms in all, ${per(warm.stats.ms)} ms a diagram.`);
    }
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
console.log(`Target: under 60 ms a diagram cold with ${cores} pages: ${cold / jobs.length < 60 ? 'met' : 'NOT met'}.`);
