import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Model } from '../core/model.ts';
import { plexusRoot } from '../site/root.ts';
import type { TemplateSource } from './engine.ts';

/**
 * The templates Plexus ships, in its own folder: beside `src/` in a checkout and beside `lib/` in
 * an installed package (where this module runs from lib/src/render/, two folders further down).
 */
export const defaultTemplates = () => join(plexusRoot(import.meta.dirname), 'templates');

/**
 * Plexus's own templates, with the registry's `templates/*.hbs` (read with the rest of the
 * registry, under its file rules) taking the place of those of the same name. `defaults` is for
 * bundled callers (the site), where this module no longer sits beside `templates/`.
 */
export async function loadTemplates(
  overrides: Model['templates'] = new Map(),
  cwd = process.cwd(),
  defaults = defaultTemplates(),
): Promise<Map<string, TemplateSource>> {
  const templates = new Map<string, TemplateSource>();
  const names = (await readdir(defaults).catch(() => [] as string[])).filter((n) => n.endsWith('.hbs')).sort();
  for (const name of names)
    templates.set(name, { name, file: relative(cwd, join(defaults, name)) || name, text: await readFile(join(defaults, name), 'utf8') });
  if (templates.size === 0) throw new Error(`No templates found in ${defaults}`);
  for (const [name, t] of overrides) templates.set(name, t);
  return templates;
}
