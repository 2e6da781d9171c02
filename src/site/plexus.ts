import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayFromEnv } from '../core/dates.ts';
import contentWatch from './content-watch.ts';
import diagramFiles from './diagram-files.ts';
import pagefind from './pagefind-integration.ts';

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

/**
 * Plexus's site as an Astro integration: the registry, cache and date the pages use reach them
 * through the virtual module `virtual:plexus/config`, as Astro integrations pass build-time
 * settings (pages are bundled apart from this file, so they cannot read its variables); the
 * registry's MDX documents through the `@plexus-content` alias; and search, full-size diagrams
 * and the dev server's registry check come with it.
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
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            resolve: { alias: { '@plexus-content': config.contentDir } },
            plugins: [
              {
                name: 'plexus-config',
                resolveId: (id) => (id === MODULE ? RESOLVED : undefined),
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
