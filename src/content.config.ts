import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { DocumentSchema } from './core/schemas/document.ts';

/** Astro reads front matter as YAML 1.1, where `2026-10-12` is a Date; Plexus reads YAML 1.2 text. */
function datesAsText(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(datesAsText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesAsText(v)]));
  return value;
}

/**
 * MDX documents go through Astro (and @astrojs/mdx) so their expressions and elements render;
 * their front matter is validated by the same schema `plexus check` uses. Plain Markdown
 * documents are rendered by Plexus itself (src/render/html.ts).
 */
export const collections = {
  mdx: defineCollection({
    loader: glob({
      pattern: '**/*.mdx',
      base: resolve(process.env.PLEXUS_CONTENT ?? 'content', 'docs'),
      generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
    }),
    schema: z.preprocess(datesAsText, DocumentSchema),
  }),
};
