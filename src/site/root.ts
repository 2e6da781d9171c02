import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Plexus's own folder, the Astro project the site is built from: the nearest folder at or above
 * `from` that holds astro.config.mjs. Code runs from src/ and scripts/ in a checkout and from
 * lib/ in the installed package (compiled: Node does not strip types under node_modules).
 */
export function plexusRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'astro.config.mjs'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No Plexus installation (astro.config.mjs) above ${from}.`);
  }
}
