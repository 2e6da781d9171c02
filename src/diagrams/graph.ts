/**
 * Diagrams as views over the model, by level as the C4 model has them: the landscape (areas:
 * systems, or domains, or teams), an area (its repositories, the outside collapsed to the areas
 * they belong to), a repository's neighbourhood, an event's flow and an integration's sequence.
 *
 * A view is a graph, not a drawing: every renderer draws the same graph (the SVG writer for the
 * site, `toMermaid` for the Markdown export, `toText` for the terminal). Several integrations
 * between the same two nodes are one edge that counts them and says their verbs. Links are site
 * paths without the base; the page puts its base in front. Pure and deterministic.
 */
import type { Model } from '../core/model.ts';
import { plural, recorded } from '../render/labels.ts';
import { pages } from '../site/paths.ts';
import { type Area, areaOf, areas, bundle, edgesOf, repoKind, resourceKind } from './areas.ts';
import { type Crumb, type DiagramEdge, type DiagramGraph, type DiagramNode, viewPages } from './view-graph.ts';

const LANDSCAPE: Crumb = { label: 'Landscape', href: viewPages.landscape };

/** Above this many areas the landscape is drawn by domain (systems registries) and then as a table. */
export const LANDSCAPE_LIMIT = 24;

function areaNode(a: Area, repositories: number, inside: number, group?: string): DiagramNode {
  return {
    key: a.key,
    label: a.label,
    sub: `${plural(repositories, 'repository', 'repositories')}${inside ? ` · ${inside} inside` : ''}`,
    kind: a.kind,
    href: a.href,
    ...(group ? { group } : {}),
  };
}

/**
 * The landscape: one node per area (system within its domain, or domain, or team); the
 * integrations between two areas one edge. `by: 'domain'` draws a systems registry by domain.
 */
export function landscapeGraph(model: Model, by: 'area' | 'domain' = 'area'): DiagramGraph {
  const all = areas(model);
  const unit = (id: string) => {
    const a = areaOf(model, id);
    return by === 'domain' && a.parent ? a.parent : a;
  };
  const { edges, inside } = bundle(edgesOf(model), (id) => unit(id).key, viewPages.landscape);
  const used = new Map<string, Area>();
  for (const id of model.repositories.keys()) used.set(unit(id).key, unit(id));
  const grouped = by === 'area' && model.systems.size > 0;
  const nodes = [...used.values()]
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((a) => areaNode(a, all.get(a.key)!.repositories.length, inside.get(a.key) ?? 0, grouped ? a.parent?.key : undefined));
  const groups = grouped
    ? [
        ...new Map(
          [...used.values()].flatMap((a) => (a.parent ? [[a.parent.key, { key: a.parent.key, label: `Domain: ${a.parent.label}`, href: a.parent.href }]] : [])),
        ).values(),
      ]
    : [];
  const what = nodes[0]?.kind === 'system' ? 'system' : nodes.every((n) => n.kind === 'domain') ? 'domain' : 'area';
  return {
    view: 'landscape',
    page: viewPages.landscape,
    title: `${recorded(model.ecosystem?.data.name) ?? 'Ecosystem'} landscape`,
    description: `${plural(nodes.length, what)} and the integrations between them (${plural(
      edges.reduce((n, e) => n + e.count, 0),
      'integration',
    )}); each box opens its own view.`,
    nodes,
    edges,
    groups,
    trail: [LANDSCAPE],
    inside: Object.fromEntries(inside),
  };
}

