import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Indexes the built site with Pagefind, so search works with no server and under any base path. */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'plexus-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
        await index.writeFiles({ outputPath: `${site.replace(/\/$/, '')}/pagefind` });
        await pagefind.close();
        logger.info(`Pagefind indexed ${added.page_count} pages.`);
      },
    },
  };
}
