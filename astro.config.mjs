// @ts-check
import { defineConfig } from 'astro/config';

// GitHub Pages project sites live under a base path; CI sets SITE_URL and BASE_PATH
// so nobody edits this file to publish.
export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
});
