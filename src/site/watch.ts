import { basename, dirname, relative, resolve } from 'node:path';

/** Plexus's own folders `astro dev` reloads on a change: its pages, code, public files and templates. */
const SOURCE_FOLDERS = ['src', 'public', 'templates'];
/** Files at the top of Plexus's folder whose change restarts or reconfigures the dev server. */
const TOP_FILES = new Set(['astro.config.mjs', 'package.json', 'tsconfig.json']);

function within(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
}

/**
 * What the dev server's file watcher leaves alone under Plexus's folder: everything but its
 * sources, its top-level config files and the registry. Vite watches the whole project folder,
 * and there the diagram cache (`.cache/`), benchmark registries (`.bench/`), tests and old
 * builds hold thousands of files: walking them took 2.8 s of a 7.5 s start at 1,000
 * integrations. Paths outside Plexus's folder (a registry elsewhere) are not its business.
 */
export function watchIgnored(root: string, contentDir: string): (path: string) => boolean {
  const keep = [...SOURCE_FOLDERS.map((folder) => resolve(root, folder)), resolve(contentDir)];
  return (path) => {
    const absolute = resolve(root, path);
    if (!within(absolute, root) || absolute === resolve(root)) return false;
    // Kept: a kept folder, anything in one, and the folders on the way to one (the registry may sit deep).
    if (keep.some((folder) => within(absolute, folder) || within(folder, absolute))) return false;
    if (dirname(absolute) === resolve(root) && (TOP_FILES.has(basename(absolute)) || basename(absolute).startsWith('.env'))) return false;
    return true;
  };
}
