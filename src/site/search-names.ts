import type { Model } from '../core/model.ts';
import { pages } from './paths.ts';

/** Words search treats as one, before a registry's own (`site.searchAliases`). */
export const BUILT_IN_ALIASES: string[][] = [
  ['mTLS', 'Mutual TLS'],
  ['JWT', 'JSON Web Token'],
  ['CDC', 'change data capture'],
  ['k8s', 'Kubernetes'],
];

/** The alias groups a site's search uses, lower case. */
export function searchAliases(model: Model): string[][] {
  return [...BUILT_IN_ALIASES, ...(model.ecosystem?.data.site?.searchAliases ?? [])].map((g) => g.map((w) => w.toLowerCase()));
}

/**
 * Every entity's name and id with its kind and page, for the suggestion search offers when
 * Pagefind finds nothing ("paymnt": Payment Service). Small: a few bytes an entity.
 */
export function searchNames(model: Model): [name: string, id: string, kind: string, path: string][] {
  return [
    ...[...model.repositories].map(([id, r]) => [r.data.name, id, 'Repository', pages.repository(id)] as const),
    ...[...model.integrations].map(([id, i]) => [i.data.title, id, 'Integration', pages.integration(id)] as const),
    ...[...model.events].map(([id]) => [id, id, 'Event', pages.event(id)] as const),
    ...[...model.teams].map(([id, t]) => [t.data.name, id, 'Team', pages.team(id)] as const),
    ...[...model.patterns].map(([id, p]) => [p.data.name, id, 'Pattern', pages.pattern(id)] as const),
    ...[...model.protocols].map(([id, p]) => [p.data.name, id, 'Protocol', pages.protocol(id)] as const),
    ...[...model.systems].map(([id, s]) => [s.data.name, id, 'System', pages.systemDetail(id)] as const),
    ...[...model.resources].map(([id, r]) => [r.data.name, id, 'Resource', pages.resource(id)] as const),
    ...[...model.documents].map(([id, d]) => [d.data.title, id, 'Document', pages.doc(id)] as const),
  ].map((e) => [...e]);
}
