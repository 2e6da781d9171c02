import { isAbsolute, relative, resolve } from 'node:path';

/** Plexus's own folders `astro dev` reloads on a change: its pages, code, public files and templates. */
const SOURCE_FOLDERS = ['src', 'public', 'templates'];
/** Files at the top of Plexus's folder whose change restarts or reconfigures the dev server. */
const TOP_FILES = new Set(['astro.config.mjs', 'package.json', 'tsconfig.json']);

/**
 * What the dev server's file watcher leaves alone under Plexus's folder: everything but its
 * sources, its top-level config files and the registry. Vite watches the whole project folder,
 * and there the diagram cache (`.cache/`), benchmark registries (`.bench/`), tests and old
 * builds hold thousands of files: walking them took 2.8 s of a 7.5 s start at 1,000
 * integrations. Paths outside Plexus's folder (a registry elsewhere) are not its business.
 */
export function watchIgnored(root: string, contentDir: string): (path: string) => boolean {
  // Called for every file the watcher sees (thousands in a registry), so plain string tests.
  const top = resolve(root);
  const content = relative(top, resolve(contentDir));
  // A registry that is Plexus's folder itself: all of it is the registry.
  if (content === '') return () => false;
  const keep = [...SOURCE_FOLDERS, ...(content.startsWith('..') || isAbsolute(content) ? [] : [content])];
  return (path) => {
    const absolute = isAbsolute(path) ? path : resolve(top, path);
    if (!absolute.startsWith(`${top}/`)) return false;
    const rel = absolute.slice(top.length + 1).replace(/\/+$/, '');
    // Kept: a kept folder, anything in one, and the folders on the way to one (the registry may sit deep).
    if (keep.some((folder) => rel === folder || rel.startsWith(`${folder}/`) || folder.startsWith(`${rel}/`))) return false;
    return rel.includes('/') || !(TOP_FILES.has(rel) || rel.startsWith('.env'));
  };
}