/** The repositories of an area, its resources, and the outside collapsed to the areas it reaches. */
export function areaGraph(model: Model, key: string): DiagramGraph | null {
  const entry = areas(model).get(key);
  if (!entry) return null;
  const { area } = entry;
  const members = new Set(entry.repositories);
  // A domain of a systems registry holds systems: draw them, not each repository.
  const holdsSystems = area.kind === 'domain' && model.systems.size > 0;
  const outer = (id: string) => {
    const a = areaOf(model, id);
    return holdsSystems ? (a.parent ?? a) : a;
  };
  const nodeOf = (id: string) => (members.has(id) ? (holdsSystems ? areaOf(model, id).key : id) : outer(id).key);
  const page = viewPages.area(key);
  const raw = edgesOf(model).filter((e) => members.has(e.from) || members.has(e.to));
  const { edges, inside } = bundle(raw, nodeOf, page);
  const nodes: DiagramNode[] = [];
  const all = areas(model);
  if (holdsSystems) {
    const systems = new Map(entry.repositories.map((id) => [areaOf(model, id).key, areaOf(model, id)]));
    for (const a of [...systems.values()].sort((x, y) => x.label.localeCompare(y.label)))
      nodes.push(areaNode(a, all.get(a.key)?.repositories.length ?? 0, inside.get(a.key) ?? 0, key));
  } else {
    for (const id of entry.repositories) {
      const r = model.repositories.get(id)!.data;
      nodes.push({ key: id, label: r.name, kind: repoKind(r.kind), href: pages.repository(id), group: key });
    }
    // Its resources: owned by one of its repositories.
    for (const [rid, r] of [...model.resources].sort(([a], [b]) => a.localeCompare(b))) {
      if (!members.has(r.data.owner)) continue;
      nodes.push({ key: `resource:${rid}`, label: r.data.name, kind: resourceKind(r.data.kind), href: pages.resource(rid), group: key });
      edges.push({
        from: r.data.owner,
        to: `resource:${rid}`,
        label: 'owns',
        count: 1,
        verbs: ['owns'],
        both: false,
        dashed: false,
        href: pages.resource(rid),
        integrations: [],
      });
    }
  }
  const outside = new Map<string, Area>();
  for (const e of raw) for (const id of [e.from, e.to]) if (!members.has(id)) outside.set(outer(id).key, outer(id));
  for (const a of [...outside.values()].sort((x, y) => x.label.localeCompare(y.label)))
    nodes.push({ ...areaNode(a, all.get(a.key)?.repositories.length ?? 0, 0), sub: `${a.kind}` });
  const trail = [
    LANDSCAPE,
    ...(area.parent ? [{ label: `${area.parent.kind} ${area.parent.label}`, href: area.parent.href }] : []),
    { label: `${area.kind} ${area.label}`, href: area.href },
  ];
  return {
    view: 'area',
    page,
    title: `${area.label} (${area.kind})`,
    description: `${holdsSystems ? plural(nodes.filter((n) => n.group).length, 'system') : plural(entry.repositories.length, 'repository', 'repositories')} in the box${
      outside.size === 0
        ? '; nothing outside it integrates with them.'
        : `; outside it, the ${area.kind === 'system' || holdsSystems ? 'areas' : `${area.kind}s`} they integrate with, each one node.`
    }`,
    nodes,
    edges,
    groups: [{ key, label: `${area.kind[0]!.toUpperCase()}${area.kind.slice(1)}: ${area.label}`, href: area.href }],
    trail,
  };
}

const USE = { read: 'reads', write: 'writes to', 'read-write': 'reads and writes' } as const;

/** A repository, the repositories it integrates with (one edge each, bundled), and its resources. */
export function neighbourhoodGraph(model: Model, id: string): DiagramGraph {
  const r = model.repositories.get(id)!.data;
  const page = viewPages.repository(id);
  const raw = edgesOf(model).filter((e) => e.from === id || e.to === id);
  const { edges } = bundle(raw, (x) => x, page);
  const keys = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((k) => k !== id).sort();
  const nodes: DiagramNode[] = [
    { key: id, label: r.name, kind: repoKind(r.kind), href: pages.repository(id), focus: true },
    ...keys.map((k) => {
      const c = model.repositories.get(k)!.data;
      return { key: k, label: c.name, kind: repoKind(c.kind), href: pages.repository(k) };
    }),
  ];
  for (const [rid, res] of [...model.resources].sort(([a], [b]) => a.localeCompare(b))) {
    const user = res.data.users?.find((u) => u.repository === id);
    if (res.data.owner !== id && !user) continue;
    const verb = res.data.owner === id ? 'owns' : user?.access ? USE[user.access] : 'uses';
    nodes.push({ key: `resource:${rid}`, label: res.data.name, kind: resourceKind(res.data.kind), href: pages.resource(rid) });
    edges.push({
      from: id,
      to: `resource:${rid}`,
      label: verb,
      count: 1,
      verbs: [verb],
      both: false,
      dashed: false,
      href: pages.resource(rid),
      integrations: [],
    });
  }
  const area = areaOf(model, id);
  return {
    view: 'neighbourhood',
    page,
    title: `${r.name} and its neighbours`,
    description: neighbourhoodText(
      r.name,
      keys.length,
      nodes.length - 1 - keys.length,
      edges.some((e) => e.count > 1),
    ),
    nodes,
    edges,
    groups: [],
    trail: [
      LANDSCAPE,
      ...(area.parent ? [{ label: `${area.parent.kind} ${area.parent.label}`, href: area.parent.href }] : []),
      { label: `${area.kind} ${area.label}`, href: area.href },
      { label: `repository ${r.name}`, href: pages.repository(id) },
    ],
  };
}

