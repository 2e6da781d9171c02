// `npm run bench:dev` (and part of `npm run bench`): the dev loop as a reader of docs lives it.
// For generated registries of 1,000 and 5,000 integrations: the time from starting `astro dev`
// to the first page served (diagram cache warm), and from saving a YAML edit to the edited text on
// the page: a text no diagram shows, and a repository's new name until its diagram shows it (the
// issue-24 measure: a diagram change visible), whose diagrams must be drawn
// again (the page shows them as text meanwhile; the time until drawn is printed too); medians of
// --runs server starts, printed against the targets.
// Usage: npm run bench:dev [-- --sizes 1000,5000 --runs 3 --edits 5]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withoutViteEnv } from '../scripts/clean-env.ts';
import { benchOptions } from './args.ts';
import { writeRegistry } from './registry.ts';

const values = benchOptions(
  { sizes: { type: 'string', default: '1000,5000' }, runs: { type: 'string', default: '3' }, edits: { type: 'string', default: '5' } },
  'npm run bench:dev [-- --sizes 1000,5000 --runs 3 --edits 5]',
);
const sizes = values.sizes!.split(',').map(Number);
const runs = Math.max(1, Number(values.runs));
const edits = Math.max(1, Number(values.edits));
const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, '.bench');
const PORT = 4700 + (process.pid % 200);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A diagram a dev page shows as text while it is drawn in the background. */
const PENDING = /data-diagram-pending="[0-9a-f]{32}"/;
/** Whether a drawn view on the page (Plexus's SVG) shows `text`: the diagram changed, not only the heading. */
const inDiagram = (html: string, text: string) => [...html.matchAll(/<svg[^>]*class="plx"[\s\S]*?<\/svg>/g)].some((m) => m[0].includes(text));

async function page(path: string): Promise<string | undefined> {
  const response = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { accept: 'text/html' } }).catch(() => undefined);
  return response?.ok ? response.text() : undefined;
}

/** Polls `path` every 10 ms until `ready` holds; the milliseconds it took, or an error after `limit`. */
async function until(path: string, ready: (html: string) => boolean, limit: number, server: ChildProcess, log: () => string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limit) {
    if (server.exitCode !== null) throw new Error(`astro dev stopped:\n${log()}`);
    const html = await page(path);
    if (html && ready(html)) return performance.now() - started;
    await sleep(10);
  }
  await writeFile(join(WORK, 'dev-failure.log'), log());
  throw new Error(`${path} not ready after ${limit} ms; the dev server's output is in .bench/dev-failure.log`);
}

