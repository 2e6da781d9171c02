import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { safeMermaid } from '../core/mermaid-config.ts';
import { paletteSvg, SITE_FONT, THEME_VARIABLES } from './mermaid-theme.ts';
import { svgProblem } from './safe-svg.ts';

/**
 * `site`: the site's font and palette (theme `base`, src/diagrams/mermaid-theme.ts), its colours
 * then written as the site's custom properties, so dark mode recolours the one drawing; `dark`:
 * mermaid's own dark theme, as drawn.
 */
export type Theme = 'site' | 'dark';

/** Mermaid settings every diagram is drawn with: dagre layout, labels as real SVG text, the site's look. */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  theme: 'base',
  themeVariables: THEME_VARIABLES,
  fontFamily: SITE_FONT,
  securityLevel: 'strict',
  htmlLabels: false,
  flowchart: { htmlLabels: false, useMaxWidth: true, wrappingWidth: 300 },
  sequence: { useMaxWidth: true },
  layout: 'dagre',
  look: 'classic',
  handDrawnSeed: 1,
  // Mermaid refuses big diagrams by default (50,000 characters, 500 edges); ours are generated.
  maxTextSize: 2_000_000,
  maxEdges: 20_000,
  deterministicIds: true,
  // What a diagram's own directives and front matter may never set (mermaid drops these keys from
  // them): mermaid's defaults, ours, and every key that puts the author's CSS or an address in the
  // drawing. safeMermaid removes such settings before mermaid sees a text; this is the second wall.
  secure: [
    'secure',
    'securityLevel',
    'startOnLoad',
    'maxTextSize',
    'maxEdges',
    'suppressErrorRendering',
    'dompurifyConfig',
    'htmlLabels',
    'deterministicIds',
    'layout',
    'look',
    'themeCSS',
    'themeVariables',
    'fontFamily',
    'altFontFamily',
    'actorFontFamily',
    'boundaryFontFamily',
    'componentFontFamily',
    'containerFontFamily',
    'messageFontFamily',
    'noteFontFamily',
    'personFontFamily',
    'systemFontFamily',
    'taskFontFamily',
    'titleFontFamily',
    'usecaseFontFamily',
    'ticketBaseUrl',
  ],
} as const;

const require = createRequire(import.meta.url);
const MERMAID_BUNDLE = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_VERSION = (require('mermaid/package.json') as { version: string }).version;

/**
 * Pages drawing at once by default: one per core, but no more than 8 (each is a Chromium renderer
 * holding mermaid, ~150 MB; a large machine gains little from more).
 */
export function defaultWorkers(): number {
  return Math.min(availableParallelism(), 8);
}

/** Diagrams a worker takes at a time: few enough to share the work evenly, enough to keep round trips rare. */
const CHUNK = 8;

/**
 * Bumped whenever a drawing changes for a reason the key does not hash: what `compactSvg` writes,
 * or what `safeMermaid` keeps of a text (2: it keeps only plain options; 3: nor any style, link or
 * image of its statements that could load or run; 4: the site's palette as custom properties,
 * `paletteSvg`), so older cached drawings are not reused.
 */
const OUTPUT_FORMAT = 4;

