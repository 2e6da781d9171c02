import type { AstroIntegration } from 'astro';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayFromEnv } from '../core/dates.ts';
import contentWatch from './content-watch.ts';
import diagramFiles, { diagramCacheDir, diagramFilesInDev } from './diagram-files.ts';
import pagefind from './pagefind-integration.ts';
import { watchIgnored } from './watch.ts';
import { ASSET_TYPES, assetType, publishAssets, registryAssets } from './public-files.ts';

/** What the site's pages are built from, as `virtual:plexus/config` gives it to them. */
export interface SiteConfig {
  /** The registry folder. */
  contentDir: string;
  /** Plexus's own folder: default templates and JSON Schemas. */
  root: string;
  /** Where drawn diagrams are kept between builds. */
  cacheDir: string;
  /** The date reviews are judged against (PLEXUS_TODAY), if set. */
  today: string | undefined;
}

const MODULE = 'virtual:plexus/config';
const RESOLVED = `\0${MODULE}`;
/** Imports from the registry folder start with this: `@plexus-content/docs/guide.mdx`. */
const CONTENT = '@plexus-content';

/**
 * Plexus's site as an Astro integration: the registry, cache and date the pages use reach them
 * through the virtual module `virtual:plexus/config`, as Astro integrations pass build-time
 * settings (pages are bundled apart from this file, so they cannot read its variables); the
 * registry's MDX documents through `@plexus-content/…` imports; the registry's public/ files
 * (logo, favicon) are published with the site; and search, full-size diagrams and the dev
 * server's registry check come with it.
 */
export default function plexus(options: { content: string; cache: string }): AstroIntegration[] {
  const config: SiteConfig = {
    contentDir: resolve(options.content),
    root: fileURLToPath(new URL('../..', import.meta.url)),
    cacheDir: resolve(options.cache),
    today: todayFromEnv(process.env).today,
  };
  const site: AstroIntegration = {
    name: 'plexus',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { published, skipped } = await publishAssets(config.contentDir, fileURLToPath(dir), join(config.root, 'public'));
        for (const line of skipped) logger.warn(line);
        if (published > 0) logger.info(`${published} file(s) from the registry's public/ folder published.`);
      },
      'astro:server:setup': ({ server }) => {
        // The registry's public/ files in dev, as the build publishes them: read fresh on each request.
        let base = server.config.base ?? '/';
        if (!base.endsWith('/')) base += '/';
        server.middlewares.use(diagramFilesInDev(diagramCacheDir(config.cacheDir), base));
        server.middlewares.use(async (req, res, next) => {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
          if (req.method !== 'GET' || !path.startsWith(base) || !(extname(path).toLowerCase() in ASSET_TYPES)) return next();
          const { files } = await registryAssets(config.contentDir);
          const bytes = files.get(path.slice(base.length));
          if (!bytes) return next();
          res.setHeader('content-type', assetType(path));
          res.end(bytes);
        });
      },
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            server: { watch: { ignored: [watchIgnored(config.root, config.contentDir)] } },
            plugins: [
              {
                name: 'plexus-config',
                // `@plexus-content` is resolved here, not by a resolve.alias: Vite hashes its resolve
                // config into the dependency cache, so an alias to the registry folder made every
                // build of another registry than the last re-optimise its dependencies.
                enforce: 'pre',
                resolveId: (id) =>
                  id === MODULE ? RESOLVED : id === CONTENT || id.startsWith(`${CONTENT}/`) ? config.contentDir + id.slice(CONTENT.length) : undefined,
                load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(config)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
  return [site, pagefind(), diagramFiles(), contentWatch(config.contentDir)];
}
