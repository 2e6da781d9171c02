import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { formatDiagnostic, formatSummary } from '../core/diagnostics.ts';
import { loadRegistry } from '../core/fs.ts';

/**
 * `npm run dev`: the registry is read once per module load, so when a file under the content
 * folder changes, re-check it (printing diagnostics as `check` does), drop every loaded module
 * and reload open pages.
 */
export default function contentWatch(): AstroIntegration {
  return {
    name: 'plexus-content-watch',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const content = resolve(process.env.PLEXUS_CONTENT ?? 'content');
        server.watcher.add(content);
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, file) => {
          if (!file.startsWith(content)) return;
          clearTimeout(timer);
          timer = setTimeout(async () => {
            const { diagnostics, fileCount } = await loadRegistry(content, { today: process.env.PLEXUS_TODAY });
            for (const d of diagnostics) logger.warn(formatDiagnostic(d));
            logger.info(formatSummary(diagnostics, fileCount));
            for (const environment of Object.values(server.environments ?? {})) environment.moduleGraph.invalidateAll();
            server.ws.send({ type: 'full-reload' });
          }, 100);
        });
      },
    },
  };
}
