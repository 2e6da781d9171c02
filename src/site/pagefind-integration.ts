import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { buildChannel } from './build-channel.ts';

/**
 * Indexes the site with Pagefind, so search works with no server and under any base path.
 * Pages reach the index as Astro renders them (search-middleware.ts hands each one over), so
 * Pagefind's own process indexes on the second core while Node renders, instead of reading
 * every page back from disk after the build. Only the index files are written at the end.
 */
export default function pagefindIntegration(): AstroIntegration {
  let index: pagefind.PagefindIndex | undefined;
  const pending: Promise<void>[] = [];
  const errors: string[] = [];
  return {
    name: 'plexus-pagefind',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'build') addMiddleware({ entrypoint: new URL('./search-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:build:start': async () => {
        const created = await pagefind.createIndex({});
        if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join('; ')}`);
        index = created.index;
        buildChannel().search = (sourcePath, content) => {
          pending.push(
            index!.addHTMLFile({ sourcePath, content }).then(
              (added) => {
                errors.push(...added.errors.map((e) => `${sourcePath}: ${e}`));
              },
              (error: unknown) => {
                errors.push(`${sourcePath}: ${String(error)}`);
              },
            ),
          );
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        delete buildChannel().search;
        try {
          const waited = performance.now();
          await Promise.all(pending);
          if (errors.length > 0) throw new Error(`Pagefind could not index ${errors.length} page(s): ${errors.slice(0, 5).join('; ')}`);
          const writing = performance.now();
          const site = fileURLToPath(dir).replace(/\/$/, '');
          const written = await index!.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
          logger.info(
            `Pagefind indexed ${pending.length} pages (the last ${s(writing - waited)} after Astro finished; index written in ${s(performance.now() - writing)}).`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
