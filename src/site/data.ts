import { join } from 'node:path';
import config from 'virtual:plexus/config';
import { loadRegistry } from '../core/fs.ts';
import { entityHistory } from '../diff/history.ts';
import type { RenderedDocument } from '../render/documents.ts';
import { renderRegistry } from '../render/load.ts';
import { namer } from '../render/views/common.ts';
import { buildChannel } from './build-channel.ts';
import { devHistory } from './dev-history.ts';
import { diagramCacheDir } from './diagram-files.ts';
import { devDiagrams, drawSiteDiagrams, siteDiagramSources, siteDiagrams } from './diagrams.ts';

/**
 * The registry the site is built from (`virtual:plexus/config`), read, rendered and drawn once
 * per build, before any page renders.
 */
export { config };
const started = performance.now();
// `npm run build` has just read and checked this registry; pages reuse that rather than read it
// again. Only a shortcut: without it (dev, a bare `astro build`) the registry is read here.
const checked = buildChannel().registry;
const reused = checked?.contentDir === config.contentDir && checked.today === config.today;
const result = reused ? checked.result : await loadRegistry(config.contentDir, { today: config.today });
const loaded = performance.now();
export const model = result.model;
/** Display names by id, as the documents write them. */
export const names = namer(model);
/**
 * Every document, rendered for the site: templates leave out what pages show themselves. In
 * `npm run dev` each is rendered when a page first reads it, so an edit costs what the open page needs.
 */
export const documents: RenderedDocument[] = await renderRegistry(model, { defaults: join(config.root, 'templates'), site: true, lazy: import.meta.env.DEV });
console.log(
  `[plexus] Registry: ${result.fileCount} files ${reused ? 'as checked' : `read in ${Math.round(loaded - started)} ms`}; ${documents.length} documents ${import.meta.env.DEV ? 'to render as pages ask, listed' : 'rendered'} in ${Math.round(performance.now() - loaded)} ms.`,
);
/** Each entity's history from git (when, by whom, what changed), by `kind/id`; empty when the registry is not in git. */
export const history = await (import.meta.env.DEV ? devHistory : entityHistory)(config.contentDir);
/** The generated diagrams; drawn once, cached by content hash under the cache folder. */
export const diagrams = siteDiagrams(model);
const diagramCache = diagramCacheDir(config.cacheDir);
const log = (line: string) => console.log(`[plexus] ${line}`);
// A build draws every diagram before any page renders; `npm run dev` draws what a page shows,
// in the background, and never makes the page wait.
export const drawn = import.meta.env.DEV
  ? devDiagrams(diagramCache, log)
  : await drawSiteDiagrams(siteDiagramSources(diagrams, documents, model), diagramCache, log);
if (!import.meta.env.DEV) buildChannel().publishDiagrams?.(drawn.files());
/** Whether some diagram must be drawn in the reader's browser (no browser at build time, or a failure). */
export const clientDiagrams = () => drawn.fallback !== null;
