import type { Model } from '../core/model.ts';
import { createEngine } from './engine.ts';
import { scanPlaceholders } from './placeholders.ts';
import { loadTemplates } from './templates.ts';
import { unfilledPlaceholders } from './to-fill.ts';
import { strategyView } from './views/strategy.ts';

export interface Completeness {
  /** Template placeholders not filled: still in the document, or in a template section it leaves out. */
  remaining: number;
  /** Placeholders of the blank template. */
  total: number;
  ratio: number;
  /** Of `remaining`: those still written in the document (the site marks them "to fill"). */
  inDocument: number;
  /** Template sections the document leaves out, whose placeholders count as unfilled. */
  sectionsLeftOut: number;
}

/**
 * How complete a strategy document is: the share of the blank strategy template's placeholders
 * (rendered with this registry's templates) that it has filled. A placeholder still in the body
 * is not filled, nor is one of a template section the body leaves out: a draft that deleted most
 * sections is not 98 % complete. The site and `plexus fill` both report this one figure.
 */
export async function strategyCompleteness(model: Model, body: string, defaults?: string): Promise<Completeness> {
  const engine = createEngine(await loadTemplates(model.templates, undefined, defaults));
  const blank = engine.render('strategy.md.hbs', strategyView(model, { integrations: [] }));
  return completenessOf(body, blank);
}

/** A document's completeness against a blank template (see strategyCompleteness). */
export function completenessOf(body: string, blank: string): Completeness {
  const { inDocument, leftOut, sectionsLeftOut } = unfilledPlaceholders(body, blank);
  const total = scanPlaceholders(blank).length;
  const remaining = Math.min(total, inDocument.length + leftOut.length);
  return { remaining, total, ratio: total === 0 ? 1 : (total - remaining) / total, inDocument: inDocument.length, sectionsLeftOut };
}

/** `98%: 2 of 129 template placeholders still to fill`, as the site and the CLI say it. */
export function completenessText(c: Completeness): string {
  return `${Math.floor(c.ratio * 100)}%: ${c.remaining} of ${c.total} template placeholders still to fill`;
}
