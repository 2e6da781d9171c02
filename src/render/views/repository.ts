import type { Model } from '../../core/model.ts';
import { AUTH, INTEGRATION_TYPE, millis, NOT_RECORDED, recorded, REPOSITORY_STATUS, route } from '../labels.ts';
import { namer } from './common.ts';

/** How a caller authenticates, as the line to add to each request. */
const AUTH_HEADER: Record<string, string | null> = {
  jwt: 'Authorization: Bearer <token>',
  oauth2: 'Authorization: Bearer <access token>',
  'api-key': 'X-API-Key: <key>',
  'session-token': 'X-Session-Token: <token>',
  'internal-token': 'X-Internal-Token: <token>',
  basic: 'Authorization: Basic <credentials>',
  mtls: null,
  none: null,
};
const CALLS = new Set(['rest', 'graphql', 'grpc', 'websocket', 'cross-app-auth', 'webhook']);

/**
 * One repository's integration document (seed 001): the tables each pattern asks for,
 * each present only where the registry has data for it.
 */
export function repositoryView(model: Model, id: string) {
  const repo = model.repositories.get(id)!.data;
  const links = model.analysis.links.get(id)!;
  const name = namer(model);
  const upstream = links.consumes.map((i) => model.integrations.get(i)!).filter((i) => CALLS.has(i.data.type));
  const events = (ids: string[]) => ids.map((e) => ({ id: e, event: model.events.get(e)!.data }));
  const gateway = links.provides.map((i) => model.integrations.get(i)!.data).filter((i) => i.routes?.length || i.aggregations?.length);

  return {
    id,
    name: repo.name,
    purpose: repo.purpose,
    role: repo.role ?? NOT_RECORDED,
    kind: repo.kind,
    status: REPOSITORY_STATUS[repo.status],
    url: recorded(repo.url) ?? null,
    team: name.team(repo.team),
    domain: repo.domain ?? null,
    upstream: upstream.map((i) => ({
      integration: { id: i.id, title: i.data.title },
      serviceId: i.data.provider,
      service: name.repo(i.data.provider),
      auth: i.data.auth && i.data.auth !== 'none' && recorded(i.data.auth) !== undefined ? AUTH[i.data.auth] : null,
      endpoint: i.data.connection?.endpoint ?? null,
      purpose: i.data.purpose,
      type: INTEGRATION_TYPE[i.data.type],
    })),
    authentication: upstream
      .filter((i) => i.data.auth !== 'none' && recorded(i.data.auth) !== undefined)
      .map((i) => ({
        service: name.repo(i.data.provider),
        method: AUTH[i.data.auth!],
        header: AUTH_HEADER[i.data.auth!] ?? null,
      })),
    failureHandling: upstream
      .filter((i) => i.data.errorHandling)
      .map((i) => {
        const e = i.data.errorHandling!;
        return {
          integrationId: i.id,
          service: name.repo(i.data.provider),
          circuitBreaker: e.circuitBreaker ?? null,
          retry: e.retries === undefined ? null : `${e.retries} retries${e.backoff ? `, backoff ${e.backoff}` : ''}`,
          timeout: e.timeoutMs === undefined ? null : millis(e.timeoutMs),
          fallback: e.fallback ?? null,
        };
      }),
    monorepo: repo.packages?.length
      ? {
          workspace: repo.workspace ?? null,
          packages: repo.packages.map((p) => ({ name: p.name, dependsOn: p.dependsOn?.length ? p.dependsOn : null, purpose: p.purpose })),
        }
      : null,
    libraries: (repo.libraries ?? []).map((l) => ({
      name: l.name,
      version: l.version,
      repositoryId: l.repository && model.repositories.has(l.repository) ? l.repository : null,
      location: l.repository ? (recorded(model.repositories.get(l.repository)?.data.url)?.replace(/^https?:\/\//, '') ?? l.repository) : (l.location ?? '—'),
    })),
    consumedEvents: events(links.consumesEvents).map(({ id: e, event }) => ({
      event: e,
      sources: event.producers.map((r) => ({ id: r, name: name.repo(r) })),
      channel: event.channel,
      source: event.producers.map(name.repo).join(', '),
      handling: event.consumers.find((c) => c.repository === id)?.handling ?? '—',
    })),
    producedEvents: events(links.produces).map(({ id: e, event }) => ({
      event: e,
      payload: `{${Object.keys(event.payload).join(', ')}}`,
      channel: event.channel,
      consumerRepos: event.consumers.map((c) => ({ id: c.repository, name: name.repo(c.repository) })),
      consumers: event.consumers.map((c) => name.repo(c.repository)).join(', ') || '—',
    })),
    eventChannels: [...new Set(events([...links.produces, ...links.consumesEvents]).map(({ event }) => event.channel))],
    eventSchemas: events(links.produces)
      .filter(({ event }) => event.schema)
      .map(({ id: e, event }) => ({ event: e, schema: event.schema! })),
    routes: gateway.flatMap((g) =>
      (g.routes ?? []).map((r) => ({
        route: route(r),
        backendId: r.backend ?? null,
        backend: r.backend ? name.repo(r.backend) : '-',
        auth: r.auth ? 'Yes' : 'No',
      })),
    ),
    aggregations: gateway.flatMap((g) =>
      (g.aggregations ?? []).map((a) => ({
        route: a.route,
        sources: a.sources.map((s) => `${name.repo(s.repository)} (${s.data})`),
        sourceRepos: a.sources.map((s) => ({ id: s.repository, name: name.repo(s.repository), data: s.data })),
        timeout: `${a.timeoutMs / 1000}s`,
        partialFailure: a.partialFailure ?? null,
      })),
    ),
    ownedTables: (repo.tables?.owns ?? []).map((t) => ({ name: t.name, purpose: t.purpose, access: t.access ?? 'Read/write (this service only)' })),
    readTables: (repo.tables?.reads ?? []).map((t) => ({
      table: t.table,
      ownerId: t.owner,
      owner: name.repo(t.owner),
      purpose: t.purpose,
      cdc: Boolean(t.cdc),
    })),
    cdc: (repo.tables?.reads ?? []).filter((t) => t.cdc).map((t) => ({ table: t.table, owner: name.repo(t.owner) })),
    blastRadius: links.blastRadius.map(name.repo),
    downstream: links.downstream.map(name.repo),
  };
}
