import { z } from 'zod';
import { ChangeEntry, DocRef, Imported, IsoDate, Link, Percent, Ref, SemVer, Text, UNKNOWN } from './common.ts';

export const INTEGRATION_TYPES = [
  'rest',
  'graphql',
  'grpc',
  'websocket',
  'event',
  'message-queue',
  'npm-package',
  'shared-database',
  'file',
  'webhook',
  'cross-app-auth',
  'dependency',
] as const;
export const INTEGRATION_STATUSES = ['planned', 'in-development', 'production-ready', 'active', 'production', 'deprecated', 'retired'] as const;
export const AUTH_METHODS = ['none', 'jwt', 'bearer', 'session-token', 'api-key', 'oauth2', 'mtls', 'internal-token', 'basic'] as const;
export const LIFECYCLE_PHASES = ['planning', 'documentation', 'implementation', 'deployment', 'maintenance', 'retirement'] as const;

/**
 * The lifecycle phases that fit each status; `check` reports any other pair (PLX057) at the phase.
 *
 * | status | phases that fit |
 * |---|---|
 * | planned | planning, documentation |
 * | in-development | documentation, implementation |
 * | production-ready | deployment, maintenance |
 * | active, production | deployment, maintenance |
 * | deprecated | maintenance, retirement |
 * | retired | retirement |
 *
 * A status written unknown fits every phase.
 */
export const PHASES_BY_STATUS: Record<(typeof INTEGRATION_STATUSES)[number], readonly (typeof LIFECYCLE_PHASES)[number][]> = {
  planned: ['planning', 'documentation'],
  'in-development': ['documentation', 'implementation'],
  'production-ready': ['deployment', 'maintenance'],
  active: ['deployment', 'maintenance'],
  production: ['deployment', 'maintenance'],
  deprecated: ['maintenance', 'retirement'],
  retired: ['retirement'],
};
export const REQUEST_PATTERNS = ['synchronous', 'asynchronous', 'fire-and-forget'] as const;
/** The word that stands for every client application as consumers, as in "API gateway → all clients". */
export const ALL_CLIENTS = 'all-clients';

const Route = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'ANY']).describe('HTTP method.'),
  path: Text.describe('Route path, e.g. "/api/users/*".'),
  backend: Ref('repository').optional().describe('Repository that serves it; omit for the gateway itself.'),
  auth: z.boolean().describe('Whether the route requires authentication.'),
});

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'] as const;

const Operation = z.strictObject({
  method: z.enum(HTTP_METHODS).describe('HTTP method, e.g. GET.'),
  path: Text.describe('Path as the spec writes it, e.g. "/orders/{orderId}".'),
  summary: Text.optional().describe('What it does, one line.'),
  operationId: Text.optional().describe('The operationId in the spec, e.g. "getOrder".'),
});

const Aggregation = z.strictObject({
  route: Text.describe('Aggregating route, e.g. "/api/dashboard".'),
  sources: z
    .array(
      z.strictObject({
        repository: Ref('repository').describe('Repository called.'),
        data: Text.describe('What it contributes, e.g. "profile data".'),
      }),
    )
    .min(1)
    .describe('Repositories it combines.'),
  timeoutMs: z.int().positive().describe('Total timeout in milliseconds.'),
  partialFailure: Text.optional().describe('What happens when a source fails, e.g. "Partial failures return available data".'),
});

const Step = z.strictObject({
  from: Ref('repository').describe('Repository sending the message (a request comes from a consumer, its reply from the provider).'),
  to: Ref('repository').describe('Repository receiving it.'),
  message: Text.describe('What is sent, e.g. "POST /sessions".'),
  reply: z.boolean().optional().describe('True for a response rather than a request.'),
});

