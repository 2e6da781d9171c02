import type { Model } from '../core/model.ts';
import { createEngine } from './engine.ts';
import { completeness } from './placeholders.ts';
import { loadTemplates } from './templates.ts';
import { strategyView } from './views/strategy.ts';

export type Completeness = ReturnType<typeof completeness>;

/**
 * How complete a strategy document is: the share of the blank strategy template's placeholders
 * (rendered with this registry's templates) that its body no longer has. The site and
 * `plexus fill` both report this one figure for the same document.
 */
export async function strategyCompleteness(model: Model, body: string, defaults?: string): Promise<Completeness> {
  const engine = createEngine(await loadTemplates(model.templates, undefined, defaults));
  return completeness(body, engine.render('strategy.md.hbs', strategyView(model, { integrations: [] })));
}

/** `98%: 2 of 129 template placeholders still to fill`, as the site and the CLI say it. */
export function completenessText(c: Completeness): string {
  return `${Math.floor(c.ratio * 100)}%: ${c.remaining} of ${c.total} template placeholders still to fill`;
}
