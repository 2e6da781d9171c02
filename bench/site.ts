// `npm run bench`: builds generated registries of 100, 1,000 and 5,000 integrations and a bare
// Astro site with the same number of pages of the same size (and Pagefind over it), and prints what
// each costs: medians of --runs runs (3 by default), each run a cold, a warm and a bare build in turn.
// Usage: npm run bench [-- --sizes 100,1000 --runs 3]
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchOptions } from './args.ts';
import { gzipSync } from 'node:zlib';
import { loadRegistry } from '../src/core/fs.ts';
import { writeRegistry } from './registry.ts';
import * as pagefind from 'pagefind';
import { withoutViteEnv } from '../scripts/clean-env.ts';

const values = benchOptions(
  { sizes: { type: 'string', default: '100,1000,5000' }, runs: { type: 'string', default: '3' } },
  'node bench/site.ts [--sizes 100,1000 --runs 3]',
);
const sizes = values.sizes!.split(',').map(Number);
const runs = Math.max(1, Number(values.runs));
const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, '.bench');
const run = promisify(execFile);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const env = withoutViteEnv();

async function sizeOf(dir: string): Promise<number> {
  let total = 0;
  for (const f of await readdir(dir, { recursive: true, withFileTypes: true })) if (f.isFile()) total += (await stat(join(f.parentPath, f.name))).size;
  return total;
}

/** Compressed bytes of a page and the CSS and JS files it references. */
async function pageWeight(dist: string, path: string): Promise<{ html: number; css: number; js: number }> {
  const html = await readFile(join(dist, path, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:href|src)="[^"]*?(\/_astro\/[^"]+\.(css|js))"/g)];
  let css = 0;
  let js = 0;
  for (const [, file, ext] of assets) {
    const size = gzipSync(await readFile(join(dist, file!))).length;
    if (ext === 'css') css += size;
    else js += size;
  }
  return { html: gzipSync(html).length, css, js };
}

