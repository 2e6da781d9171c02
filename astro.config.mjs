// @ts-check
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import contentWatch from './src/site/content-watch.ts';
import diagramFiles from './src/site/diagram-files.ts';
import pagefind from './src/site/pagefind-integration.ts';

// Pages are bundled away from src/, so they learn where Plexus lives (templates, schemas) from here.
process.env.PLEXUS_ROOT = fileURLToPath(new URL('.', import.meta.url));

// GitHub Pages project sites live under a base path; CI sets SITE_URL and BASE_PATH so nobody
// edits this file to publish. PLEXUS_OUT_DIR lets the build write beside dist/ and swap it in.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  outDir: process.env.PLEXUS_OUT_DIR || './dist',
  trailingSlash: 'ignore',
  build: { format: 'directory', concurrency: 4 },
  integrations: [mdx(), pagefind(), diagramFiles(), contentWatch()],
  vite: {
    build: { chunkSizeWarningLimit: 4096 },
    // The registry's MDX documents are globbed from here (src/site/mdx.ts).
    resolve: { alias: { '@plexus-content': resolve(process.env.PLEXUS_CONTENT ?? 'content') } },
  },
});
