import type { Model } from '../../core/model.ts';
import type { Integration } from '../../core/schemas/index.ts';
import { AUTH, millis, participants, recorded } from '../labels.ts';
import { namer } from './common.ts';

/** Registry values in the words of the strategy seed's choices, where one fits. */
const INTEGRATION_TYPE_CHOICE: Partial<Record<Integration['type'], string>> = {
  rest: 'API-based',
  graphql: 'API-based',
  grpc: 'API-based',
  websocket: 'API-based',
  webhook: 'API-based',
  'cross-app-auth': 'API-based',
  event: 'Event-driven',
  'shared-database': 'Database-shared',
  file: 'File-based',
  'message-queue': 'Message Queue',
};
const PROTOCOL_CHOICE: Partial<Record<Integration['type'], string>> = {
  rest: 'HTTP REST',
  webhook: 'HTTP REST',
  'cross-app-auth': 'HTTP REST',
  websocket: 'WebSocket',
  'message-queue': 'Message Queue',
  event: 'Message Queue',
  'shared-database': 'Database Events',
};
const AUTH_CHOICE: Partial<Record<NonNullable<Integration['auth']>, string>> = {
  jwt: 'JWT',
  'api-key': 'API Key',
  oauth2: 'OAuth',
  'internal-token': 'Internal Token',
};
const SECURITY_CHOICE: Partial<Record<NonNullable<Integration['auth']>, string>> = { jwt: 'JWT tokens', 'api-key': 'API keys', mtls: 'Mutual TLS' };
const PATTERN_CHOICE = { synchronous: 'Synchronous', asynchronous: 'Asynchronous', 'fire-and-forget': 'Fire-and-forget' } as const;
const DELIVERY_CHOICE = {
  'at-least-once': 'At-least-once',
  'exactly-once': 'Exactly-once',
  'best-effort': 'Best-effort',
  'at-most-once': 'At-most-once',
} as const;

export interface StrategyInput {
  integrations: string[];
  program?: string;
  title?: string;
  authors?: string[];
  date?: string;
  version?: string;
  status?: string;
  history?: { version: string; date: string; authors: string[]; summary: string }[];
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/**
 * The Integration Strategy (seed 003) for a set of integrations: every slot the registry can
 * answer is filled; the rest keep the seed's `[placeholders]` for the author.
 */
export function strategyView(model: Model, input: StrategyInput) {
  const name = namer(model);
  const chosen = input.integrations.map((id) => model.integrations.get(id)).filter((i) => i !== undefined);
  const componentIds = [...new Set(chosen.flatMap((i) => [i.data.provider, ...model.analysis.consumersOf.get(i.id)!]))];
  const eventIds = [...new Set(chosen.flatMap((i) => i.data.events ?? []))];
  const events = eventIds.map((id) => ({ name: id, ...model.events.get(id)!.data }));
  const eventIntegrations = chosen.filter((i) => i.data.type === 'event' || i.data.events?.length);
  const technology = mostCommon(eventIntegrations.map((i) => i.data.protocol));

  return {
    program: input.program ?? null,
    version: input.version ?? '0.1.0',
    date: input.date ?? null,
    authors: input.authors ?? [],
    status: input.status ?? null,
    history: (input.history ?? []).map((h) => ({ ...h, authors: h.authors.join(', ') })),
    components: componentIds.map((id) => {
      const r = model.repositories.get(id)!.data;
      return { name: r.name, purpose: r.purpose, role: r.role };
    }),
    pairs: chosen.map((i) => {
      const d = i.data;
      const e = d.errorHandling;
      const payloadEvents = (d.events ?? []).map((id) => model.events.get(id)!);
      return {
        title: d.title,
        participants: participants(d.provider, d.consumers, d.direction === 'both-ways', name.repo),
        integrationType: INTEGRATION_TYPE_CHOICE[d.type] ?? null,
        format: d.format ?? null,
        payload: payloadEvents.length ? JSON.stringify(Object.fromEntries(payloadEvents.map((ev, k) => [d.events![k]!, ev.data.payload])), null, 2) : null,
        protocol: PROTOCOL_CHOICE[d.type] ? `${PROTOCOL_CHOICE[d.type]} (${d.protocol})` : d.protocol,
        // An unknown method stays a placeholder for the author, never a guess.
        auth: recorded(d.auth) ? (AUTH_CHOICE[d.auth!] ?? AUTH[d.auth!]) : null,
        endpoint: d.connection?.endpoint ?? null,
        pattern: d.requestPattern ? PATTERN_CHOICE[d.requestPattern] : null,
        retry: e?.retries !== undefined ? `${e.retries} retries${e.backoff ? `, ${e.backoff}` : ''}` : null,
        timeout:
          e?.timeoutMs !== undefined
            ? `${millis(e.timeoutMs)}${e.fallback ? `; fallback: ${e.fallback}` : ''}`
            : e?.fallback
              ? `Fallback: ${e.fallback}`
              : null,
        circuitBreaker: e?.circuitBreaker ?? null,
      };
    }),
    events,
    eventTechnology: technology && /kafka/i.test(technology) ? 'Apache Kafka' : technology && /rabbit|amqp/i.test(technology) ? 'RabbitMQ' : technology,
    delivery: mostCommon(events.flatMap((ev) => (recorded(ev.delivery) ? [DELIVERY_CHOICE[ev.delivery as keyof typeof DELIVERY_CHOICE]] : []))),
    authMethod: (() => {
      const a = mostCommon(chosen.map((i) => recorded(i.data.auth)).filter((x) => x !== undefined));
      return a ? (SECURITY_CHOICE[a as NonNullable<Integration['auth']>] ?? AUTH[a as NonNullable<Integration['auth']>]) : null;
    })(),
  };
}
