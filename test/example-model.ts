import { join } from 'node:path';
import { loadRegistry } from '../src/core/fs.ts';
import { renderDocuments } from '../src/render/documents.ts';
import { createEngine } from '../src/render/engine.ts';
import { loadTemplates } from '../src/render/templates.ts';
import { TODAY } from './registry-fixture.ts';

/** The example ecosystem in content/, loaded once per test file, and its rendered documents. */
export const EXAMPLE = join(import.meta.dirname, '..', 'content');
/** The seed documents, kept in the project (test/fixtures/seeds/README.md says what they are). */
export const SEEDS = join(import.meta.dirname, 'fixtures', 'seeds');
export const example = await loadRegistry(EXAMPLE, { today: TODAY });
export const engine = createEngine(await loadTemplates());
export const documents = renderDocuments(example.model, engine);
export const doc = (path: string) => {
  const found = documents.find((d) => d.path === path);
  if (!found) throw new Error(`no rendered document ${path}`);
  return found.markdown;
};
