// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import plexus from './src/site/plexus.ts';

// GitHub Pages project sites live under a base path; CI sets SITE_URL and BASE_PATH so nobody
// edits this file to publish. PLEXUS_OUT_DIR lets the build write beside dist/ and swap it in.
// PLEXUS_CONTENT and PLEXUS_CACHE choose the registry and the diagram cache (scripts/build.ts
// sets both); the pages learn them from the plexus integration, never from the environment.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  outDir: process.env.PLEXUS_OUT_DIR || './dist',
  trailingSlash: 'ignore',
  build: { format: 'directory', concurrency: 4 },
  integrations: [mdx(), plexus({ content: process.env.PLEXUS_CONTENT || 'content', cache: process.env.PLEXUS_CACHE || '.cache/plexus' })],
  // Astro inlines scripts and styles smaller than this (4 KB by default): the page scripts (4 KB)
  // stay files, one cached request rather than the same bytes in every page; tiny styles still inline.
  vite: { build: { chunkSizeWarningLimit: 4096, assetsInlineLimit: 2048 } },
});
