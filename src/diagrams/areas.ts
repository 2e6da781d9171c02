/**
 * Where a repository is drawn (its area: a system within its domain, else a domain word, else its
 * team) and the integrations between repositories as edges, bundled between whatever nodes a view
 * draws. The views of graph.ts are built on these.
 */
import type { Model } from '../core/model.ts';
import { ACTION, actionOf } from '../render/diagrams.ts';
import { pages } from '../site/paths.ts';
import { type DiagramEdge, edgeAnchor, type NodeKind, viewPages } from './view-graph.ts';

const REPO_KIND: Record<string, NodeKind> = {
  service: 'service',
  gateway: 'gateway',
  frontend: 'frontend',
  monorepo: 'frontend',
  library: 'library',
  external: 'external',
};
export const repoKind = (kind: string): NodeKind => REPO_KIND[kind] ?? 'service';
export const resourceKind = (kind: string): NodeKind => (kind === 'queue' || kind === 'topic' ? 'queue' : 'datastore');

/** An area a repository belongs to, as the landscape draws it. */
export interface Area {
  key: string;
  kind: 'system' | 'domain' | 'team';
  label: string;
  href: string;
  /** The domain a system belongs to. */
  parent?: Area;
}

const NONE: Area = { key: 'system:-', kind: 'system', label: 'No system recorded', href: viewPages.area('system:-') };

function domainArea(model: Model, id: string): Area {
  const d = model.domains.get(id);
  return { key: `domain:${id}`, kind: 'domain', label: d?.data.name ?? id, href: d ? pages.domain(id) : viewPages.area(`domain:${id}`) };
}

/**
 * The area a repository is drawn in: its system (within its domain) where the registry keeps
 * systems; else its domain word; else its owning team.
 */
export function areaOf(model: Model, repository: string): Area {
  const r = model.repositories.get(repository)?.data;
  if (model.systems.size > 0) {
    const s = r?.system ? model.systems.get(r.system) : undefined;
    if (!s || !r?.system) return NONE;
    return {
      key: `system:${r.system}`,
      kind: 'system',
      label: s.data.name,
      href: pages.systemDetail(r.system),
      parent: s.data.domain ? domainArea(model, s.data.domain) : undefined,
    };
  }
  if (r?.domain) return domainArea(model, r.domain);
  const team = r?.team ?? '-';
  return {
    key: `team:${team}`,
    kind: 'team',
    label: model.teams.get(team)?.data.name ?? (team === 'unknown' ? 'Team unknown' : team),
    href: viewPages.area(`team:${team}`),
  };
}

/** Every area of the registry, by key, each with its repositories. */
export function areas(model: Model): Map<string, { area: Area; repositories: string[] }> {
  const out = new Map<string, { area: Area; repositories: string[] }>();
  for (const id of [...model.repositories.keys()].sort()) {
    const a = areaOf(model, id);
    const entry = out.get(a.key) ?? out.set(a.key, { area: a, repositories: [] }).get(a.key)!;
    entry.repositories.push(id);
    if (a.parent) {
      const p = out.get(a.parent.key) ?? out.set(a.parent.key, { area: a.parent, repositories: [] }).get(a.parent.key)!;
      p.repositories.push(id);
    }
  }
  return out;
}

/** One integration's edges, repository to repository, the arrow leaving the actor. */
interface RawEdge {
  from: string;
  to: string;
  integration: string;
  label: string;
  verb: string;
  both: boolean;
  dashed: boolean;
}

function rawEdges(model: Model): RawEdge[] {
  const out: RawEdge[] = [];
  for (const id of [...model.integrations.keys()].sort()) {
    const i = model.integrations.get(id)!.data;
    if (!model.repositories.has(i.provider)) continue;
    const action = ACTION[i.type];
    for (const consumer of model.analysis.consumersOf.get(id) ?? []) {
      const consumerActs = action.actor === 'consumer';
      out.push({
        from: consumerActs ? consumer : i.provider,
        to: consumerActs ? i.provider : consumer,
        integration: id,
        label: actionOf(i),
        verb: action.verb,
        both: i.direction === 'both-ways',
        dashed: i.status === 'deprecated',
      });
    }
  }
  return out;
}

const rawCache = new WeakMap<Model, RawEdge[]>();
export function edgesOf(model: Model): RawEdge[] {
  let edges = rawCache.get(model);
  if (!edges) rawCache.set(model, (edges = rawEdges(model)));
  return edges;
}

/**
 * Edges bundled per pair of nodes: `nodeOf` says which node stands for a repository in this view
 * (undefined: not drawn). An edge whose ends fall in one node is counted inside it instead.
 */
export function bundle(
  raw: RawEdge[],
  nodeOf: (repository: string) => string | undefined,
  page: string,
): { edges: DiagramEdge[]; inside: Map<string, number> } {
  const pairs = new Map<string, RawEdge[]>();
  const inside = new Map<string, number>();
  for (const e of raw) {
    const a = nodeOf(e.from);
    const b = nodeOf(e.to);
    if (a === undefined || b === undefined) continue;
    if (a === b) {
      inside.set(a, (inside.get(a) ?? 0) + 1);
      continue;
    }
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    (pairs.get(key) ?? pairs.set(key, []).get(key)!).push({ ...e, from: a, to: b });
  }
  const edges = [...pairs.values()].map((items): DiagramEdge => {
    // The arrow leaves the side that acts in more of them (the first in order on a tie).
    const [x, y] = [items[0]!.from, items[0]!.to].sort() as [string, string];
    const forward = items.filter((e) => e.from === x).length;
    const [from, to] = forward >= items.length - forward ? [x, y] : [y, x];
    const integrations = [...new Set(items.map((e) => e.integration))];
    // The verbs, the most frequent first; a label names three at most.
    const tally = new Map<string, number>();
    for (const e of items) tally.set(e.verb, (tally.get(e.verb) ?? 0) + 1);
    const verbs = [...tally].sort((a, b) => b[1] - a[1]).map(([v]) => v);
    const count = integrations.length;
    const named = verbs.length > 3 ? `${verbs.slice(0, 3).join(', ')} +${verbs.length - 3}` : verbs.join(', ');
    return {
      from,
      to,
      label: count === 1 ? items[0]!.label : `${named} (${count})`,
      count,
      verbs,
      both: items.some((e) => e.both || e.from !== from),
      dashed: items.every((e) => e.dashed),
      href: count === 1 ? pages.integration(integrations[0]!) : `${page}#${edgeAnchor(from, to)}`,
      integrations,
    };
  });
  edges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { edges, inside };
}
