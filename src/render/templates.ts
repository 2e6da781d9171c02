import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { TemplateSource } from './engine.ts';

/** The templates Plexus ships, beside `src/`. */
export const DEFAULT_TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');

async function readDir(dir: string, cwd: string): Promise<TemplateSource[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(
    names
      .filter((n) => n.endsWith('.hbs'))
      .sort()
      .map(async (name) => ({
        name,
        file: relative(cwd, join(dir, name)) || name,
        text: await readFile(join(dir, name), 'utf8'),
      })),
  );
}

/**
 * The default templates, with any file of the same name in `overrides` taking its place.
 * `defaults` is for bundled callers (the site), where this module no longer sits beside `templates/`.
 */
export async function loadTemplates(overrides?: string, cwd = process.cwd(), defaults = DEFAULT_TEMPLATES): Promise<Map<string, TemplateSource>> {
  const templates = new Map<string, TemplateSource>();
  for (const t of await readDir(defaults, cwd)) templates.set(t.name, t);
  if (templates.size === 0) throw new Error(`No templates found in ${defaults}`);
  if (overrides) for (const t of await readDir(overrides, cwd)) templates.set(t.name, t);
  return templates;
}
