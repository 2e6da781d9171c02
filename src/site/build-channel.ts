import type { BuildResult } from '../core/registry.ts';
import type { HistoryEntry } from '../diff/history.ts';

/**
 * What `npm run build` (scripts/build.ts), Plexus's Astro integrations and the bundled pages hand
 * each other within one build. Vite bundles the pages apart from the integrations, so module
 * state is not shared; they meet on one global object instead. Everything here is an
 * optimisation: pages still work (reading the registry themselves) when a field is absent.
 */
export interface BuildChannel {
  /** The registry the build script already read and checked, so pages need not read it again. */
  registry?: { contentDir: string; today: string | undefined; result: BuildResult };
  /** Takes each page as Astro renders it, for the search index (see pagefind-integration.ts). */
  search?: (sourcePath: string, html: string) => void;
  /** Publishes the drawn diagrams, as checked, full size at /diagrams/<key>.svg (see diagram-files.ts). */
  publishDiagrams?: (files: readonly [key: string, svg: string][]) => void;
  /** In `npm run dev`: diagrams drawn in the background, by key, for the dev server to tell open pages. */
  diagramsDrawn?: (keys: string[]) => void;
  /** In `npm run dev`: the registry's history from git as last read, and the HEAD it was read at (dev-history.ts). */
  history?: { dir: string; stamp: string; value: Promise<Map<string, HistoryEntry[]>> };
}

const KEY = Symbol.for('plexus.build-channel');

export function buildChannel(): BuildChannel {
  const global = globalThis as { [KEY]?: BuildChannel };
  return (global[KEY] ??= {});
}
