import type { AstroIntegration } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapLimit } from '../core/pool.ts';
import { svgProblem } from '../diagrams/safe-svg.ts';
import { buildChannel } from './build-channel.ts';

/** Where drawn diagrams are kept under Plexus's cache folder, one `<key>.svg` each. */
export function diagramCacheDir(cacheDir: string): string {
  return join(cacheDir, 'diagrams');
}

/**
 * Publishes every drawn diagram full size at /diagrams/<key>.svg, instead of rendering one Astro
 * route per diagram (~0.5 s at 1,000 integrations). The drawings are written as the build checked
 * them, not copied again from the cache (which could have changed since), and while Pagefind
 * writes its index: after it, they were a serial tail. `npm run dev` serves the same URLs from the
 * cache (`diagramFilesInDev`).
 */
export default function diagramFiles(): AstroIntegration {
  let drawn: readonly [key: string, svg: string][] = [];
  let publishing: Promise<number> | undefined;
  return {
    name: 'plexus-diagram-files',
    hooks: {
      'astro:build:start': () => {
        // One integration can see several builds (a long-lived process): each publishes its own drawings only.
        drawn = [];
        publishing = undefined;
        buildChannel().publishDiagrams = (files) => {
          drawn = files;
        };
      },
      // Pages are written by now; the index is not: the drawings are written while Pagefind writes it.
      'astro:build:generated': ({ dir }) => {
        publishing = publish(join(fileURLToPath(dir), 'diagrams'), drawn);
        publishing.catch(() => {}); // awaited, and so reported, when the build is done
      },
      'astro:build:done': async ({ logger }) => {
        delete buildChannel().publishDiagrams;
        const count = await publishing;
        if (count) logger.info(`${count} diagrams published full size.`);
      },
    },
  };
}

/** Writes each drawing as `<key>.svg` in `out`, a few files at a time; returns how many. */
async function publish(out: string, files: readonly [key: string, svg: string][]): Promise<number> {
  const unique = [...new Map(files)];
  if (unique.length === 0) return 0;
  await mkdir(out, { recursive: true });
  await mapLimit(unique, FILES_AT_ONCE, ([key, svg]) => writeFile(join(out, `${key}.svg`), svg, { flag: 'wx' }));
  return unique.length;
}

/** Files written at once: enough to keep the disk busy, few enough to stay far from the open-file limit. */
const FILES_AT_ONCE = 16;

/**
 * `npm run dev`: /diagrams/<key>.svg from the diagram cache, read on each request (diagrams are
 * drawn in the background while the server runs), checked as a build checks a cached drawing.
 */
export function diagramFilesInDev(cacheDir: string, base: string) {
  const folder = `${base}diagrams/`;
  return async (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const key = req.method === 'GET' && path.startsWith(folder) ? /^([0-9a-f]{32})\.svg$/.exec(path.slice(folder.length))?.[1] : undefined;
    const svg = key && (await readFile(join(cacheDir, `${key}.svg`), 'utf8').catch(() => undefined));
    if (!svg || svgProblem(svg) !== undefined) return next();
    res.setHeader('content-type', 'image/svg+xml');
    res.end(svg);
  };
}
