import type { Model } from '../core/model.ts';
import type { DiagramText } from './diagram-html.ts';
import { type Integration, UNKNOWN } from '../core/schemas/index.ts';
import { flowchart, sequence, type GraphEdge, type GraphNode } from './mermaid.ts';
import { plural, recorded } from './labels.ts';

/** A diagram generated from the model: mermaid source and its text alternative. Pure and deterministic. */
export interface Diagram {
  source: string;
  text: DiagramText;
  /** Node keys of a flowchart in the order drawn (node `n<i>` is `nodes[i]`), so a page can link each node to its page. */
  nodes?: string[];
  /** The key of the node the page is about, which the view opens on. */
  focus?: string;
}

const shape = (kind: string): GraphNode['shape'] => (kind === 'external' ? 'stadium' : kind === 'library' ? 'hexagon' : kind === 'gateway' ? 'round' : 'box');

/**
 * The one drawing convention: an edge says what one repository does to or for another, as a verb
 * and its object ("calls Stripe Payments", "publishes payment.completed", "depends on Shared Types
 * Package"), and the arrow starts at the repository that does it. Which side acts depends on the
 * type: consumers call, read and depend; providers publish, send and deliver.
 */
export const ACTION: Record<Integration['type'], { verb: string; actor: 'consumer' | 'provider' }> = {
  rest: { verb: 'calls', actor: 'consumer' },
  graphql: { verb: 'queries', actor: 'consumer' },
  grpc: { verb: 'calls', actor: 'consumer' },
  websocket: { verb: 'connects to', actor: 'consumer' },
  'cross-app-auth': { verb: 'signs users in with', actor: 'consumer' },
  'shared-database': { verb: 'reads', actor: 'consumer' },
  'npm-package': { verb: 'depends on', actor: 'consumer' },
  event: { verb: 'publishes', actor: 'provider' },
  'message-queue': { verb: 'queues', actor: 'provider' },
  webhook: { verb: 'sends', actor: 'provider' },
  file: { verb: 'delivers', actor: 'provider' },
  dependency: { verb: 'depends on', actor: 'consumer' },
};

/** What an edge of integration `i` says: its verb and object, e.g. "publishes payment.completed". */
export function actionOf(i: Integration): string {
  const { verb } = ACTION[i.type];
  if (i.type === 'dependency') return verb; // the arrow's head names what it depends on
  const events = i.events ?? [];
  const object =
    i.type === 'event' && events.length > 0 ? (events.length > 2 ? `${events.slice(0, 2).join(', ')} +${events.length - 2}` : events.join(', ')) : i.title;
  return `${verb} ${object}`;
}

/** The legend every generated flowchart carries. */
export const FLOW_LEGEND =
  'Each arrow starts at the repository that acts and says what it does (calls, publishes, reads, depends on…); ↔ both ways; dashed: deprecated.';

function edgesOf(model: Model, ids: Iterable<string>): (GraphEdge & { integration: string })[] {
  const edges: (GraphEdge & { integration: string })[] = [];
  for (const id of [...ids].sort()) {
    const i = model.integrations.get(id)!;
    // An integration whose provider is unknown has no edge to draw: its page says so instead.
    if (i.data.provider === UNKNOWN) continue;
    const consumerActs = ACTION[i.data.type].actor === 'consumer';
    for (const consumer of model.analysis.consumersOf.get(id)!) {
      edges.push({
        from: consumerActs ? consumer : i.data.provider,
        to: consumerActs ? i.data.provider : consumer,
        label: actionOf(i.data),
        both: i.data.direction === 'both-ways',
        dashed: i.data.status === 'deprecated',
        integration: id,
      });
    }
  }
  return edges;
}

function rows(model: Model, edges: GraphEdge[]): DiagramText['rows'] {
  const name = (id: string) => model.repositories.get(id)?.data.name ?? model.resources.get(id.replace(/^resource:/, ''))?.data.name ?? id;
  return edges.map((e) => ({ from: name(e.from), label: `${e.label ?? ''}${e.both ? ' (both ways)' : ''}`, to: name(e.to) }));
}

/** Above this many repositories the ecosystem is drawn by domain: a node per repository stops being readable. */
export const ECOSYSTEM_DETAIL_LIMIT = 60;

