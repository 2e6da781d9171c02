import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../core/model.ts';
import { blocks } from '../core/markdown.ts';
import { type DrawingSession, diagramKey, openDrawingSession, renderDiagrams, type RenderStats } from '../diagrams/render.ts';
import { landscapeMermaid, toMermaid } from '../diagrams/graph-text.ts';
import { sequenceOf } from '../diagrams/graph.ts';
import { ecosystemDiagram, eventDiagram, neighbourhoodDiagram, type Diagram } from '../render/diagrams.ts';
import type { RenderedDocument } from '../render/documents.ts';
import { svgProblem } from '../diagrams/safe-svg.ts';
import { buildChannel } from './build-channel.ts';
import { chromiumPath, noChromium } from './chromium.ts';
import { type Progress, progress } from './progress.ts';

/**
 * The diagrams the site's pages show, each generated when first asked for (in `npm run dev`, an
 * edit re-makes only those of the pages opened after it), then kept.
 */
export interface SiteDiagrams {
  readonly ecosystem: Diagram;
  neighbourhood(repository: string): Diagram;
  event(event: string): Diagram;
  /** Every one of them: the ecosystem, each repository's neighbourhood, each event's. */
  all(): Diagram[];
}

/** `make`, each result kept by its argument. */
function memo<T>(make: (id: string) => T): (id: string) => T {
  const made = new Map<string, T>();
  return (id) => {
    let value = made.get(id);
    if (value === undefined) made.set(id, (value = make(id)));
    return value;
  };
}

export function siteDiagrams(model: Model): SiteDiagrams {
  let ecosystem: Diagram | undefined;
  const neighbourhood = memo((id) => neighbourhoodDiagram(model, id));
  const event = memo((id) => eventDiagram(model, id));
  const diagrams: SiteDiagrams = {
    get ecosystem() {
      return (ecosystem ??= ecosystemDiagram(model));
    },
    neighbourhood,
    event,
    all: () => [diagrams.ecosystem, ...[...model.repositories.keys()].map(neighbourhood), ...[...model.events.keys()].map(event)],
  };
  return diagrams;
}

/**
 * The mermaid sources the site draws in Chromium: hand-written fences in documents only. Generated
 * diagrams (the views, an integration's sequence) are drawn in process (src/site/views.ts), so a
 * registry without hand-written mermaid builds without launching a browser.
 */
export function siteDiagramSources(diagrams: SiteDiagrams, documents: RenderedDocument[], model: Model): string[] {
  // What the Markdown export writes for the views (the landscape, each sequence) is generated too.
  const generated = new Set<string>([...diagrams.all().map((d) => d.source), landscapeMermaid(model)]);
  for (const id of model.integrations.keys()) {
    const sequence = sequenceOf(model, id);
    if (sequence) generated.add(toMermaid(sequence));
  }
  const sources = new Set<string>();
  for (const doc of documents) {
    for (const b of blocks(doc.markdown)) {
      const source = b.lines.slice(1, -1).join('\n') + '\n';
      if (b.fenced && b.lang === 'mermaid' && !generated.has(source)) sources.add(source);
    }
  }
  return [...sources];
}

/** Diagrams this process has drawn or read and verified, by key: the same source draws the same SVG. */
const drawnHere = new Map<string, string>();

export interface DrawnDiagrams {
  /** Light and dark SVG of a source, when it could be drawn at build time. */
  get(source: string): { svg: string; key: string } | undefined;
  /** In `npm run dev`: the key of the source's drawing in progress; its page shows the text until it is drawn. */
  pending(source: string): string | undefined;
  /** Every drawn diagram's SVG by key, for the full-size view. */
  files(): [key: string, svg: string][];
  stats: RenderStats | null;
  /** Why diagrams fall back to drawing in the browser, if they do. */
  fallback: string | null;
}

