// Benchmark: drawing 1,000 diagrams cold (empty cache, browser start included) and warm (cached).
// Usage: npm run bench:diagrams [-- COUNT]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRegistry } from '../src/core/registry.ts';
import { renderDiagrams } from '../src/diagrams/render.ts';
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
const jobs = sources.map((source) => ({ source, theme: 'default' as const }));
const cacheDir = await mkdtemp(join(tmpdir(), 'plexus-bench-diagrams-'));
try {
  const launch = () => launchChromium(executable);
  const workers = Number(process.env.PLEXUS_DIAGRAM_WORKERS ?? 2);
  const cold = await renderDiagrams(jobs, { cacheDir, launch, workers });
  const warm = await renderDiagrams(jobs, { cacheDir, launch, workers: 2 });
  const per = (ms: number) => (ms / jobs.length).toFixed(2);
  const nodes = sources.reduce((n, s) => n + (s.match(/^\s+n\d+[[({]/gm)?.length ?? 0), 0) / sources.length;
  console.log(`${jobs.length} diagrams (repository neighbourhoods, ${nodes.toFixed(1)} nodes on average), 2 pages in one Chromium:`);
  console.log(
    `  cold: ${Math.round(cold.stats.ms)} ms in all, ${per(cold.stats.ms)} ms a diagram (${cold.stats.drawn} drawn, ${cold.stats.failed.length} failed)`,
  );
  console.log(`  warm: ${Math.round(warm.stats.ms)} ms in all, ${per(warm.stats.ms)} ms a diagram (${warm.stats.cached} from cache)`);
  console.log(`  target: under 60 ms a diagram cold: ${cold.stats.ms / jobs.length < 60 ? 'met' : 'NOT met'}`);
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}