/** What a neighbourhood shows, in words: only what is there (no "0 repositories", no bundling that did not happen). */
function neighbourhoodText(name: string, repositories: number, resources: number, bundled: boolean): string {
  const around = [repositories && plural(repositories, 'repository', 'repositories'), resources && plural(resources, 'resource')].filter(Boolean).join(' and ');
  if (!around) return `${name} has no integrations or resources recorded.`;
  return `What ${name} uses and what uses it, one hop away: ${around}${bundled ? '; several integrations with one of them are drawn as one arrow' : ''}.`;
}

/** An event's producers → the event → its consumers, left to right. */
export function eventGraph(model: Model, id: string): DiagramGraph {
  const e = model.events.get(id)!.data;
  const key = `event:${id}`;
  const node = (r: string): DiagramNode => {
    const x = model.repositories.get(r)?.data;
    return { key: r, label: x?.name ?? r, kind: repoKind(x?.kind ?? 'service'), ...(x ? { href: pages.repository(r) } : {}) };
  };
  const producers = [...new Set(e.producers)];
  const consumers = [...new Map(e.consumers.map((c) => [c.repository, c])).values()];
  // An integration that carries the event, for the edge's link.
  const carrier = (r: string, side: 'provider' | 'consumer') =>
    [...model.integrations.values()].find(
      (i) => i.data.events?.includes(id) && (side === 'provider' ? i.data.provider === r : (model.analysis.consumersOf.get(i.id) ?? []).includes(r)),
    )?.id;
  const edge = (from: string, to: string, label: string, via: string | undefined): DiagramEdge => ({
    from,
    to,
    label,
    count: 1,
    verbs: [label.split(':')[0]!],
    both: false,
    dashed: false,
    ...(via ? { href: pages.integration(via), integrations: [via] } : { integrations: [] }),
  });
  const nodes: DiagramNode[] = [
    ...producers.map((p) => ({ ...node(p), group: 'producers' })),
    { key, label: id, kind: 'event' as const, href: pages.event(id), focus: true },
    ...consumers.filter((c) => !producers.includes(c.repository)).map((c) => ({ ...node(c.repository), group: 'consumers' })),
  ];
  const edges = [
    ...producers.map((p) => edge(p, key, 'publishes', carrier(p, 'provider'))),
    ...consumers.map((c) => edge(key, c.repository, c.handling ? `delivered: ${c.handling}` : 'delivered to', carrier(c.repository, 'consumer'))),
  ];
  return {
    view: 'event',
    page: viewPages.event(id),
    title: `${id} event flow`,
    description: `${plural(producers.length, 'producer')} ${producers.length === 1 ? 'publishes' : 'publish'} it, left; ${plural(consumers.length, 'consumer')} ${consumers.length === 1 ? 'receives' : 'receive'} it, right.`,
    nodes: nodes.map(({ group: _, ...n }) => n),
    edges,
    groups: [],
    trail: [LANDSCAPE, { label: `event ${id}`, href: pages.event(id) }],
  };
}

/** An integration's steps between its participants, when it lists them. */
export function sequenceOf(model: Model, id: string): DiagramGraph | null {
  const i = model.integrations.get(id)!.data;
  if (!i.steps?.length) return null;
  const actors = [...new Set(i.steps.flatMap((s) => [s.from, s.to]))];
  return {
    view: 'sequence',
    page: pages.integration(id),
    title: `${i.title}: interaction`,
    description: `${plural(i.steps.length, 'step')} between ${actors.map((a) => model.repositories.get(a)?.data.name ?? a).join(', ')}; time runs down.`,
    nodes: actors.map((a) => {
      const x = model.repositories.get(a)?.data;
      return { key: a, label: x?.name ?? a, kind: repoKind(x?.kind ?? 'service'), ...(x ? { href: pages.repository(a) } : {}) };
    }),
    edges: [],
    groups: [],
    steps: i.steps.map((s) => ({ from: s.from, to: s.to, message: s.message, ...(s.reply ? { reply: true } : {}) })),
    trail: [LANDSCAPE, { label: `integration ${i.title}`, href: pages.integration(id) }],
  };
}
