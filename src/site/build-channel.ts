import type { BuildResult } from '../core/registry.ts';

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
  /** Drawn diagrams to publish full size at /diagrams/<key>.svg: the cache folder holding them. */
  diagramFiles?: { cacheDir: string; keys: string[] };
}

const KEY = Symbol.for('plexus.build-channel');

export function buildChannel(): BuildChannel {
  const global = globalThis as { [KEY]?: BuildChannel };
  return (global[KEY] ??= {});
}

/** The output file Astro writes for a page URL (`format: 'directory'`), relative to the site. */
export function outputPath(pathname: string, base: string): string {
  const path = decodeURI(pathname.startsWith(base) ? pathname.slice(base.length) : pathname).replace(/^\/+|\/+$/g, '');
  if (path === '') return 'index.html';
  if (path.endsWith('.html')) return path;
  return path === '404' ? '404.html' : `${path}/index.html`;
}

/**
 * What the search index needs of a page: inline SVG drawings are skipped by search anyway
 * (`data-pagefind-ignore`) and are most of an entity page's bytes, so they are not sent. Tags get
 * a space between them: the built HTML has none (`<dt>Role</dt><dd>Service</dd>`), and Pagefind
 * would otherwise index "RoleService" as one word.
 */
export function searchableHtml(html: string): string {
  return html.replace(/<svg\b[\s\S]*?<\/svg>/g, '').replaceAll('><', '> <');
}
