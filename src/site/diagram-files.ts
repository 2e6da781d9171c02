import type { AstroIntegration } from 'astro';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChannel } from './build-channel.ts';

/**
 * Publishes every drawn diagram full size at /diagrams/<key>.svg by copying it from the diagram
 * cache after the build, instead of rendering one Astro route per diagram (~0.5 s at 1,000
 * integrations). `npm run dev` serves the same URLs from src/pages/diagrams/[key].svg.ts.
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
