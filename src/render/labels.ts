import type { Integration, Repository } from '../core/schemas/index.ts';

/** How values read in documents, in the seeds' own words where they have them. */

/** What a page says where the registry does not know a value: never a guess. */
export const NOT_RECORDED = 'not recorded';

export const INTEGRATION_STATUS: Record<Integration['status'], string> = {
  planned: '🗓️ Planned',
  'in-development': '🚧 In Development',
  'production-ready': '✅ Production Ready',
  active: '✅ Active',
  production: '✅ Production',
  deprecated: '⚠️ Deprecated',
  retired: '⛔ Retired',
  unknown: NOT_RECORDED,
};

export const REPOSITORY_STATUS: Record<Repository['status'], string> = {
  planned: '🗓️ Planned',
  active: '✅ Active',
  maintenance: '🛠️ Maintenance',
  deprecated: '⚠️ Deprecated',
  retired: '⛔ Retired',
  unknown: NOT_RECORDED,
};

export const DOCUMENT_STATUS = { draft: '📝 Draft', 'in-review': '🔍 In Review', approved: '✅ Approved', archived: '🗄️ Archived' } as const;

export const INTEGRATION_TYPE: Record<Integration['type'], string> = {
  rest: 'REST API',
  graphql: 'GraphQL',
  grpc: 'gRPC',
  websocket: 'WebSocket',
  event: 'Events',
  'message-queue': 'Message queue',
  'npm-package': 'NPM package',
  'shared-database': 'Shared database',
  file: 'File transfer',
  webhook: 'Webhook',
  'cross-app-auth': 'Cross-app authentication',
  dependency: 'Runtime dependency',
};

/** A value the registry records, or undefined where it is absent or written `unknown`. */
export function recorded<T>(value: T | 'unknown' | undefined | null): Exclude<T, 'unknown'> | undefined {
  return value === undefined || value === null || value === 'unknown' ? undefined : (value as Exclude<T, 'unknown'>);
}

export const AUTH: Record<NonNullable<Integration['auth']>, string> = {
  unknown: NOT_RECORDED,
  none: 'None',
  jwt: 'JWT',
  bearer: 'Bearer token',
  'session-token': 'Session token',
  'api-key': 'API key',
  oauth2: 'OAuth 2.0',
  mtls: 'Mutual TLS',
  'internal-token': 'Internal token',
  basic: 'Basic auth',
};

export const FREQUENCY = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  yearly: 'Yearly',
  'as-needed': 'As needed',
  unknown: NOT_RECORDED,
} as const;

export const percent = (n: number | undefined) => (n === undefined ? '—' : `${n}%`);
export const millis = (n: number | null | undefined) => (n === null || n === undefined ? 'N/A' : `${n} ms`);
/** A gateway route as every page and document writes it: `GET /orders`, `* /legacy/**` for any method. */
export const route = (r: { method: string; path: string }) => `${r.method === 'ANY' ? '*' : r.method} ${r.path}`;
export const count = (n: number) => n.toLocaleString('en-US');
/** `1 repository`, `3 repositories`: a count and its noun, never "repository(s)". */
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
export const growth = (n: number) => `${n >= 0 ? '+' : ''}${n}% MoM`;

/** `2025-10-24` → `October 24, 2025`, as the docs README seed writes dates. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
  return `${month} ${d}, ${y}`;
}

/**
 * Who is on which side, in words that cannot be read backwards: `Provided by Payment Service ·
 * used by Order Service, Admin Portal`, `… · used by all client applications`, `… · no registered
 * consumers`, and `(both ways)` where each side also calls the other.
 */
export function participants(provider: string, consumers: string[] | 'all-clients', both: boolean, names: (id: string) => string): string {
  const used =
    consumers === 'all-clients'
      ? 'used by all client applications'
      : consumers.length > 0
        ? `used by ${consumers.map(names).join(', ')}`
        : 'no registered consumers';
  return `${provider === 'unknown' ? 'Provider unknown' : `Provided by ${names(provider)}`} · ${used}${both ? ' (both ways)' : ''}`;
}
