import { join, resolve } from 'node:path';
import { todayFromEnv } from '../core/dates.ts';
import { loadRegistry } from '../core/fs.ts';
import { diagramFigure } from '../render/diagram-html.ts';
import { drawSiteDiagrams, siteDiagramSources, siteDiagrams } from './diagrams.ts';
import { type Diagram, sequenceDiagram } from '../render/diagrams.ts';
import type { RenderedDocument } from '../render/documents.ts';
import { markdownToHtml } from '../render/html.ts';
import { renderRegistry } from '../render/load.ts';
import { strategyCompleteness } from '../render/completeness.ts';
import { buildChannel } from './build-channel.ts';
import { linkFromExport, pages, withBase } from './paths.ts';

/** The registry the site is built from: PLEXUS_CONTENT, or `content/`. Read and rendered once per build. */
export const contentDir = resolve(process.env.PLEXUS_CONTENT ?? 'content');
/** The Plexus checkout, set by astro.config.mjs: bundled pages cannot find it from their own path. */
export const plexusRoot = process.env.PLEXUS_ROOT ?? process.cwd();
const started = performance.now();
// `npm run build` has just read and checked this registry; pages reuse that rather than read it again.
const checked = buildChannel().registry;
const { today } = todayFromEnv(process.env);
const reused = checked?.contentDir === contentDir && checked.today === today;
const result = reused ? checked.result : await loadRegistry(contentDir, { today });
const loaded = performance.now();
export const model = result.model;
export const documents: RenderedDocument[] = await renderRegistry(model, { defaults: join(plexusRoot, 'templates') });
console.log(
  `[plexus] Registry: ${result.fileCount} files ${reused ? 'as checked' : `read in ${Math.round(loaded - started)} ms`}; ${documents.length} documents rendered in ${Math.round(performance.now() - loaded)} ms.`,
);
/** All diagrams drawn once, before any page renders; cached by content hash in .cache/plexus (or PLEXUS_CACHE). */
export const diagrams = siteDiagrams(model);
const diagramCache = resolve(process.env.PLEXUS_CACHE ?? '.cache/plexus', 'diagrams');
export const drawn = await drawSiteDiagrams(siteDiagramSources(diagrams, documents), diagramCache, (line) => console.log(`[plexus] ${line}`));
buildChannel().diagramFiles = { cacheDir: diagramCache, keys: drawn.files().map(([key]) => key) };
/** Whether some diagram must be drawn in the reader's browser (no browser at build time, or a failure). */
export const clientDiagrams = drawn.fallback !== null;
const byPath = new Map(documents.map((d) => [d.path, d]));
/** Diagrams Plexus generated, by source: where a document embeds one (the system page the ecosystem's), it keeps its own caption. */
const generatedBySource = new Map<string, Diagram>(
  [
    diagrams.ecosystem,
    ...diagrams.neighbourhoods.values(),
    ...diagrams.events.values(),
    ...[...model.integrations.keys()].map((id) => sequenceDiagram(model, id)),
  ]
    .filter((d) => d !== null)
    .map((d) => [d.source.endsWith('\n') ? d.source : `${d.source}\n`, d] as const),
);

/** Every internal URL goes through here, so the site works under a GitHub Pages base path. */
export const href = (path: string) => withBase(import.meta.env.BASE_URL, path);

/** The page of a diagram node's key, if it has one: a repository or a resource. */
function pageOfNode(key: string): string | undefined {
  if (model.repositories.has(key)) return href(pages.repository(key));
  const resource = key.startsWith('resource:') ? key.slice('resource:'.length) : undefined;
  return resource && model.resources.has(resource) ? href(pages.resource(resource)) : undefined;
}

function figure(source: string, text: Diagram['text'], diagram?: Pick<Diagram, 'nodes' | 'focus'>): string {
  const svg = drawn.get(source);
  const nodes = diagram?.nodes ?? [];
  const links = new Map(nodes.flatMap((key, i) => (pageOfNode(key) ? [[`n${i}`, pageOfNode(key)!] as const] : [])));
  const focus = diagram?.focus === undefined ? undefined : nodes.indexOf(diagram.focus);
  return diagramFigure(source, text, svg && { ...svg, file: href(`/diagrams/${svg.key}.svg`) }, {
    links,
    focus: focus !== undefined && focus >= 0 ? `n${focus}` : undefined,
  });
}

export function diagramHtml(diagram: Diagram): string {
  return figure(diagram.source, diagram.text, diagram);
}

/** A rendered document as HTML, its links pointing at site pages and its mermaid fences as diagrams. */
export function documentHtml(path: string, options: { sectionsOnly?: boolean; omit?: string[] } = {}) {
  const doc = byPath.get(path);
  if (!doc) throw new Error(`No rendered document ${path}`);
  let markdown = doc.markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  // Pages that show a document's title and summary themselves take its sections only.
  if (options.sectionsOnly) markdown = markdown.slice(Math.max(0, markdown.search(/^## /m)));
  if (options.omit?.length) {
    markdown = markdown
      .split(/^(?=## )/m)
      .filter((section) => !options.omit!.some((h) => section.startsWith(`## ${h}\n`)))
      .join('');
  }
  return markdownToHtml(markdown, {
    link: (url) => {
      const page = linkFromExport(path, url);
      return page.startsWith('/') ? href(page) : page;
    },
    mermaid: (fence) => {
      const source = fence.endsWith('\n') ? fence : `${fence}\n`;
      // A diagram Plexus generated (an integration's sequence) keeps its own caption and legend.
      const generated = generatedBySource.get(source);
      return figure(source, generated?.text ?? { title: 'Diagram', description: 'From a mermaid block in this document.' }, generated);
    },
  });
}

/** Placeholder completeness of a strategy document, against the blank strategy template. */
export function documentCompleteness(id: string) {
  return strategyCompleteness(model, model.documents.get(id)!.body, join(plexusRoot, 'templates'));
}
