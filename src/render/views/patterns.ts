import type { Model } from '../../core/model.ts';
import { AUTH, INTEGRATION_TYPE, millis, NOT_RECORDED, recorded, route } from '../labels.ts';
import { namer } from './common.ts';

const list = (items: Iterable<string>, empty = 'none recorded') => [...new Set(items)].sort().join(', ') || empty;

/** Packages of a monorepo in an order that builds dependencies first (Kahn), cycles last. */
function buildOrder(packages: { name: string; dependsOn?: string[] }[]): string[] {
  const remaining = new Map(packages.map((p) => [p.name, new Set((p.dependsOn ?? []).filter((d) => packages.some((q) => q.name === d)))]));
  const order: string[] = [];
  while (remaining.size > 0) {
    const ready = [...remaining]
      .filter(([, deps]) => deps.size === 0)
      .map(([n]) => n)
      .sort();
    const next = ready.length > 0 ? ready : [[...remaining.keys()].sort()[0]!];
    for (const n of next) {
      remaining.delete(n);
      order.push(n);
      for (const deps of remaining.values()) deps.delete(n);
    }
  }
  return order;
}

/**
 * The integration patterns overview (seed 001): for each pattern family, each aspect the seed
 * says to document, answered from the registry, with links to the repositories' own sections.
 */
export function patternsView(model: Model) {
  const name = namer(model);
  const integrations = [...model.integrations.values()].map((i) => i.data);
  const repos = [...model.repositories.entries()];
  const monorepos = repos.filter(([, r]) => r.data.packages?.length);
  const libraries = repos.flatMap(([id, r]) => (r.data.libraries ?? []).map((l) => ({ ...l, user: id })));
  const events = [...model.events.entries()];
  const routes = integrations.flatMap((i) => i.routes ?? []);
  const aggregations = integrations.flatMap((i) => i.aggregations ?? []);
  const owners = repos.filter(([, r]) => r.data.tables?.owns?.length);
  const readers = repos.filter(([, r]) => r.data.tables?.reads?.length);
  const withBreaker = integrations.filter((i) => i.errorHandling?.circuitBreaker).length;
  const withRetries = integrations.filter((i) => i.errorHandling?.retries).length;
  const policy = model.ecosystem?.data.policies;
  const repoLink = (id: string) => ({ name: name.repo(id), path: `repositories/${id}.md` });

  const families = [
    {
      title: 'Microservices Architecture',
      intro: 'Service-to-service communication.',
      aspects: [
        ['Service discovery', list(integrations.map((i) => i.connection?.endpoint).filter((e): e is string => !!e && /^[\w.-]+:\d+$/.test(e)))],
        ['Communication', list(integrations.map((i) => INTEGRATION_TYPE[i.type]))],
        [
          'Authentication',
          list(
            integrations
              .map((i) => recorded(i.auth))
              .filter((a) => a !== undefined && a !== 'none')
              .map((a) => AUTH[a!]),
          ),
        ],
        ['Failure handling', `Circuit breakers on ${withBreaker} integrations, retries on ${withRetries}`],
      ],
      repositories: repos
        .filter(([id]) => model.analysis.links.get(id)!.consumes.length > 0 && model.repositories.get(id)!.data.kind === 'service')
        .map(([id]) => repoLink(id)),
    },
    {
      title: 'Monorepo Patterns',
      intro: 'Relationships within a monorepo.',
      aspects: [
        ['Package boundaries', list(monorepos.flatMap(([, r]) => r.data.packages!.map((p) => p.name)))],
        ['Internal dependencies', list(monorepos.flatMap(([, r]) => r.data.packages!.flatMap((p) => (p.dependsOn ?? []).map((d) => `${p.name} → ${d}`))))],
        ['Shared libraries', list(monorepos.map(([, r]) => r.data.workspace ?? '').filter(Boolean))],
        ['Build order', monorepos.map(([, r]) => `${r.data.name}: ${buildOrder(r.data.packages!).join(' → ')}`).join('; ') || 'none recorded'],
      ],
      repositories: monorepos.map(([id]) => repoLink(id)),
    },
    {
      title: 'Shared Libraries',
      intro: 'Library consumption.',
      aspects: [
        ['Library location', list(libraries.map((l) => `${l.name} (${l.repository ? name.repo(l.repository) : (l.location ?? 'unknown')})`))],
        ['Version pinning', list(libraries.map((l) => `${l.name} ${l.version}`))],
        [
          'Breaking changes',
          typeof policy?.deprecationNoticeMonths === 'number' ? `${policy.deprecationNoticeMonths} months' notice (API versioning protocol)` : 'none recorded',
        ],
      ],
      repositories: [...new Set(libraries.map((l) => l.user))].sort().map(repoLink),
    },
    {
      title: 'Event-Driven Integrations',
      intro: 'Event producers and consumers.',
      aspects: [
        ['Events', list(events.map(([id]) => id))],
        ['Producers', list(events.flatMap(([id, e]) => e.data.producers.map((p) => `${name.repo(p)}: ${id}`)))],
        ['Consumers', list(events.flatMap(([id, e]) => e.data.consumers.map((c) => `${name.repo(c.repository)}: ${id}`)))],
        ['Delivery', list(events.map(([id, e]) => `${id}: ${recorded(e.data.delivery) ?? NOT_RECORDED}`))],
      ],
      repositories: [...new Set(events.flatMap(([, e]) => [...e.data.producers, ...e.data.consumers.map((c) => c.repository)]))].sort().map(repoLink),
    },
    {
      title: 'API Gateway Patterns',
      intro: 'Routing and aggregation.',
      aspects: [
        ['Routes', `${routes.length} routes: ${list(routes.map(route))}`],
        ['Aggregation', list(aggregations.map((a) => `${a.route} (${a.sources.length} sources, ${millis(a.timeoutMs)})`))],
        ['Authentication', `${routes.filter((r) => r.auth).length} of ${routes.length} routes require authentication`],
      ],
      repositories: repos
        .filter(([id]) => model.analysis.links.get(id)!.provides.some((i) => model.integrations.get(i)!.data.routes?.length))
        .map(([id]) => repoLink(id)),
    },
    {
      title: 'Database Per Service',
      intro: 'Data ownership.',
      aspects: [
        ['Owned tables', list(owners.flatMap(([, r]) => r.data.tables!.owns!.map((t) => `${t.name} (${r.data.name})`)))],
        ['Shared access', list(readers.flatMap(([, r]) => r.data.tables!.reads!.map((t) => `${r.data.name} reads ${t.table}${t.cdc ? ' via CDC' : ''}`)))],
        ['Migration policy', list([...model.patterns.values()].filter((p) => p.data.kind === 'database-per-service').flatMap((p) => p.data.features))],
      ],
      repositories: [...new Set([...owners, ...readers].map(([id]) => id))].sort().map(repoLink),
    },
  ];
  return {
    ecosystem: model.ecosystem!.data.name,
    families: families.map((f) => ({ ...f, aspects: f.aspects.map(([aspect, answer]) => ({ aspect, answer })) })),
  };
}
