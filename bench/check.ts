// Benchmark: `plexus check` on a generated registry of 10,000 entities (target: under 2 s).
// Usage: npm run bench:check [-- ENTITIES]
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildRegistry } from '../src/core/registry.ts';
import { loadRegistry, readSources } from '../src/core/fs.ts';
import { generateRegistry } from '../src/synthetic/generate.ts';

const entities = Number(process.argv[2] ?? 10_000);
const runs = 5;
const dir = await mkdtemp(join(tmpdir(), 'plexus-bench-'));
try {
  const files = generateRegistry(entities, 42);
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const total: number[] = [];
  const read: number[] = [];
  const core: number[] = [];
  let errors = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const { diagnostics } = await loadRegistry(dir, { today: '2026-11-22' });
    total.push(performance.now() - t);
    errors = diagnostics.filter((d) => d.severity === 'error').length;
    t = performance.now();
    const sources = await readSources(dir);
    read.push(performance.now() - t);
    t = performance.now();
    buildRegistry(sources, { today: '2026-11-22' });
    core.push(performance.now() - t);
  }
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log(`check of ${files.size} files (${entities} entities), median of ${runs} runs on Node ${process.versions.node}:`);
  console.log(`  total (read + parse + validate + resolve + analyse): ${ms(median(total))}`);
  console.log(`  reading files: ${ms(median(read))}; pure pipeline: ${ms(median(core))}`);
  console.log(`  errors found: ${errors} (a generated registry must have none)`);
  console.log(`  target: under 2000 ms: ${median(total) < 2000 ? 'met' : 'NOT met'}`);
  if (errors > 0) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