/** What went wrong drawing: cached drawings that were not clean SVG, and diagrams left to the reader's browser. */
function reportProblems({ rejected, failed }: Pick<RenderStats, 'rejected' | 'failed'>, cacheDir: string, log: (line: string) => void): void {
  for (const r of rejected) log(`A cached drawing was not a clean SVG (${r.reason}); it was drawn again: ${join(cacheDir, `${r.key}.svg`)}`);
  for (const f of failed) log(`A diagram could not be drawn (${f.error.split('\n')[0]}); it will be drawn in the browser:\n${f.source}`);
}

/** Without a browser to draw in, every diagram is drawn in the reader's browser. */
function withoutBrowser(log: (line: string) => void): DrawnDiagrams {
  const fallback =
    process.env.PLEXUS_CHROMIUM === 'none'
      ? "No Chromium or Chrome found (set PLEXUS_CHROMIUM to its path): diagrams will be drawn in the reader's browser."
      : `${noChromium()} Diagrams will be drawn in the reader's browser.`;
  log(fallback);
  return { get: () => undefined, pending: () => undefined, files: () => [], stats: null, fallback };
}

/**
 * Draws the site's diagrams at build time, in one browser session (a page per core) with a content-hash cache.
 * Without a browser the site still builds, and pages draw diagrams in the reader's browser.
 */
export async function drawSiteDiagrams(sources: string[], cacheDir: string, log: (line: string) => void): Promise<DrawnDiagrams> {
  const executable = chromiumPath();
  if (!executable) return withoutBrowser(log);
  const { launchChromium } = await import('./chromium.ts');
  // Keys hashed once per source: pages ask for their diagrams many times.
  const keys = new Map(sources.map((source) => [source, diagramKey(source, 'site')]));
  // One drawing a diagram: dark mode recolours it through the custom properties it uses. In
  // `npm run dev` this runs again after each edit; what this process has drawn or verified is
  // not read from the cache again.
  const jobs = sources.filter((source) => !drawnHere.has(keys.get(source)!)).map((source) => ({ source, theme: 'site' as const }));
  let shown: Progress | undefined;
  const { svgs: fresh, stats } = await renderDiagrams(jobs, {
    cacheDir,
    launch: () => launchChromium(executable),
    progress: (done, total) => (shown ??= progress(`Drawing ${total} diagram${total === 1 ? '' : 's'}…`, total)).update(done),
  }).finally(() => shown?.end());
  for (const [key, svg] of fresh) drawnHere.set(key, svg);
  // Every drawing the pages get, by key: drawn now, read from the cache, or drawn earlier in this process.
  const files = [...keys.values()].flatMap((key): [string, string][] => {
    const svg = drawnHere.get(key);
    return svg === undefined ? [] : [[key, svg]];
  });
  const svgs = new Map(files);
  const reused = sources.length - jobs.length;
  // Only the mermaid diagrams written in documents are drawn here (the generated views are laid
  // out in Node), so the line says so: a site of generated diagrams is not "0 drawings".
  log(
    `Hand-written diagrams: ${sources.length} ${sources.length === 1 ? 'drawing' : 'drawings'}, ${stats.cached + reused} from cache, ${stats.drawn} drawn in ${Math.round(stats.ms)} ms${stats.failed.length ? `, ${stats.failed.length} failed` : ''}.`,
  );
  reportProblems(stats, cacheDir, log);
  return {
    get: (source) => {
      const key = keys.get(source) ?? diagramKey(source, 'site');
      const svg = svgs.get(key);
      return svg ? { svg, key } : undefined;
    },
    pending: () => undefined,
    files: () => files,
    stats,
    fallback: stats.failed.length > 0 ? 'some diagrams failed' : null,
  };
}

/** Sources whose drawing failed in this process: drawn in the reader's browser instead. */
const failedHere = new Set<string>();
/** Sources waiting to be drawn in the background, by key; those being drawn; whether a batch runs. */
const waiting = new Map<string, string>();
const drawing = new Set<string>();
let drawingNow = false;
/**
 * The dev server's browser, one page with mermaid loaded, kept open between edits (a launch
 * costs more than drawing a few diagrams) and closed after five minutes with nothing to draw.
 */
