import type { Model } from '../core/model.ts';
import { renderDocuments, type RenderedDocument } from './documents.ts';
import { createEngine } from './engine.ts';
import { loadTemplates } from './templates.ts';

/** Renders every document of a registry, with its own `templates/` overriding the defaults (`lazy`: see renderDocuments). */
export async function renderRegistry(
  model: Model,
  options: { cwd?: string; defaults?: string; site?: boolean; lazy?: boolean } = {},
): Promise<RenderedDocument[]> {
  const engine = createEngine(await loadTemplates(model.templates, options.cwd, options.defaults));
  return renderDocuments(model, engine, { site: options.site, lazy: options.lazy });
}