/**
 * The boxes a repository is drawn in, outermost first, each labelled with its kind so a reader
 * never mistakes one for another. A registry that keeps systems groups by system within domain
 * (repositories without a system in a box that says so); one that does not, by the repository's
 * domain word, else its owning team.
 */
const groupPath = (model: Model, id: string): string[] => {
  const r = model.repositories.get(id)!.data;
  if (model.systems.size > 0) {
    const system = r.system ? model.systems.get(r.system) : undefined;
    if (!system) return ['No system recorded'];
    const domain = system.data.domain ? model.domains.get(system.data.domain) : undefined;
    return [...(domain ? [`Domain: ${domain.data.name}`] : []), `System: ${system.data.name}`];
  }
  // A team that is not known groups its repositories in one box that says so.
  const team = model.teams.get(r.team)?.data.name ?? (r.team === UNKNOWN ? 'unknown' : r.team);
  return [r.domain ? `Domain: ${r.domain}` : `Team: ${team}`];
};
const groupOf = (model: Model, id: string) => groupPath(model, id).join(' › ');

/** What the boxes of the ecosystem diagram are, said under it. */
const groupLegend = (model: Model) =>
  model.systems.size > 0
    ? 'Boxes are systems within their domains.'
    : 'This registry records no systems: boxes are domains, or teams where a repository has no domain.';

/**
 * Every repository, grouped by domain (by team where no domain is set), and every integration;
 * for a large ecosystem, one node per domain and one edge per pair of domains, counting integrations.
 */
export function ecosystemDiagram(model: Model): Diagram {
  if (model.repositories.size > ECOSYSTEM_DETAIL_LIMIT) return domainDiagram(model);
  const nodes = [...model.repositories]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, r]) => ({
      key: id,
      label: r.data.name,
      group: groupPath(model, id),
      shape: shape(r.data.kind),
    }));
  const edges = edgesOf(model, model.integrations.keys());
  return {
    source: flowchart(nodes, edges, 'LR'),
    nodes: nodes.map((n) => n.key),
    text: {
      title: `${model.ecosystem?.data.name ?? 'Ecosystem'} architecture`,
      description: `${plural(nodes.length, 'repository', 'repositories')} and ${plural(edges.length, 'connection')}, grouped by ${model.systems.size > 0 ? 'system within domain' : 'domain'}.`,
      legend: `${FLOW_LEGEND} ${groupLegend(model)}`,
      rows: rows(model, edges),
    },
  };
}

function domainDiagram(model: Model): Diagram {
  const sizes = new Map<string, number>();
  for (const id of model.repositories.keys()) sizes.set(groupOf(model, id), (sizes.get(groupOf(model, id)) ?? 0) + 1);
  const internal = new Map<string, number>();
  const between = new Map<string, number>();
  for (const e of edgesOf(model, model.integrations.keys())) {
    const a = groupOf(model, e.from);
    const b = groupOf(model, e.to);
    if (a === b) internal.set(a, (internal.get(a) ?? 0) + 1);
    else between.set(`${a}\u0000${b}`, (between.get(`${a}\u0000${b}`) ?? 0) + 1);
  }
  const groups = [...sizes.keys()].sort();
  const nodes = groups.map((g) => ({
    key: g,
    label: `${g} · ${plural(sizes.get(g)!, 'repository', 'repositories')}, ${internal.get(g) ?? 0} inside`,
  }));
  // One edge per pair of domains: both directions on one line halves what the eye must follow.
  const pairs: (GraphEdge & { label: string })[] = [];
  for (const [key, n] of [...between].sort(([a], [b]) => a.localeCompare(b))) {
    const [from, to] = key.split('\u0000') as [string, string];
    if (from > to && between.has(`${to}\u0000${from}`)) continue; // drawn with its reverse
    const back = between.get(`${to}\u0000${from}`);
    pairs.push(back === undefined ? { from, to, label: plural(n, 'integration') } : { from, to, both: true, label: `${n} → · ${back} ←` });
  }
  return {
    source: flowchart(nodes, pairs, 'LR'),
    nodes: nodes.map((n) => n.key),
    text: {
      title: `${model.ecosystem?.data.name ?? 'Ecosystem'} architecture by domain`,
      description: `${plural(model.repositories.size, 'repository', 'repositories')} in ${plural(groups.length, 'domain')}; each line counts the integrations between two domains (→ from the first, ← back). Repository pages show each one's neighbours.`,
      legend:
        'Each box is a domain, or a team where repositories have no domain (each says which); each line counts the integrations between two domains, → from the first, ← back.',
      rows: pairs.map((p) => ({ from: p.from, label: p.label, to: p.to })),
    },
  };
}

