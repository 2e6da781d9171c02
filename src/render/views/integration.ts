import type { Model } from '../../core/model.ts';
import { UNKNOWN } from '../../core/schemas/index.ts';
import { AUTH, count, growth, INTEGRATION_STATUS, INTEGRATION_TYPE, millis, NOT_RECORDED, participants, percent, recorded, route } from '../labels.ts';
import { toMermaid } from '../../diagrams/graph-text.ts';
import { sequenceOf } from '../../diagrams/graph.ts';
import { namer } from './common.ts';

/** One integration with every field the registry holds: who, how, whom to call, health, failure, lifecycle, history. */
export function integrationView(model: Model, id: string) {
  const i = model.integrations.get(id)!.data;
  const name = namer(model);
  // `unknown` as a team (no team is known) is said as such, not as a team called unknown.
  const { noTeam } = name;
  const dep = i.lifecycle?.deprecation;
  const sequence = sequenceOf(model, id);
  return {
    id,
    title: i.title,
    purpose: i.purpose,
    participants: participants(i.provider, i.consumers, i.direction === 'both-ways', name.repo),
    repositories: [...(i.provider === UNKNOWN ? [] : [i.provider]), ...model.analysis.consumersOf.get(id)!].map((r) => ({
      id: r,
      name: name.repo(r),
      path: `../repositories/${r}.md`,
    })),
    /** `known: false` when the registry records no provider (`provider: unknown`): shown as such, never linked. */
    provider: { id: i.provider, name: name.repo(i.provider), known: i.provider !== UNKNOWN },
    consumers: model.analysis.consumersOf.get(id)!.map((r) => ({ id: r, name: name.repo(r) })),
    allClients: i.consumers === 'all-clients',
    bothWays: i.direction === 'both-ways',
    type: INTEGRATION_TYPE[i.type],
    typeKey: i.type,
    typeDetail: i.typeDetail ?? null,
    protocol: i.protocol,
    auth: AUTH[i.auth ?? 'unknown'],
    format: i.format ?? null,
    requestPattern: i.requestPattern ?? null,
    owner: name.team(i.owner),
    ownerId: i.owner,
    /** The owner as a document says it: "Core team", or "owner unknown" for a team that is not known. */
    ownerTeam: noTeam(i.owner) ? 'owner unknown' : `${name.team(i.owner)} team`,
    version: recorded(i.version) ?? NOT_RECORDED,
    lastUpdated: recorded(i.lastUpdated) ?? NOT_RECORDED,
    status: INTEGRATION_STATUS[i.status],
    phase: i.lifecycle?.phase ?? null,
    deprecation: dep
      ? {
          announced: dep.announced,
          sunset: dep.sunset,
          migration: dep.migration,
          replacement: dep.replacement ? { id: dep.replacement, title: name.integration(dep.replacement), path: `${dep.replacement}.md` } : null,
        }
      : null,
    maintenance: (i.maintenance ?? [{ team: i.owner }]).map((m) => ({
      team: name.team(m.team),
      who: noTeam(m.team) ? name.team(m.team) : `${name.team(m.team)} team`,
      scope: m.scope ?? null,
    })),
    /** The operations the integration lists (an imported spec's, or written by hand), for the exported document. */
    operations: (i.operations ?? []).map((o) => ({ method: o.method, path: o.path, summary: o.summary ?? '' })),
    docs: i.docs ?? [],
    components: i.components ?? [],
    contacts: i.contacts ? { primary: i.contacts.primary, secondary: i.contacts.secondary ?? '—', escalation: i.contacts.escalation ?? '—' } : null,
    health: i.health
      ? {
          uptime: percent(i.health.uptime),
          errorRate: percent(i.health.errorRate),
          response: millis(i.health.avgResponseMs),
          lastIncident: i.health.lastIncident ?? 'None',
        }
      : null,
    usage: i.usage ? { daily: count(i.usage.dailyRequests), peak: `${count(i.usage.peakPerMinute)} req/min`, growth: growth(i.usage.growthMoM) } : null,
    errorHandling: i.errorHandling
      ? [
          ['Retries', i.errorHandling.retries],
          ['Backoff', i.errorHandling.backoff],
          ['Timeout', i.errorHandling.timeoutMs === undefined ? undefined : millis(i.errorHandling.timeoutMs)],
          ['Circuit breaker', i.errorHandling.circuitBreaker],
          ['Fallback', i.errorHandling.fallback],
        ]
          .filter(([, v]) => v !== undefined)
          .map(([label, value]) => ({ label, value: String(value) }))
      : [],
    connection: i.connection
      ? [
          ['Endpoint', i.connection.endpoint],
          ['Timeout', i.connection.timeoutMs === undefined ? undefined : millis(i.connection.timeoutMs)],
          ['Retry', i.connection.retry],
          ['Rate limit', i.connection.rateLimit],
          ['Credentials', i.connection.credentials],
        ]
          .filter(([, v]) => v !== undefined)
          .map(([label, value]) => ({ label, value: String(value) }))
      : [],
    events: (i.events ?? []).map((e) => ({
      name: e,
      delivery: recorded(model.events.get(e)?.data.delivery) ?? NOT_RECORDED,
      channel: model.events.get(e)?.data.channel ?? '—',
    })),
    routes: (i.routes ?? []).map((r) => ({
      route: route(r),
      backend: r.backend ? name.repo(r.backend) : '-',
      auth: r.auth ? 'Yes' : 'No',
    })),
    patterns: (i.patterns ?? []).map((p) => name.pattern(p)),
    sequence: sequence ? toMermaid(sequence) : null,
    changelog: [...(i.changelog ?? [])].reverse().map((c) => ({ ...c, version: c.version ?? '—', author: c.author ?? '—', details: c.details ?? [] })),
  };
}
