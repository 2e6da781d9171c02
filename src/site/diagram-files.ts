import type { AstroIntegration } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svgProblem } from '../diagrams/safe-svg.ts';
import { buildChannel } from './build-channel.ts';

/** Where drawn diagrams are kept under Plexus's cache folder, one `<key>.svg` each. */
export function diagramCacheDir(cacheDir: string): string {
  return join(cacheDir, 'diagrams');
}

/**
 * Publishes every drawn diagram full size at /diagrams/<key>.svg by copying it from the diagram
 * cache after the build, instead of rendering one Astro route per diagram (~0.5 s at 1,000
 * integrations). `npm run dev` serves the same URLs from the cache (`diagramFilesInDev`).
 */
export default function diagramFiles(): AstroIntegration {
  return {
    name: 'plexus-diagram-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = buildChannel().diagramFiles;
        delete buildChannel().diagramFiles;
        if (!files || files.keys.length === 0) return;
        const out = join(fileURLToPath(dir), 'diagrams');
        await mkdir(out, { recursive: true });
        await Promise.all(files.keys.map((key) => copyFile(join(files.cacheDir, `${key}.svg`), join(out, `${key}.svg`))));
        logger.info(`${files.keys.length} diagrams published full size.`);
      },
    },
  };
}

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
