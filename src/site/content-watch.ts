import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { EnvironmentModuleNode, ViteDevServer } from 'vite';
import { todayFromEnv } from '../core/dates.ts';
import { formatDiagnostic, formatSummary } from '../core/diagnostics.ts';
import { buildFromFiles, type RegistryFiles, readRegistry, rereadRegistry } from '../core/fs.ts';
import { buildChannel } from './build-channel.ts';
import { DIAGRAMS_DRAWN } from './dev-swap.ts';
import { saveBatches } from './save-batches.ts';
import { escapeHtml } from '../render/escape-html.ts';

/** The page `npm run dev` shows instead of the site while the registry has errors. */
export function errorPage(errors: string[], summary: string, base: string): string {
  const items = errors.map((line) => `<li><pre>${escapeHtml(line)}</pre></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The registry has errors</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;margin:0}li{margin:.75rem 0;padding:.5rem .75rem;background:#fdf2f2;border-left:4px solid #c53030;list-style:none}ul{padding:0}</style></head>
<body><main><h1>The registry has errors</h1><p>${escapeHtml(summary)} Fix them and save: this page reloads by itself.</p><ul>${items}</ul></main>
<script type="module" src="${escapeHtml(base)}@vite/client"></script></body></html>`;
}

/** The module that reads the registry for the pages (src/site/data.ts). */
const DATA = fileURLToPath(new URL('./data.ts', import.meta.url));

/**
 * After an edit to the registry, what must run again: the module that read it and every module
 * that imports it, directly or not (the pages, their layout and components). The rest (Plexus's
 * core, the renderer, dependencies) is untouched, so it is neither compiled nor run again.
 * Before any page has loaded the module there is nothing to drop but everything.
 */
function invalidateRegistry(server: ViteDevServer): void {
  for (const environment of Object.values(server.environments ?? {})) {
    const graph = environment.moduleGraph;
    const data = [...(graph.getModulesByFile(DATA) ?? [])];
    if (data.length === 0) {
      graph.invalidateAll();
      continue;
    }
    const seen = new Set<EnvironmentModuleNode>();
    for (let next = data.pop(); next; next = data.pop()) {
      if (seen.has(next)) continue;
      seen.add(next);
      graph.invalidateModule(next);
      data.push(...next.importers);
    }
  }
}

/**
 * `npm run dev`: the registry is checked when the server starts and whenever a file under the
 * content folder changes (diagnostics printed as `check` prints them). While it has errors every
 * page is the list of them, as `check` gives them, instead of a page that crashes; the next save
 * that fixes them brings the site back. An edit re-reads only the files it touched; the modules
 * that use the registry are dropped and open pages reloaded.
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
        // The registry as last read: an edit re-reads only the files it touched.
        let files: RegistryFiles | undefined;
        const recheck = async (changed: string[] = []) => {
          const { today, error } = todayFromEnv(process.env);
          if (error) {
            state = { errors: [error], summary: 'The environment is not right.' };
            return;
          }
          const loaded = await (files && changed.length > 0 ? rereadRegistry(files, changed) : readRegistry(content))
            .then((read) => {
              files = read;
              return buildFromFiles(read, today);
            })
            .catch((e: Error) => {
              files = undefined;
              return e;
            });
          if (loaded instanceof Error) {
            state = { errors: [`The registry in ${content} cannot be read: ${loaded.message}`], summary: 'The registry cannot be read.' };
            return;
          }
          // The pages use this registry as read here, instead of reading it a second time.
          buildChannel().registry = { contentDir: content, today, result: loaded };
          const { diagnostics, fileCount } = loaded;
          for (const d of diagnostics) logger.warn(formatDiagnostic(d));
          const summary = formatSummary(diagnostics, fileCount);
          logger.info(summary);
          state = { errors: diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), summary };
        };
        await recheck();
        // Pages that showed a diagram as text while it was drawn reload when it is (dev-swap.ts).
        buildChannel().diagramsDrawn = (keys) => server.ws.send({ type: 'custom', event: DIAGRAMS_DRAWN, data: { keys } });
        server.middlewares.use((req, res, next) => {
          if (state.errors.length === 0 || req.method !== 'GET' || !req.headers.accept?.includes('text/html')) return next();
          res.statusCode = 500;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(errorPage(state.errors, state.summary, base));
        });
        server.watcher.add(content);
        // Saves come in bursts (a truncate then a write, an editor's temporary file and rename):
        // taken together, and looked at again once settled (save-batches.ts).
        const save = saveBatches(async (batch) => {
          await recheck(batch);
          invalidateRegistry(server);
          server.ws.send({ type: 'full-reload' });
        });
        server.watcher.on('all', (_event, file) => {
          if (file.startsWith(content)) save(file);
        });
      },
    },
  };
}