async function timedBuild(content: string, dist: string, cache: string): Promise<{ ms: number; peakMiB: number; log: string }> {
  const started = performance.now();
  const { stdout } = await run(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: { ...env, PLEXUS_CONTENT: content, PLEXUS_DIST: dist, PLEXUS_CACHE: cache, PLEXUS_QUIET: '1', PLEXUS_TODAY: '2026-11-22' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  const peak = /peak memory (\d+) MiB/.exec(stdout);
  return { ms, peakMiB: peak ? Number(peak[1]) : NaN, log: stdout };
}

/** A bare Astro site: `pages` pages of `bytes` bytes of HTML each, from one dynamic route. */
async function baseline(pages: number, bytes: number, dir: string): Promise<number> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src', 'pages'), { recursive: true });
  // The same Astro settings as Plexus (astro.config.mjs), so only the work differs.
  await writeFile(join(dir, 'astro.config.mjs'), "export default { build: { format: 'directory', concurrency: 4 } };\n");
  await writeFile(
    join(dir, 'src', 'pages', '[n].astro'),
    `---
export function getStaticPaths() { return Array.from({ length: ${pages} }, (_, n) => ({ params: { n: String(n) } })); }
const { n } = Astro.params;
const words = 'integration registry repository event gateway payment order service '.repeat(${Math.max(1, Math.round(bytes / 70))});
---
<html lang="en"><head><title>Page {n}</title></head><body><h1>Page {n}</h1><p>{words}</p></body></html>
`,
  );
  const started = performance.now();
  await run(join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--root', dir, '--silent'], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
  return performance.now() - started;
}

/** Pagefind over the baseline's output: the search the bare site lacks, timed on its own. */
async function baselineSearch(dir: string): Promise<number> {
  const started = performance.now();
  const { index } = await pagefind.createIndex({});
  await index!.addDirectory({ path: join(dir, 'dist') });
  await index!.writeFiles({ outputPath: join(dir, 'dist', 'pagefind') });
  await pagefind.close();
  return performance.now() - started;
}

/** One size's figures, as printed and written to .bench/results.json. */
interface Row {
  integrations: number;
  pages: number;
  diagrams: number;
  checkMs: number;
  coldMs: number;
  warmMs: number;
  baselineMs: number;
  baselineWithSearchMs: number;
  warmRatioWithSearch: number;
  pagesPerSecondWarm: number;
  peakMiB: number;
  distMiB: number;
  pagefindMiB: number;
  avgHtmlKiB: number;
  repositoryPageKiB: number;
  repositoryPageJs: number;
  integrationPageKiB: number;
  integrationPageJs: number;
  warmRatio: number;
  coldOverBaselinePerDiagramMs: number;
  /** The issue-24 measure: what a cold build costs over the bare site with its search, a diagram. */
  coldOverSearchBaselinePerDiagramMs: number;
  /** What laying out the views costs alone: a cold build over a warm one (same pages, layouts cached), a diagram. */
  coldOverWarmPerDiagramMs: number;
}
const results: Row[] = [];
await mkdir(WORK, { recursive: true });
for (const integrations of sizes) {
  const content = join(WORK, `registry-${integrations}`);
  await writeRegistry(integrations, content);
  const check: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const base: number[] = [];
  const baseSearch: number[] = [];
  let peak = 0;
  const dist = join(WORK, `dist-${integrations}`);
  const cache = join(WORK, `cache-${integrations}`);
  let pages = 0;
  let avgHtml = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    await loadRegistry(content, { today: '2026-11-22' });
    check.push(performance.now() - t);
    await rm(cache, { recursive: true, force: true });
    const c = await timedBuild(content, dist, cache);
    cold.push(c.ms);
    // Warm: the diagram cache present, one YAML file edited.
    const edited = join(content, 'integrations', 'flow-0.yaml');
    await writeFile(edited, (await readFile(edited, 'utf8')).replace(/^purpose: .*$/m, `purpose: Edited in run ${r}`));
    const w = await timedBuild(content, dist, cache);
    warm.push(w.ms);
    peak = Math.max(peak, c.peakMiB, w.peakMiB);
    const html = (await readdir(dist, { recursive: true })).filter((f) => f.endsWith('.html'));
    pages = html.length;
    let bytes = 0;
    for (const f of html) bytes += (await stat(join(dist, f))).size;
    avgHtml = bytes / pages;
    t = performance.now();
    base.push(await baseline(pages, avgHtml, join(WORK, `baseline-${integrations}`)));
    baseSearch.push(base.at(-1)! + (await baselineSearch(join(WORK, `baseline-${integrations}`))));
  }
  // Every view laid out (view-<key>.json) and every hand-written drawing (<key>.svg) of a cold build.
  const diagrams = (await readdir(join(cache, 'diagrams'))).filter((f) => /^view-[0-9a-f]{32}\.json$|^[0-9a-f]{32}\.svg$/.test(f)).length;
  const repo = await pageWeight(dist, 'repositories/repo-1');
  const integration = await pageWeight(dist, 'integrations/flow-1');
  const row: Row = {
    integrations,
    pages,
    diagrams,
    checkMs: Math.round(median(check)),
    coldMs: Math.round(median(cold)),
    warmMs: Math.round(median(warm)),
    baselineMs: Math.round(median(base)),
    baselineWithSearchMs: Math.round(median(baseSearch)),
    warmRatioWithSearch: +(median(warm) / median(baseSearch)).toFixed(2),
    pagesPerSecondWarm: Math.round(pages / (median(warm) / 1000)),
    peakMiB: peak,
    distMiB: +((await sizeOf(dist)) / 1024 / 1024).toFixed(1),
    pagefindMiB: +((await sizeOf(join(dist, 'pagefind'))) / 1024 / 1024).toFixed(2),
    avgHtmlKiB: +(avgHtml / 1024).toFixed(1),
    repositoryPageKiB: +((repo.html + repo.css + repo.js) / 1024).toFixed(1),
    repositoryPageJs: repo.js,
    integrationPageKiB: +((integration.html + integration.css + integration.js) / 1024).toFixed(1),
    integrationPageJs: integration.js,
    warmRatio: +(median(warm) / median(base)).toFixed(2),
    coldOverBaselinePerDiagramMs: +((median(cold) - median(base)) / Math.max(1, diagrams)).toFixed(1),
    coldOverSearchBaselinePerDiagramMs: +((median(cold) - median(baseSearch)) / Math.max(1, diagrams)).toFixed(1),
    coldOverWarmPerDiagramMs: +((median(cold) - median(warm)) / Math.max(1, diagrams)).toFixed(1),
  };
  results.push(row);
  console.error(`measured ${integrations} integrations: ${JSON.stringify(row)}`);
}

const header =
  '| integrations | pages | diagrams | check | cold build | warm build | baseline | baseline + Pagefind | warm ÷ baseline | warm ÷ (baseline + Pagefind) | (cold − baseline) ÷ diagram | (cold − (baseline + Pagefind)) ÷ diagram | (cold − warm) ÷ diagram | pages/s warm | peak memory | dist | Pagefind | repository page | integration page |';
console.log(
  `\nPlexus vs a bare Astro site with as many pages of the same HTML size (median of ${runs} run${runs > 1 ? 's' : ''}, Node ${process.versions.node}):\n`,
);
console.log(header);
console.log(
  `|${header
    .split('|')
    .slice(1, -1)
    .map(() => '---')
    .join('|')}|`,
);
for (const r of results) {
  console.log(
    `| ${r.integrations} | ${r.pages} | ${r.diagrams} | ${r.checkMs} ms | ${(r.coldMs / 1000).toFixed(1)} s | ${(r.warmMs / 1000).toFixed(1)} s | ${(r.baselineMs / 1000).toFixed(1)} s | ${(r.baselineWithSearchMs / 1000).toFixed(1)} s | ${r.warmRatio} | ${r.warmRatioWithSearch} | ${r.coldOverBaselinePerDiagramMs} ms | ${r.coldOverSearchBaselinePerDiagramMs} ms | ${r.coldOverWarmPerDiagramMs} ms | ${r.pagesPerSecondWarm} | ${r.peakMiB} MiB | ${r.distMiB} MiB | ${r.pagefindMiB} MiB | ${r.repositoryPageKiB} KiB gz (JS ${r.repositoryPageJs} B) | ${r.integrationPageKiB} KiB gz (JS ${r.integrationPageJs} B) |`,
  );
}
// Every target of issue 15 with what this run measured.
const at = (n: number) => results.find((r) => r.integrations === n);
const verdict = (met: boolean | undefined) => (met === undefined ? 'not measured (size not run)' : met ? 'met' : 'NOT met');
const [small, large] = [at(1000), at(5000)];
const targets: [string, string, boolean | undefined][] = [
  ['warm build ≤ 1.3× bare Astro + Pagefind at 1,000', small ? `${small.warmRatioWithSearch}×` : '—', small && small.warmRatioWithSearch <= 1.3],
  [
    'cold build ≤ bare Astro + Pagefind + 15 ms a diagram at 1,000 (issue 24)',
    small
      ? `${(small.coldMs / 1000).toFixed(1)} s cold vs ${(small.baselineWithSearchMs / 1000).toFixed(1)} s bare + Pagefind: ${small.coldOverSearchBaselinePerDiagramMs} ms a diagram (${small.diagrams} diagrams; laying them out alone, cold − warm: ${small.coldOverWarmPerDiagramMs} ms a diagram)`
      : '—',
    small && small.coldOverSearchBaselinePerDiagramMs <= 15,
  ],
  ['peak memory < 2 GiB at 5,000', large ? `${large.peakMiB} MiB` : '—', large && large.peakMiB < 2048],
  [
    'linear: warm 1,000 → 5,000 grows no faster than the pages',
    small && large ? `${(large.warmMs / small.warmMs).toFixed(1)}× the time for ${(large.pages / small.pages).toFixed(1)}× the pages` : '—',
    small && large ? large.warmMs / small.warmMs <= (large.pages / small.pages) * 1.1 : undefined,
  ],
  [
    // Since issue 25 every page loads the site's own cached script (theme, search loader, outline):
    // about 2 KiB compressed; a client framework would be tens of KiB.
    'entity pages ≤ 30 KiB compressed with their CSS and scripts, no client framework (scripts ≤ 4 KiB)',
    results
      .map((r) => `${r.repositoryPageKiB} / ${r.integrationPageKiB} KiB at ${r.integrations}, scripts ${r.repositoryPageJs} / ${r.integrationPageJs} B`)
      .join(', '),
    results.length
      ? results.every((r) => Math.max(r.repositoryPageKiB, r.integrationPageKiB) <= 30 && Math.max(r.repositoryPageJs, r.integrationPageJs) <= 4096)
      : undefined,
  ],
];
console.log('\n| target | measured | |\n|---|---|---|');
for (const [name, measured, met] of targets) console.log(`| ${name} | ${measured} | ${verdict(met)} |`);
await writeFile(join(WORK, 'results.json'), `${JSON.stringify({ node: process.versions.node, runs, results }, null, 2)}\n`);
console.log(`JSON: ${join('.bench', 'results.json')}`);
