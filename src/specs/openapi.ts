// An OpenAPI 3.x or Swagger 2.0 document, dereferenced, read into operations, servers and security.
import { record as obj, text } from '../core/loose.ts';
import type { Schema } from './schema.ts';

export interface ApiOperation {
  method: string;
  path: string;
  summary?: string;
  operationId?: string;
  description?: string;
  deprecated?: boolean;
  /** Plexus auth methods any of which the operation accepts; `none` when the spec says it needs none (`security: []`), `unknown` when the spec has no security at all. */
  auth: string[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema?: Schema; example?: unknown }[];
  request?: { contentType: string; schema?: Schema; required: boolean };
  responses: { status: string; description?: string; contentType?: string; schema?: Schema; headers?: string[] }[];
}

export interface OpenApiSpec {
  kind: 'openapi';
  version: string;
  title: string;
  description?: string;
  apiVersion?: string;
  /** Server URLs; a Swagger 2.0 document without `schemes` gives `//host/basePath`, to be read with the scheme it was fetched with (`schemeOf`). */
  servers: string[];
  operations: ApiOperation[];
  /** Security scheme name → Plexus auth method (or undefined where none fits) and its type as written. */
  schemes: Record<string, { auth?: string; type: string; scopes?: string[] }>;
  /** What the registry's fields do not hold, named so an import can say so: webhooks (3.1) and each operation's callbacks and response links. */
  extras?: { webhooks: string[]; callbacks: string[]; links: string[] };
  /** The named schemas (`components.schemas`; `definitions` in 2.0), dereferenced: the same objects operations use, so pages can call them by name. */
  schemas?: Record<string, Schema>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Plexus's auth method for a security scheme, or undefined where none fits. */
function authOf(scheme: Record<string, unknown>): string | undefined {
  const type = String(scheme.type ?? '');
  if (type === 'apiKey') return scheme.in === 'cookie' ? 'session-token' : 'api-key';
  if (type === 'basic') return 'basic';
  if (type === 'http') {
    const http = String(scheme.scheme ?? '').toLowerCase();
    // A bearer token is a JWT only when the scheme says so (bearerFormat); an opaque OAuth token stays bearer.
    if (http === 'bearer') return String(scheme.bearerFormat ?? '').toUpperCase() === 'JWT' ? 'jwt' : 'bearer';
    return http === 'basic' ? 'basic' : undefined;
  }
  if (type === 'oauth2' || type === 'openIdConnect') return 'oauth2';
  if (type === 'mutualTLS') return 'mtls';
  return undefined;
}

/** What Plexus keeps of an OpenAPI document: `raw` as written, `api` with its `$ref`s resolved. */
export function summariseOpenApi(raw: Record<string, unknown>, api: Record<string, unknown>): OpenApiSpec {
  const info = obj(api.info);
  const swagger2 = text(raw.swagger) !== undefined;
  const schemeDefs = obj(swagger2 ? api.securityDefinitions : obj(api.components).securitySchemes);
  const schemes: OpenApiSpec['schemes'] = {};
  for (const [name, s] of Object.entries(schemeDefs)) {
    // OAuth scopes: 3.x lists them per flow, 2.0 on the scheme.
    const flows = Object.values(obj(obj(s).flows)).map((f) => obj(obj(f).scopes));
    const scopes = [...new Set([...flows, obj(obj(s).scopes)].flatMap((x) => Object.keys(x)))];
    schemes[name] = { auth: authOf(obj(s)), type: String(obj(s).type ?? ''), ...(scopes.length > 0 ? { scopes } : {}) };
  }
  const authFor = (security: unknown): string[] => {
    // No security section says nothing about auth; an empty one says there is none.
    if (!Array.isArray(security)) return ['unknown'];
    if (security.length === 0) return ['none'];
    const methods = new Set<string>();
    for (const requirement of security) {
      const names = Object.keys(obj(requirement));
      if (names.length === 0) methods.add('none');
      for (const n of names) methods.add(schemes[n]?.auth ?? n);
    }
    return [...methods];
  };
  const servers = swagger2
    ? text(api.host)
      ? Array.isArray(api.schemes) && api.schemes.length > 0
        ? api.schemes.map((s) => `${String(s)}://${String(api.host)}${text(api.basePath) ?? ''}`)
        : // No schemes: Swagger 2.0 says the scheme is the one the document was fetched with, which only the reader knows.
          [`//${String(api.host)}${text(api.basePath) ?? ''}`]
      : []
    : (Array.isArray(api.servers) ? api.servers : []).flatMap((s) => (text(obj(s).url) ? [text(obj(s).url)!] : []));
  const operations: ApiOperation[] = [];
  const extras = { webhooks: Object.keys(obj(api.webhooks)), callbacks: [] as string[], links: [] as string[] };
  for (const [path, item] of Object.entries(obj(api.paths))) {
    const pathParameters = Array.isArray(obj(item).parameters) ? (obj(item).parameters as unknown[]) : [];
    for (const method of METHODS) {
      const op = obj(item)[method];
      if (!op || typeof op !== 'object') continue;
      const o = obj(op);
      for (const name of Object.keys(obj(o.callbacks))) extras.callbacks.push(`${method.toUpperCase()} ${path} → ${name}`);
      for (const [status, r] of Object.entries(obj(o.responses)))
        for (const name of Object.keys(obj(obj(r).links))) extras.links.push(`${method.toUpperCase()} ${path} ${status} → ${name}`);
      const params = [...pathParameters, ...(Array.isArray(o.parameters) ? o.parameters : [])].map(obj);
      const body = params.find((p) => p.in === 'body');
      const content = obj(obj(o.requestBody).content);
      const [contentType, media] = Object.entries(content)[0] ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: text(o.summary),
        operationId: text(o.operationId),
        description: text(o.description),
        deprecated: o.deprecated === true || undefined,
        auth: authFor(o.security ?? api.security),
        parameters: params
          .filter((p) => p.in !== 'body' && p.in !== 'formData')
          .map((p) => ({
            name: String(p.name ?? ''),
            in: String(p.in ?? ''),
            required: p.required === true,
            description: text(p.description),
            schema: p.schema ? obj(p.schema) : text(p.type) ? { type: p.type, format: p.format, default: p.default } : undefined,
            example: p.example ?? obj(Object.values(obj(p.examples))[0]).value,
          })),
        request: body
          ? { contentType: 'application/json', schema: obj(body.schema), required: body.required === true }
          : contentType
            ? { contentType, schema: obj(media).schema ? obj(obj(media).schema) : undefined, required: obj(o.requestBody).required === true }
            : undefined,
        responses: Object.entries(obj(o.responses)).map(([status, r]) => {
          const response = obj(r);
          const [type, m] = Object.entries(obj(response.content))[0] ?? [];
          const schema = swagger2 ? response.schema : obj(m).schema;
          const headers = Object.keys(obj(response.headers));
          return {
            status,
            description: text(response.description),
            contentType: type,
            schema: schema ? obj(schema) : undefined,
            ...(headers.length > 0 ? { headers } : {}),
          };
        }),
      });
    }
  }
  return {
    kind: 'openapi',
    version: text(raw.openapi) ?? text(raw.swagger) ?? '',
    title: text(info.title) ?? '',
    description: text(info.description) ?? text(info.summary),
    apiVersion: text(info.version),
    servers,
    operations,
    schemes,
    extras,
    schemas: obj(swagger2 ? api.definitions : obj(api.components).schemas) as Record<string, Schema>,
  };
}

/**
 * A server URL with its scheme: `//host/base` (Swagger 2.0 without `schemes`) takes the scheme of
 * the URL the document was fetched from; read from a file it has none, and is undefined.
 */
export function withScheme(server: string, location: string): string | undefined {
  if (!server.startsWith('//')) return server;
  const fetchedWith = /^(https?):/i.exec(location)?.[1];
  return fetchedWith ? `${fetchedWith.toLowerCase()}:${server}` : undefined;
}
