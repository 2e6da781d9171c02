import type { Model } from '../../core/model.ts';
import type { Integration } from '../../core/schemas/index.ts';
import { landscapeMermaid } from '../../diagrams/graph-text.ts';
import { AUTH, INTEGRATION_TYPE, millis, percent, recorded } from '../labels.ts';
import { byTitle } from './common.ts';

/** Integration categories of the system integrations seed, by integration type. */
const CATEGORY: Record<Integration['type'], [group: string, category: string]> = {
  rest: ['External Services', 'API Integrations'],
  graphql: ['External Services', 'API Integrations'],
  grpc: ['External Services', 'API Integrations'],
  websocket: ['External Services', 'API Integrations'],
  webhook: ['External Services', 'API Integrations'],
  'message-queue': ['External Services', 'Message Queues'],
  event: ['Data Systems', 'Stream Processing'],
  'shared-database': ['Data Systems', 'Database Connections'],
  file: ['Data Systems', 'Batch Operations'],
  'cross-app-auth': ['External Services', 'Authentication Services'],
  'npm-package': ['Development Tools', 'Package Management'],
  dependency: ['External Services', 'Runtime Dependencies'],
};

/** `2024-12-07 08:00` → `2024-12-07_08-00`, the seed's log stamp. */
const stamp = (date: string) => date.replace(/[T ]/, '_').replace(':', '-');

/** The system integrations page (seed 004). */
export function systemView(model: Model) {
  const integrations = [...model.integrations.values()].sort(byTitle);
  const log = integrations
    .flatMap((i) => (i.data.changelog ?? []).map((c) => ({ ...c, integration: i.data.title })))
    .sort((a, b) => a.date.localeCompare(b.date) || a.integration.localeCompare(b.integration));
  const groups = new Map<string, Map<string, { title: string; path: string }[]>>();
  for (const i of integrations) {
    const [group, category] = CATEGORY[i.data.type];
    const g = groups.get(group) ?? groups.set(group, new Map()).get(group)!;
    (g.get(category) ?? g.set(category, []).get(category)!).push({ title: i.data.title, path: `integrations/${i.id}.md` });
  }
  const tally = (values: string[]) =>
    [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([value, n]) => ({ value, n }));
  return {
    status: integrations.some((i) => ['active', 'production', 'production-ready'].includes(i.data.status)) ? 'Active' : 'Planned',
    created: log[0] ? stamp(log[0].date) : null,
    modified: log.at(-1) ? stamp(log.at(-1)!.date) : null,
    diagram: landscapeMermaid(model),
    connections: integrations.map((i) => ({
      title: i.data.title,
      json: JSON.stringify(
        {
          integration: {
            name: i.data.title,
            type: INTEGRATION_TYPE[i.data.type],
            version: recorded(i.data.version) ?? null,
            endpoint: i.data.connection?.endpoint ?? null,
            auth: { type: recorded(i.data.auth) ? AUTH[i.data.auth!] : null, credentials: i.data.connection?.credentials ?? null },
            config: {
              timeout: i.data.connection?.timeoutMs ? millis(i.data.connection.timeoutMs) : null,
              retry: i.data.connection?.retry ?? null,
              rateLimit: i.data.connection?.rateLimit ?? null,
            },
          },
        },
        null,
        4,
      ),
    })),
    groups: [...groups].map(([group, categories], n) => ({
      n: n + 1,
      group,
      categories: [...categories].map(([category, items]) => ({ category, items })),
    })),
    authentication: tally(integrations.map((i) => AUTH[i.data.auth ?? 'unknown'])),
    exchange: tally(integrations.map((i) => i.data.protocol)),
    health: integrations
      .filter((i) => i.data.health)
      .map((i) => ({
        title: i.data.title,
        uptime: percent(i.data.health!.uptime),
        errorRate: percent(i.data.health!.errorRate),
        response: millis(i.data.health!.avgResponseMs),
      })),
    rateLimits: integrations.filter((i) => i.data.connection?.rateLimit).map((i) => ({ title: i.data.title, limit: i.data.connection!.rateLimit! })),
    history: log.map((c) => ({ stamp: stamp(c.date), summary: c.summary, integration: c.integration, details: c.details ?? [] })),
  };
}

/**
 * The system page as a reader wants it (the Markdown export keeps the seed's form): integrations
 * inside the ecosystem and with external systems, each grouped by kind; connection settings as
 * one table; health and changes where the registry records them. Nothing empty is listed.
 */
export function systemOverview(model: Model) {
  const integrations = [...model.integrations.values()].sort(byTitle);
  const external = (i: (typeof integrations)[number]) =>
    [i.data.provider, ...(model.analysis.consumersOf.get(i.id) ?? [])].some((r) => model.repositories.get(r)?.data.kind === 'external');
  const byKind = (list: typeof integrations) =>
    [...Map.groupBy(list, (i) => INTEGRATION_TYPE[i.data.type])].sort(([a], [b]) => a.localeCompare(b)).map(([kind, items]) => ({ kind, integrations: items }));
  const name = model.ecosystem?.data.name ?? 'the ecosystem';
  return {
    sides: [
      { title: `Within ${name}`, kinds: byKind(integrations.filter((i) => !external(i))) },
      { title: 'With external systems', kinds: byKind(integrations.filter(external)) },
    ].filter((side) => side.kinds.length > 0),
    connections: integrations
      .filter((i) => i.data.connection)
      .map((i) => {
        const c = i.data.connection!;
        return {
          id: i.id,
          title: i.data.title,
          endpoint: c.endpoint,
          timeout: c.timeoutMs === undefined ? null : millis(c.timeoutMs),
          retry: c.retry ?? null,
          rateLimit: c.rateLimit ?? null,
          credentials: c.credentials ?? null,
        };
      }),
    health: integrations
      .filter((i) => i.data.health)
      .map((i) => ({
        id: i.id,
        title: i.data.title,
        uptime: percent(i.data.health!.uptime),
        errorRate: percent(i.data.health!.errorRate),
        response: millis(i.data.health!.avgResponseMs),
      })),
    changes: integrations
      .flatMap((i) => (i.data.changelog ?? []).map((c) => ({ id: i.id, title: i.data.title, date: c.date, summary: c.summary })))
      .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title)),
  };
}