/** A repository and the repositories one hop away, in both directions. */
export function neighbourhoodDiagram(model: Model, id: string): Diagram {
  const links = model.analysis.links.get(id)!;
  const integrations = new Set([...links.provides, ...links.consumes]);
  const edges = edgesOf(model, integrations).filter((e) => e.from === id || e.to === id);
  const keys = new Set([id, ...edges.flatMap((e) => [e.from, e.to])]);
  const nodes: GraphNode[] = [...keys].sort().map((key) => {
    const r = model.repositories.get(key)!.data;
    return { key, label: r.name, shape: shape(r.kind) };
  });
  // Resources it owns or uses, drawn as cylinders: the owner owns, a user reads or writes.
  const USE = { read: 'reads', write: 'writes to', 'read-write': 'reads and writes' } as const;
  for (const [rid, r] of [...model.resources].sort(([a], [b]) => a.localeCompare(b))) {
    const user = r.data.users?.find((u) => u.repository === id);
    if (r.data.owner !== id && !user) continue;
    nodes.push({ key: `resource:${rid}`, label: r.data.name, shape: 'cylinder' });
    edges.push({
      from: id,
      to: `resource:${rid}`,
      label: r.data.owner === id ? `owns ${r.data.name}` : `${user?.access ? USE[user.access] : 'uses'} ${r.data.name}`,
      integration: '',
    });
  }
  const name = model.repositories.get(id)!.data.name;
  return {
    source: flowchart(nodes, edges, 'LR'),
    nodes: nodes.map((n) => n.key),
    focus: id,
    text: {
      title: `${name} and its neighbours`,
      description: `What ${name} uses and what uses it, one hop away.`,
      legend: FLOW_LEGEND,
      rows: rows(model, edges),
    },
  };
}

/** An event's producers and consumers around it. */
export function eventDiagram(model: Model, id: string): Diagram {
  const e = model.events.get(id)!.data;
  const name = (r: string) => model.repositories.get(r)?.data.name ?? r;
  const nodes: GraphNode[] = [
    { key: '#event', label: id, shape: 'stadium' },
    ...[...new Set([...e.producers, ...e.consumers.map((c) => c.repository)])].sort().map((r) => ({ key: r, label: name(r) })),
  ];
  const edges: GraphEdge[] = [
    ...e.producers.map((p) => ({ from: p, to: '#event', label: `publishes ${id}` })),
    ...e.consumers.map((c) => ({ from: c.repository, to: '#event', label: c.handling ? `subscribes: ${c.handling}` : 'subscribes' })),
  ];
  return {
    source: flowchart(nodes, edges, 'LR'),
    nodes: nodes.map((n) => n.key),
    focus: '#event',
    text: {
      title: `${id} event flow`,
      description: `${plural(e.producers.length, 'producer')} and ${plural(e.consumers.length, 'consumer')}, ${recorded(e.delivery) ? `delivered ${e.delivery}` : 'delivery not recorded'}.`,
      legend: 'Each arrow starts at the repository that acts: producers publish the event, consumers subscribe to it (with what they do on receipt).',
      rows: edges.map((x) => ({ from: x.from === '#event' ? id : name(x.from), label: x.label ?? '', to: x.to === '#event' ? id : name(x.to) })),
    },
  };
}

/** An integration's interaction steps as a sequence diagram, when it lists them. */
export function sequenceDiagram(model: Model, id: string): Diagram | null {
  const i = model.integrations.get(id)!.data;
  if (!i.steps?.length) return null;
  const name = (r: string) => model.repositories.get(r)?.data.name ?? r;
  const actors = [...new Set(i.steps.flatMap((s) => [s.from, s.to]))];
  return {
    source: sequence(
      actors.map((a) => ({ key: a, label: name(a) })),
      i.steps,
    ),
    text: {
      title: `${i.title}: interaction`,
      description: `${plural(i.steps.length, 'step')} between ${actors.map(name).join(', ')}.`,
      legend: 'Time runs down; each arrow goes from the sender of a message; dashed arrows are replies.',
      rows: i.steps.map((s) => ({ from: name(s.from), label: s.message, to: name(s.to) })),
    },
  };
}