/** The cache key of one drawing: anything that changes the SVG changes the key. */
export function diagramKey(source: string, theme: Theme): string {
  return createHash('sha256')
    .update(JSON.stringify([MERMAID_VERSION, MERMAID_CONFIG, OUTPUT_FORMAT, theme, source]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Rounds coordinates in attribute values to a tenth of a pixel (mermaid writes 13 decimals),
 * which halves an SVG and thirds it compressed. Text between tags is left exactly as drawn.
 */
export function compactSvg(svg: string): string {
  return svg.replace(/(\s[\w:-]+=")([^"]*)"/g, (_, name: string, value: string) => `${name}${value.replace(/(\d\.\d)\d+/g, '$1')}"`);
}

export interface RenderOptions {
  /** Where drawn SVGs are kept between builds, one file per key. */
  cacheDir: string;
  /** Starts the browser; called only if something is not in the cache. */
  launch: () => Promise<Browser>;
  /** Pages drawing at once; by default one per core up to 8 (`defaultWorkers`; layout is CPU-bound). */
  workers?: number;
  /** Pages already open and kept open by the caller (`npm run dev`); else a browser is launched and closed. */
  session?: DrawingSession;
  /** Told how many of the diagrams not in the cache are done: (0, total) before the browser starts, then after each batch. */
  progress?: (done: number, total: number) => void;
}

/** Chromium pages with mermaid loaded, ready to draw. */
export interface DrawingSession {
  pages: Page[];
  close(): Promise<void>;
}

/**
 * A context with no network: the page's own content is written into it, so any request at all,
 * from CSS in a diagram or anything else, is one the data made, and is aborted before it leaves.
 */
async function offlineContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ offline: true, serviceWorkers: 'block' });
  await context.route('**/*', (route) => route.abort('blockedbyclient'));
  return context;
}

/** Launches the browser and opens `workers` pages with mermaid, each in its own context, so each gets its own renderer process (and core). */
export async function openDrawingSession(launch: () => Promise<Browser>, workers: number): Promise<DrawingSession> {
  const browser = await launch();
  try {
    const bundle = await readFile(MERMAID_BUNDLE, 'utf8');
    const pages = await Promise.all(
      Array.from({ length: Math.max(1, workers) }, async () => {
        const page = await (await offlineContext(browser)).newPage();
        await page.setContent('<!doctype html><html><body></body></html>');
        await page.addScriptTag({ content: bundle });
        return page;
      }),
    );
    return { pages, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export interface RenderStats {
  total: number;
  cached: number;
  drawn: number;
  failed: { source: string; error: string }[];
  /** Cached drawings that were not clean SVG (truncated, or holding script): drawn again. */
  rejected: { key: string; reason: string }[];
  ms: number;
}

/**
 * Draws every (source, theme) pair to SVG, in one browser session split over `workers` pages,
 * reusing what the content-hash cache already holds. Returns SVG by key; failures are listed,
 * not thrown, so one bad diagram does not stop a build.
 */
export async function renderDiagrams(
  jobs: { source: string; theme: Theme }[],
  options: RenderOptions,
): Promise<{ svgs: Map<string, string>; stats: RenderStats }> {
  const started = performance.now();
  const svgs = new Map<string, string>();
  const todo = new Map<string, { source: string; theme: Theme }>();
  const rejected: RenderStats['rejected'] = [];
  await mkdir(options.cacheDir, { recursive: true });
  await Promise.all(
    jobs.map(async (job) => {
      const key = diagramKey(job.source, job.theme);
      if (svgs.has(key) || todo.has(key)) return;
      const cached = await readFile(join(options.cacheDir, `${key}.svg`), 'utf8').catch(() => undefined);
      const problem = cached === undefined ? undefined : svgProblem(cached);
      if (cached !== undefined && problem === undefined) svgs.set(key, cached);
      else todo.set(key, job);
      if (problem !== undefined) rejected.push({ key, reason: problem });
    }),
  );
  const order = new Map(jobs.map((job, i) => [diagramKey(job.source, job.theme), i]));
  rejected.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  const cachedCount = svgs.size;
  const failed: RenderStats['failed'] = [];
  if (todo.size > 0) {
    // Grouped by theme, so each page configures mermaid once per theme, not once per drawing;
    // the largest first, so no worker is left drawing a big diagram alone at the end.
    const entries = [...todo].sort((a, b) => a[1].theme.localeCompare(b[1].theme) || b[1].source.length - a[1].source.length);
    let done = 0;
    options.progress?.(done, entries.length);
    const session = options.session ?? (await openDrawingSession(options.launch, Math.min(options.workers ?? defaultWorkers(), entries.length)));
    try {
      // Each page takes the next few diagrams when it is free, so a slow diagram holds up one page, not a share.
      let next = 0;
      const take = () => entries.slice(next, (next += CHUNK));
      await Promise.all(
        session.pages.map(async (page) => {
          for (let taken = take(); taken.length > 0; taken = take()) {
            // Mermaid sees only what safeMermaid kept of a text's own configuration.
            const items = taken.map(([key, job]) => [key, { ...job, source: safeMermaid(job.source).source }] as const);
            const results = await page.evaluate(
              async ({ items, config }) => {
                const w = window as unknown as {
                  mermaid: { initialize(c: unknown): void; render(id: string, s: string): Promise<{ svg: string }> };
                  plexusTheme?: string;
                };
                const out: { key: string; svg?: string; error?: string }[] = [];
                for (const [key, job] of items) {
                  try {
                    if (job.theme !== w.plexusTheme) {
                      w.plexusTheme = job.theme;
                      w.mermaid.initialize(job.theme === 'site' ? config : { ...config, theme: job.theme, themeVariables: {} });
                    }
                    const { svg } = await w.mermaid.render(`d${key.slice(0, 12)}`, job.source);
                    out.push({ key, svg });
                  } catch (error) {
                    out.push({ key, error: String((error as Error).message ?? error) });
                  }
                }
                return out;
              },
              { items, config: MERMAID_CONFIG },
            );
            for (const r of results) {
              const problem = r.svg === undefined ? undefined : svgProblem(r.svg);
              if (problem !== undefined) r.error = `the drawing cannot be used: ${problem}`;
              if (r.svg === undefined || problem !== undefined) {
                failed.push({ source: todo.get(r.key)!.source, error: r.error ?? 'unknown error' });
                continue;
              }
              const drawn = compactSvg(r.svg);
              const svg = todo.get(r.key)!.theme === 'site' ? paletteSvg(drawn) : drawn;
              svgs.set(r.key, svg);
              const file = join(options.cacheDir, `${r.key}.svg`);
              await writeFile(`${file}.tmp`, svg);
              await rename(`${file}.tmp`, file);
            }
            options.progress?.((done += results.length), entries.length);
          }
        }),
      );
    } finally {
      if (!options.session) await session.close();
    }
  }
  return { svgs, stats: { total: jobs.length, cached: cachedCount, drawn: svgs.size - cachedCount, failed, rejected, ms: performance.now() - started } };
}