/** `content/integrations/<id>.yaml`: how two or more repositories integrate. */
export const IntegrationSchema = z.strictObject({
  title: Text.describe('Title, e.g. "Cross-App Authentication".'),
  provider: Ref('repository').describe(
    'The repository that provides the integration. What that means per type: rest, graphql, grpc, websocket, webhook and cross-app-auth: it serves the API and consumers call it (a webhook provider sends the callbacks consumers registered for); event and message-queue: it publishes and consumers subscribe; shared-database: it owns the data and consumers read or write it; npm-package: it publishes the package and consumers depend on it; file: it produces the files and consumers take them. unknown when no repository is known to provide it (an API a catalog lists with no component providing it): pages say "provider unknown", diagrams draw nothing for it, and /quality/ lists it.',
  ),
  consumers: z
    .union([z.literal(ALL_CLIENTS), z.array(Ref('repository'))])
    .default([])
    .describe(
      'The repositories that use what the provider provides (call it, subscribe to it, read it, depend on it), or "all-clients" for every client application (frontend and monorepo repositories). Empty or left out for an API with no registered consumers yet.',
    ),
  direction: z
    .enum(['one-way', 'both-ways'])
    .default('one-way')
    .describe('one-way (consumers use the provider) or both-ways (each side also calls the other, as in cross-app authentication).'),
  purpose: Text.describe('Why the integration exists.'),
  type: z
    .enum(INTEGRATION_TYPES)
    .describe(
      'Integration type, e.g. rest, event, npm-package, cross-app-auth; dependency when consumers depend on the provider at runtime and how is not recorded.',
    ),
  typeDetail: Text.optional().describe('How the type reads in prose, e.g. "REST API with JWT authentication".'),
  protocol: Text.describe('Wire protocol, e.g. "HTTPS", "Kafka", "WebSocket".'),
  auth: z
    .enum([...AUTH_METHODS, UNKNOWN])
    .optional()
    .describe(
      'Authentication: none, jwt, bearer (a bearer token not said to be a JWT), session-token, api-key, oauth2, mtls, internal-token or basic; leave it out or write unknown when it is not known (pages say "not recorded").',
    ),
  format: Text.optional().describe('Data exchange format, e.g. "JSON".'),
  requestPattern: z.enum(REQUEST_PATTERNS).optional().describe('synchronous, asynchronous or fire-and-forget.'),
  owner: Ref('team').describe(
    'Team that owns the integration (teams/<id>.yaml); unknown when no team is known to own it (a catalog owner that is not in the catalog): pages say "owner unknown" and link no team, no team is told or called for it, and /quality/ lists it.',
  ),
  maintenance: z
    .array(z.strictObject({ team: Ref('team').describe('Team.'), scope: Text.optional().describe('What it maintains, e.g. "backend APIs".') }))
    .optional()
    .describe('Who maintains which part; defaults to the owner.'),
  docs: z.array(Link).optional().describe('Where it is documented: relative paths or http(s) URLs.'),
  documents: z.array(DocRef).optional().describe('Registry documents about it, by id (path under docs/ without extension).'),
  components: z.array(Text).optional().describe('Key components.'),
  version: z
    .union([SemVer, z.literal(UNKNOWN)])
    .optional()
    .describe('Version of the contract, e.g. "1.0.0"; leave it out or write unknown when it is not known.'),
  lastUpdated: z
    .union([IsoDate, z.literal(UNKNOWN)])
    .optional()
    .describe('When it last changed; leave it out or write unknown when it is not known.'),
  status: z
    .enum([...INTEGRATION_STATUSES, UNKNOWN])
    .describe('planned, in-development, production-ready, active, production, deprecated or retired; unknown when it is not known.'),
  lifecycle: z
    .strictObject({
      phase: z
        .enum(LIFECYCLE_PHASES)
        .describe(
          'Current phase of the integration lifecycle; it must fit the status: planned: planning or documentation; in-development: documentation or implementation; production-ready, active and production: deployment or maintenance; deprecated: maintenance or retirement; retired: retirement.',
        ),
      deprecation: z
        .strictObject({
          announced: IsoDate.describe('When the deprecation was announced.'),
          sunset: IsoDate.describe('When it stops working.'),
          migration: Text.describe('How consumers migrate.'),
          replacement: Ref('integration').optional().describe('Integration that replaces it.'),
        })
        .optional()
        .describe('Required when status is deprecated.'),
    })
    .optional()
    .describe('Lifecycle phase and deprecation.'),
  health: z
    .strictObject({
      uptime: Percent.describe('Uptime in percent, e.g. 99.95.'),
      errorRate: Percent.describe('Error rate in percent, e.g. 0.05.'),
      avgResponseMs: z.number().nonnegative().nullable().optional().describe('Average response in ms; null where not applicable.'),
      lastIncident: IsoDate.nullable().optional().describe('Date of the last incident; null for none.'),
    })
    .optional()
    .describe('Health figures.'),
  usage: z
    .strictObject({
      dailyRequests: z.int().nonnegative().describe('Requests a day.'),
      peakPerMinute: z.int().nonnegative().describe('Peak requests a minute.'),
      growthMoM: z.number().describe('Growth month on month in percent, e.g. 15.'),
    })
    .optional()
    .describe('Usage figures.'),
  contacts: z
    .strictObject({
      primary: Text.describe('First to call, e.g. "Core Platform team lead".'),
      secondary: Text.optional().describe('Second to call.'),
      escalation: Text.optional().describe('Escalation, e.g. "CTO".'),
    })
    .optional()
    .describe('Whom to call when it breaks.'),
  errorHandling: z
    .strictObject({
      retries: z.int().nonnegative().optional().describe('Retry attempts.'),
      backoff: Text.optional().describe('Backoff, e.g. "exponential: 100ms, 200ms, 400ms".'),
      timeoutMs: z.int().positive().optional().describe('Timeout in milliseconds.'),
      circuitBreaker: Text.optional().describe('Circuit breaker, e.g. "opens after 5 consecutive failures".'),
      fallback: Text.optional().describe('Fallback, e.g. "cached data when available".'),
    })
    .optional()
    .describe('How failures are handled.'),
  connection: z
    .strictObject({
      endpoint: Text.describe('Endpoint, channel or topic, e.g. "user-api:8080".'),
      timeoutMs: z.int().positive().optional().describe('Timeout in milliseconds.'),
      retry: Text.optional().describe('Retry policy.'),
      rateLimit: Text.optional().describe('Rate limit, e.g. "100 req/s per client".'),
      credentials: Text.optional().describe('Where credentials are kept (a reference, never the secret).'),
    })
    .optional()
    .describe('Connection settings.'),
  events: z.array(Ref('event')).optional().describe('Events carried, by id, e.g. "payment.completed".'),
  spec: Link.optional().describe(
    'Its OpenAPI (or Swagger) document: a path in the registry, e.g. "specs/orders-api.yaml", or an http(s) URL. The site shows its operations and schemas; check compares it with operations and auth.',
  ),
  operations: z
    .array(Operation)
    .optional()
    .describe('The API operations it offers; check reports any the spec does not have, and any the spec has that are not listed.'),
  routes: z.array(Route).optional().describe('Gateway routes.'),
  aggregations: z.array(Aggregation).optional().describe('Gateway response aggregation.'),
  patterns: z.array(Ref('pattern')).optional().describe('Patterns followed, by id.'),
  steps: z.array(Step).optional().describe('Interaction steps, in order, for a sequence diagram.'),
  changelog: z.array(ChangeEntry).optional().describe('Change log, newest last.'),
  imported: Imported,
});
export type Integration = z.output<typeof IntegrationSchema>;
