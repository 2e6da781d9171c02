import type { AstroIntegration } from 'astro';
import { todayFromEnv } from '../core/dates.ts';
import { formatDiagnostic, formatSummary } from '../core/diagnostics.ts';
import { loadRegistry } from '../core/fs.ts';
import { escapeHtml } from '../render/escape-html.ts';

/** The page `npm run dev` shows instead of the site while the registry has errors. */
export function errorPage(errors: string[], summary: string, base: string): string {
  const items = errors.map((line) => `<li><pre>${escapeHtml(line)}</pre></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The registry has errors</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;margin:0}li{margin:.75rem 0;padding:.5rem .75rem;background:#fdf2f2;border-left:4px solid #c53030;list-style:none}ul{padding:0}</style></head>
<body><main><h1>The registry has errors</h1><p>${escapeHtml(summary)} Fix them and save: this page reloads by itself.</p><ul>${items}</ul></main>
<script type="module" src="${escapeHtml(base)}@vite/client"></script></body></html>`;
}

/**
 * `npm run dev`: the registry is checked when the server starts and whenever a file under the
 * content folder changes (diagnostics printed as `check` prints them). While it has errors every
 * page is the list of them, as `check` gives them, instead of a page that crashes; the next save
 * that fixes them brings the site back. Loaded modules are dropped and open pages reloaded.
 */
export default function contentWatch(content: string): AstroIntegration {
  let base = '/';
  return {
    name: 'plexus-content-watch',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': async ({ server, logger }) => {
        let state: { errors: string[]; summary: string } = { errors: [], summary: '' };
        const recheck = async () => {
          const { today, error } = todayFromEnv(process.env);
          if (error) {
            state = { errors: [error], summary: 'The environment is not right.' };
            return;
          }
          const loaded = await loadRegistry(content, { today }).catch((e: Error) => e);
          if (loaded instanceof Error) {
            state = { errors: [`The registry in ${content} cannot be read: ${loaded.message}`], summary: 'The registry cannot be read.' };
            return;
          }
          const { diagnostics, fileCount } = loaded;
          for (const d of diagnostics) logger.warn(formatDiagnostic(d));
          const summary = formatSummary(diagnostics, fileCount);
          logger.info(summary);
          state = { errors: diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), summary };
        };
        await recheck();
        server.middlewares.use((req, res, next) => {
          if (state.errors.length === 0 || req.method !== 'GET' || !req.headers.accept?.includes('text/html')) return next();
          res.statusCode = 500;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(errorPage(state.errors, state.summary, base));
        });
        server.watcher.add(content);
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, file) => {
          if (!file.startsWith(content)) return;
          clearTimeout(timer);
          timer = setTimeout(async () => {
            await recheck();
            for (const environment of Object.values(server.environments ?? {})) environment.moduleGraph.invalidateAll();
            server.ws.send({ type: 'full-reload' });
          }, 100);
        });
      },
    },
  };
}