function start(content: string, cache: string, cwd = ROOT): { server: ChildProcess; log: () => string } {
  let log = '';
  const server = spawn(join(ROOT, 'node_modules', '.bin', 'astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd,
    env: { ...withoutViteEnv(), PLEXUS_CONTENT: content, PLEXUS_CACHE: cache, PLEXUS_TODAY: '2026-11-22' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  return { server, log: () => log };
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  process.kill(-server.pid!, 'SIGTERM');
  await exited;
}

/**
 * The floor: a bare Astro site with one page, started the same way; its first page is as fast as
 * `astro dev` can be on this machine.
 */
async function bareFirstPage(): Promise<number[]> {
  const bare = join(WORK, 'dev-bare');
  await mkdir(join(bare, 'src', 'pages'), { recursive: true });
  await writeFile(join(bare, 'package.json'), '{ "type": "module" }\n');
  await writeFile(join(bare, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  await writeFile(join(bare, 'src', 'pages', 'index.astro'), '---\nconst now = 1;\n---\n<html><body><h1>Bare {now}</h1></body></html>\n');
  await symlink(join(ROOT, 'node_modules'), join(bare, 'node_modules')).catch(() => {});
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const { server, log } = start('', '', bare);
    try {
      times.push(await until('/', (html) => html.includes('<h1'), 120_000, server, log));
    } finally {
      await stop(server);
    }
  }
  return times;
}

const bare = await bareFirstPage();
console.log(`A bare Astro site with one page: first page ${bare.map(Math.round).join(', ')} ms`);

const rows: { integrations: number; firstMs: number; editMs: number; renameMs: number; drawnMs: number }[] = [];
for (const integrations of sizes) {
  const content = join(WORK, `dev-registry-${integrations}`);
  await writeRegistry(integrations, content);
  const cache = join(WORK, `cache-${integrations}`);
  const repository = join(content, 'repositories', 'repo-1.yaml');
  const original = await readFile(repository, 'utf8');
  // The targets are for a warm diagram cache: the dev server draws what the timed pages show,
  // in the background, once, before anything is timed.
  {
    const { server, log } = start(content, cache);
    for (const path of ['/integrations/flow-1/', '/repositories/repo-1/']) await until(path, (html) => !PENDING.test(html), 600_000, server, log);
    await stop(server);
  }
  const firstRuns: number[] = [];
  const editRuns: number[] = [];
  const renameRuns: number[] = [];
  const drawnRuns: number[] = [];
  for (let r = 0; r < runs; r++) {
    const { server, log } = start(content, cache);
    try {
      firstRuns.push(await until('/integrations/flow-1/', (html) => html.includes('<h1'), 300_000, server, log));
      // The edited page is open before it is edited, as in a reader's browser (its first visit compiles it).
      await until('/repositories/repo-1/', (html) => html.includes('<h1'), 120_000, server, log);
      for (let e = 0; e < edits; e++) {
        // Text no diagram shows (a purpose), then a name never used before: the diagrams it is in
        // are not in the cache and must be drawn, as after a real rename.
        const text = `Edited ${process.pid}.${Date.now()}.${r}.${e}`;
        await writeFile(repository, original.replace(/^purpose: .*$/m, `purpose: ${text}`));
        editRuns.push(await until('/repositories/repo-1/', (html) => html.includes(text), 120_000, server, log));
        const name = `Renamed ${process.pid}.${Date.now()}.${r}.${e}`;
        await writeFile(repository, original.replace(/^name: .*$/m, `name: ${name}`));
        const saved = performance.now();
        renameRuns.push(await until('/repositories/repo-1/', (html) => inDiagram(html, name), 120_000, server, log));
        // The page does not wait for the drawing: it shows the diagram as text and swaps it in when drawn.
        await until('/repositories/repo-1/', (html) => html.includes(name) && !PENDING.test(html), 120_000, server, log);
        drawnRuns.push(performance.now() - saved);
      }
    } finally {
      await stop(server);
      await writeFile(repository, original);
    }
    console.log(
      `${integrations}, run ${r + 1}: first page ${Math.round(firstRuns.at(-1)!)} ms; text edits ${editRuns.slice(-edits).map(Math.round).join(', ')} ms; renames ${renameRuns.slice(-edits).map(Math.round).join(', ')} ms, their diagrams drawn ${drawnRuns.slice(-edits).map(Math.round).join(', ')} ms`,
    );
  }
  rows.push({ integrations, firstMs: median(firstRuns), editMs: median(editRuns), renameMs: median(renameRuns), drawnMs: median(drawnRuns) });
}

const target = (integrations: number) => (integrations <= 1000 ? 300 : 1000);
console.log(
  '\n| integrations | first page (warm cache) | bare Astro first page | target | text edit → visible | rename → visible in its diagram | target | rename → its diagram drawn |\n|---|---|---|---|---|---|---|---|',
);
for (const r of rows)
  console.log(
    `| ${r.integrations} | ${(r.firstMs / 1000).toFixed(1)} s | ${(median(bare) / 1000).toFixed(1)} s | ${r.integrations <= 1000 ? '≤ 2 s' : '—'} | ${Math.round(r.editMs)} ms | ${Math.round(r.renameMs)} ms | ≤ ${target(r.integrations)} ms | ${(r.drawnMs / 1000).toFixed(1)} s |`,
  );
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
console.log('\n| target | measured | |\n|---|---|---|');
for (const r of rows) {
  if (r.integrations === 1000)
    console.log(
      `| first page ≤ 2 s after start at 1,000 (warm cache) | ${(r.firstMs / 1000).toFixed(1)} s (bare Astro: ${(median(bare) / 1000).toFixed(1)} s) | ${verdict(r.firstMs <= 2000)} |`,
    );
  const limit = target(r.integrations);
  console.log(
    `| a YAML edit visible ≤ ${limit} ms at ${r.integrations} (a diagram change: issue 24) | text ${Math.round(r.editMs)} ms, rename in its diagram ${Math.round(r.renameMs)} ms | ${verdict(Math.max(r.editMs, r.renameMs) <= limit)} |`,
  );
  console.log(
    `| a diagram to draw does not block its page at ${r.integrations} | rename shown in ${Math.round(r.renameMs)} ms, drawn in ${(r.drawnMs / 1000).toFixed(1)} s | ${verdict(r.renameMs < r.drawnMs)} |`,
  );
}
console.log(`\nMedians of ${runs} server starts and ${runs * edits} edits of each kind per size, Node ${process.versions.node}.`);
