import { join } from 'node:path';
import type { Model } from '../core/model.ts';
import { blocks } from '../core/markdown.ts';
import { diagramKey, renderDiagrams, type RenderStats } from '../diagrams/render.ts';
import { ecosystemDiagram, eventDiagram, neighbourhoodDiagram, type Diagram } from '../render/diagrams.ts';
import type { RenderedDocument } from '../render/documents.ts';
import { chromiumPath } from './chromium.ts';

/** The diagrams the site's pages show, generated once per build. */
export interface SiteDiagrams {
  ecosystem: Diagram;
  neighbourhoods: Map<string, Diagram>;
  events: Map<string, Diagram>;
}

export function siteDiagrams(model: Model): SiteDiagrams {
  return {
    ecosystem: ecosystemDiagram(model),
    neighbourhoods: new Map([...model.repositories.keys()].map((id) => [id, neighbourhoodDiagram(model, id)])),
    events: new Map([...model.events.keys()].map((id) => [id, eventDiagram(model, id)])),
  };
}

/** Every mermaid source the site will show: generated diagrams and fences in documents (sequences among them). */
export function siteDiagramSources(diagrams: SiteDiagrams, documents: RenderedDocument[]): string[] {
  const sources = new Set<string>([diagrams.ecosystem.source]);
  for (const d of diagrams.neighbourhoods.values()) sources.add(d.source);
  for (const d of diagrams.events.values()) sources.add(d.source);
  for (const doc of documents) {
    for (const b of blocks(doc.markdown)) if (b.fenced && b.lang === 'mermaid') sources.add(b.lines.slice(1, -1).join('\n') + '\n');
  }
  return [...sources];
}

/** Diagrams this process has drawn or read and verified, by key: the same source draws the same SVG. */
const drawnHere = new Map<string, string>();

export interface DrawnDiagrams {
  /** Light and dark SVG of a source, when it could be drawn at build time. */
  get(source: string): { svg: string; key: string } | undefined;
  /** Every drawn diagram's SVG by key, for the full-size view. */
  files(): [key: string, svg: string][];
  stats: RenderStats | null;
  /** Why diagrams fall back to drawing in the browser, if they do. */
  fallback: string | null;
}

/**
 * Draws the site's diagrams at build time, in one browser session with a content-hash cache.
 * Without a browser the site still builds, and pages draw diagrams in the reader's browser.
 */
export async function drawSiteDiagrams(sources: string[], cacheDir: string, log: (line: string) => void): Promise<DrawnDiagrams> {
  const executable = chromiumPath();
  if (!executable) {
    const fallback = "No Chromium or Chrome found (set PLEXUS_CHROMIUM to its path): diagrams will be drawn in the reader's browser.";
    log(fallback);
    return { get: () => undefined, files: () => [], stats: null, fallback };
  }
  const { launchChromium } = await import('./chromium.ts');
  // Keys hashed once per source: pages ask for their diagrams many times.
  const keys = new Map(sources.map((source) => [source, diagramKey(source, 'default')]));
  // One drawing a diagram: the dark variant is the same SVG under a CSS filter (site.css). In
  // `npm run dev` this runs again after each edit; what this process has drawn or verified is
  // not read from the cache again.
  const jobs = sources.filter((source) => !drawnHere.has(keys.get(source)!)).map((source) => ({ source, theme: 'default' as const }));
  const { svgs: fresh, stats } = await renderDiagrams(jobs, { cacheDir, launch: () => launchChromium(executable), workers: 2 });
  for (const [key, svg] of fresh) drawnHere.set(key, svg);
  const svgs = new Map([...keys.values()].flatMap((key) => (drawnHere.has(key) ? [[key, drawnHere.get(key)!] as const] : [])));
  const reused = sources.length - jobs.length;
  log(
    `Diagrams: ${sources.length} drawings, ${stats.cached + reused} from cache, ${stats.drawn} drawn in ${Math.round(stats.ms)} ms${stats.failed.length ? `, ${stats.failed.length} failed` : ''}.`,
  );
  for (const r of stats.rejected) log(`A cached drawing was not a clean SVG (${r.reason}); it was drawn again: ${join(cacheDir, `${r.key}.svg`)}`);
  for (const f of stats.failed) log(`A diagram could not be drawn (${f.error.split('\n')[0]}); it will be drawn in the browser:\n${f.source}`);
  const files: [string, string][] = [...keys.values()].filter((key) => svgs.has(key)).map((key) => [key, svgs.get(key)!]);
  return {
    get: (source) => {
      const key = keys.get(source) ?? diagramKey(source, 'default');
      const svg = svgs.get(key);
      return svg ? { svg, key } : undefined;
    },
    files: () => files,
    stats,
    fallback: stats.failed.length > 0 ? 'some diagrams failed' : null,
  };
}
