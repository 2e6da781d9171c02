import { diagnostic } from './codes.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Entity, Registry } from './model.ts';
import { ALL_CLIENTS, SINGULAR, type CollectionName, UNKNOWN } from './schemas/index.ts';
import type { PathSegment } from './source.ts';
import { didYouMean } from './suggest.ts';

type Target = CollectionName | 'documents';
/** One reference from an entity to another: where it is written and what it names. */
export interface Reference {
  path: PathSegment[];
  target: Target;
  id: string;
}

const each = <T>(items: readonly T[] | undefined, fn: (item: T, index: number) => void) => items?.forEach(fn);

/** Every reference an entity makes, by kind. The single list resolution and back-links read. */
export function referencesOf(registry: Registry): { entity: Entity<unknown>; refs: Reference[] }[] {
  const out: { entity: Entity<unknown>; refs: Reference[] }[] = [];
  const add = (entity: Entity<unknown>, refs: Reference[]) => out.push({ entity, refs });
  const ref = (path: PathSegment[], target: Target, id: string | undefined): Reference[] => (id === undefined ? [] : [{ path, target, id }]);
  // A repository's team and an integration's owner may be `unknown`: no team is known, so nothing to follow.
  const teamRef = (path: PathSegment[], id: string | undefined) => ref(path, 'teams', id === UNKNOWN ? undefined : id);

  const eco = registry.ecosystem;
  if (eco) {
    // `unknown` (as an import writes them) names nothing to resolve.
    const known = (id: string) => (id === UNKNOWN ? undefined : id);
    const refs = [
      ...ref(['currentProject'], 'repositories', known(eco.data.currentProject)),
      ...ref(['referenceProject'], 'repositories', known(eco.data.referenceProject)),
      ...ref(['maintainedBy'], 'teams', known(eco.data.maintainedBy)),
    ];
    each(eco.data.projects, (id, i) => refs.push(...ref(['projects', i], 'repositories', id)));
    add(eco, refs);
  }
  for (const repo of registry.repositories.values()) {
    const refs = [...teamRef(['team'], repo.data.team), ...ref(['system'], 'systems', repo.data.system)];
    each(repo.data.libraries, (lib, i) => refs.push(...ref(['libraries', i, 'repository'], 'repositories', lib.repository)));
    each(repo.data.tables?.reads, (t, i) => refs.push(...ref(['tables', 'reads', i, 'owner'], 'repositories', t.owner)));
    add(repo, refs);
  }
  for (const integration of registry.integrations.values()) {
    const d = integration.data;
    const refs = [...(d.provider === UNKNOWN ? [] : ref(['provider'], 'repositories', d.provider)), ...teamRef(['owner'], d.owner)];
    if (d.consumers !== ALL_CLIENTS) each(d.consumers, (id, i) => refs.push(...ref(['consumers', i], 'repositories', id)));
    each(d.maintenance, (m, i) => refs.push(...ref(['maintenance', i, 'team'], 'teams', m.team)));
    each(d.documents, (id, i) => refs.push(...ref(['documents', i], 'documents', id)));
    each(d.events, (id, i) => refs.push(...ref(['events', i], 'events', id)));
    each(d.patterns, (id, i) => refs.push(...ref(['patterns', i], 'patterns', id)));
    each(d.routes, (r, i) => refs.push(...ref(['routes', i, 'backend'], 'repositories', r.backend)));
    each(d.aggregations, (a, i) => each(a.sources, (s, j) => refs.push(...ref(['aggregations', i, 'sources', j, 'repository'], 'repositories', s.repository))));
    each(d.steps, (s, i) => refs.push(...ref(['steps', i, 'from'], 'repositories', s.from), ...ref(['steps', i, 'to'], 'repositories', s.to)));
    refs.push(...ref(['lifecycle', 'deprecation', 'replacement'], 'integrations', d.lifecycle?.deprecation?.replacement));
    add(integration, refs);
  }
  for (const event of registry.events.values()) {
    const refs: Reference[] = [];
    each(event.data.producers, (id, i) => refs.push(...ref(['producers', i, 'repository'], 'repositories', id)));
    each(event.data.consumers, (c, i) => refs.push(...ref(['consumers', i, 'repository'], 'repositories', c.repository)));
    add(event, refs);
  }
  for (const pattern of registry.patterns.values()) {
    const refs: Reference[] = [];
    if (pattern.data.usedBy !== 'all') each(pattern.data.usedBy, (id, i) => refs.push(...ref(['usedBy', i], 'repositories', id)));
    each(pattern.data.documents, (id, i) => refs.push(...ref(['documents', i], 'documents', id)));
    add(pattern, refs);
  }
  for (const team of registry.teams.values()) add(team, ref(['parent'], 'teams', team.data.parent));
  for (const system of registry.systems.values()) {
    add(system, [...ref(['domain'], 'domains', system.data.domain), ...ref(['owner'], 'teams', system.data.owner)]);
  }
  for (const domain of registry.domains.values()) add(domain, ref(['owner'], 'teams', domain.data.owner));
  for (const resource of registry.resources.values()) {
    const refs = [
      ...(resource.data.owner === UNKNOWN ? [] : ref(['owner'], 'repositories', resource.data.owner)),
      ...ref(['system'], 'systems', resource.data.system),
    ];
    each(resource.data.users, (u, i) => refs.push(...ref(['users', i, 'repository'], 'repositories', u.repository)));
    add(resource, refs);
  }
  for (const docset of registry.docsets.values()) {
    add(docset, docset.data.owner === 'all-teams' || docset.data.owner === UNKNOWN ? [] : ref(['owner'], 'teams', docset.data.owner));
  }
  for (const doc of registry.documents.values()) {
    const refs: Reference[] = [];
    each(doc.data.integrations, (id, i) => refs.push(...ref(['integrations', i], 'integrations', id)));
    each(doc.data.repositories, (id, i) => refs.push(...ref(['repositories', i], 'repositories', id)));
    add(doc, refs);
  }
  return out;
}

const FOLDER: Record<Target, string> = {
  teams: 'teams/',
  repositories: 'repositories/',
  integrations: 'integrations/',
  events: 'events/',
  patterns: 'patterns/',
  protocols: 'protocols/',
  docsets: 'docsets/',
  resources: 'resources/',
  systems: 'systems/',
  domains: 'domains/',
  documents: 'docs/',
};

/** Reports every reference that names no entity, at the reference, with the nearest existing id. */
export function resolveReferences(registry: Registry): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { entity, refs } of referencesOf(registry)) {
    for (const { path, target, id } of refs) {
      const known = registry[target] as Map<string, unknown>;
      if (known.has(id) || registry.invalid.has(`${target}/${id}`)) continue;
      const kind = SINGULAR[target];
      const suffix = target === 'documents' ? '.md' : '.yaml';
      diagnostics.push(
        diagnostic('UnknownReference', entity.file, entity.locate(path), {
          kind,
          id,
          meant: didYouMean(id, known.keys()),
          known: known.size,
          folder: FOLDER[target],
          suffix,
        }),
      );
    }
  }
  // `unknown` as a team or owner means no team is known, so a team with that id is named by nothing.
  const reserved = registry.teams.get(UNKNOWN);
  if (reserved) diagnostics.push(diagnostic('ReservedTeamId', reserved.file, { line: 1, col: 1 }, { file: reserved.file.split('/').slice(-2).join('/') }));
  return diagnostics;
}
