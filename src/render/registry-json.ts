import type { Model } from '../core/model.ts';

const entities = <T>(map: Map<string, { data: T }>) => Object.fromEntries([...map].map(([id, e]) => [id, e.data]));

/**
 * The resolved registry as JSON for other tools: every entity by kind and id, and what the
 * analysis derived (links, blast radius, overdue reviews, deprecations). Stable key order.
 */
export function registryJson(model: Model): string {
  return `${JSON.stringify(
    {
      generator: 'plexus',
      ecosystem: model.ecosystem?.data ?? null,
      teams: entities(model.teams),
      repositories: entities(model.repositories),
      integrations: entities(model.integrations),
      events: entities(model.events),
      patterns: entities(model.patterns),
      protocols: entities(model.protocols),
      docsets: entities(model.docsets),
      resources: entities(model.resources),
      systems: entities(model.systems),
      domains: entities(model.domains),
      documents: Object.fromEntries([...model.documents].map(([id, d]) => [id, { ...d.data, path: d.path }])),
      analysis: {
        links: Object.fromEntries(model.analysis.links),
        consumers: Object.fromEntries(model.analysis.consumersOf),
        overdueReviews: model.analysis.overdueReviews,
        deprecations: model.analysis.deprecations,
      },
    },
    null,
    2,
  )}\n`;
}