let session: Promise<DrawingSession> | undefined;
let idle: ReturnType<typeof setTimeout> | undefined;
const IDLE_MS = 5 * 60_000;

/** Draws what waits, batch after batch, in the background of `npm run dev`. */
async function drawWaiting(cacheDir: string, executable: string, log: (line: string) => void): Promise<void> {
  drawingNow = true;
  clearTimeout(idle);
  try {
    await drawBatches(cacheDir, executable, log);
  } finally {
    drawingNow = false;
    idle = setTimeout(() => {
      void session?.then((s) => s.close()).catch(() => {});
      session = undefined;
    }, IDLE_MS);
    idle.unref();
  }
}

async function drawBatches(cacheDir: string, executable: string, log: (line: string) => void): Promise<void> {
  const { launchChromium } = await import('./chromium.ts');
  // A page asks for its diagrams one after another while it renders: draw them in one batch.
  await new Promise((resolve) => setTimeout(resolve, 20));
  while (waiting.size > 0) {
    const batch = [...waiting];
    waiting.clear();
    for (const [key] of batch) drawing.add(key);
    const jobs = batch.map(([, source]) => ({ source, theme: 'site' as const }));
    let failed: RenderStats['failed'] = [];
    let rejected: RenderStats['rejected'] = [];
    try {
      session ??= openDrawingSession(() => launchChromium(executable), 1);
      const { svgs, stats } = await renderDiagrams(jobs, { cacheDir, launch: () => launchChromium(executable), session: await session });
      for (const [key, svg] of svgs) drawnHere.set(key, svg);
      ({ failed, rejected } = stats);
      log(`Hand-written diagrams: ${stats.drawn} drawn in the background in ${Math.round(stats.ms)} ms${failed.length ? `, ${failed.length} failed` : ''}.`);
    } catch (error) {
      // The browser is gone or would not start: the next batch starts another.
      void session?.then((s) => s.close()).catch(() => {});
      session = undefined;
      failed = jobs.map(({ source }) => ({ source, error: (error as Error).message }));
    }
    for (const f of failed) failedHere.add(diagramKey(f.source, 'site'));
    reportProblems({ rejected, failed }, cacheDir, log);
    for (const [key] of batch) drawing.delete(key);
    buildChannel().diagramsDrawn?.(batch.map(([key]) => key));
  }
}

/**
 * `npm run dev`: a page never waits for a drawing. A diagram is looked up when a page shows it:
 * drawn before in this process, or in the cache (checked as a build checks it). Anything else
 * is drawn in the background, in batches, while its page shows the diagram as text; when a
 * batch is done the dev server tells open pages (`buildChannel().diagramsDrawn`), and a page
 * that waited for one of them reloads. Nothing is drawn for pages nobody opens.
 */
export function devDiagrams(cacheDir: string, log: (line: string) => void): DrawnDiagrams {
  const executable = chromiumPath();
  if (!executable) return withoutBrowser(log);
  const keyOf = memo((source) => diagramKey(source, 'site'));
  const readCached = (key: string) => {
    try {
      const svg = readFileSync(join(cacheDir, `${key}.svg`), 'utf8');
      return svgProblem(svg) === undefined ? svg : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    get: (source) => {
      const key = keyOf(source);
      let svg = drawnHere.get(key);
      if (svg === undefined && !failedHere.has(key) && !waiting.has(key) && !drawing.has(key)) {
        svg = readCached(key);
        if (svg !== undefined) drawnHere.set(key, svg);
        else {
          waiting.set(key, source);
          if (!drawingNow) void drawWaiting(cacheDir, executable, log);
        }
      }
      return svg === undefined ? undefined : { svg, key };
    },
    pending: (source) => {
      const key = keyOf(source);
      return waiting.has(key) || drawing.has(key) ? key : undefined;
    },
    files: () => [],
    stats: null,
    get fallback() {
      return failedHere.size > 0 ? 'some diagrams failed' : null;
    },
  };
}
