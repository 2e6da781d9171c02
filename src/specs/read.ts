// OpenAPI (Swagger 2.0, OpenAPI 3.0/3.1) and AsyncAPI (2.x, 3.0) documents, read into the few
// facts Plexus uses: operations, security, servers, messages and their schemas. `$ref`s are
// resolved by maintained parsers (@apidevtools/swagger-parser for OpenAPI, its
// json-schema-ref-parser for AsyncAPI); positions come from our own YAML reading of the text.
import $RefParser from '@apidevtools/json-schema-ref-parser';
import SwaggerParser from '@apidevtools/swagger-parser';
import { stringify } from 'yaml';
import { diagnostic } from '../core/codes.ts';
import type { Diagnostic, Position } from '../core/diagnostics.ts';
import { parseYamlSource, type ParsedYaml } from '../core/source.ts';

export type Schema = Record<string, unknown>;

export interface ApiOperation {
  method: string;
  path: string;
  summary?: string;
  operationId?: string;
  description?: string;
  deprecated?: boolean;
  /** Plexus auth methods any of which the operation accepts; `none` when it needs none. */
  auth: string[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema?: Schema }[];
  request?: { contentType: string; schema?: Schema; required: boolean };
  responses: { status: string; description?: string; contentType?: string; schema?: Schema }[];
}

export interface OpenApiSpec {
  kind: 'openapi';
  version: string;
  title: string;
  description?: string;
  apiVersion?: string;
  servers: string[];
  operations: ApiOperation[];
  /** Security scheme name → Plexus auth method (or undefined where none fits) and its type as written. */
  schemes: Record<string, { auth?: string; type: string }>;
}

export interface AsyncMessage {
  /** The message's name: its key where it is defined, or its `name`. */
  name: string;
  channel: string;
  summary?: string;
  description?: string;
  payload?: Schema;
  sends: boolean;
  receives: boolean;
  /** Where the message's operation or channel is written, for drift reports. */
  at: (string | number)[];
}

export interface AsyncApiSpec {
  kind: 'asyncapi';
  version: string;
  title: string;
  description?: string;
  apiVersion?: string;
  protocol?: string;
  messages: AsyncMessage[];
}

export type Spec = (OpenApiSpec | AsyncApiSpec) & { file: string; locate: ParsedYaml['locate'] };

export const OPENAPI_VERSIONS = 'OpenAPI 3.0.x and 3.1.x, Swagger 2.0';
export const ASYNCAPI_VERSIONS = 'AsyncAPI 2.0–2.6 and 3.0';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Where `needle` first stands in `source` (1-based), for errors a parser gives without a position. */
function positionOf(source: string, needle: string): Position {
  const at = needle ? source.indexOf(needle) : -1;
  if (at < 0) return { line: 1, col: 1 };
  const before = source.slice(0, at).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** Parses YAML or JSON text into data with positions; JSON is read natively (fast) and positioned only when asked. */
function parseText(file: string, source: string): { data?: Record<string, unknown>; locate?: ParsedYaml['locate']; diagnostics: Diagnostic[] } {
  if (/^\s*\{/.test(source)) {
    try {
      const data = JSON.parse(source) as Record<string, unknown>;
      let positioned: ParsedYaml | undefined;
      const locate: ParsedYaml['locate'] = (path, target) => (positioned ??= parseYamlSource(file, source).parsed)?.locate(path, target) ?? { line: 1, col: 1 };
      return { data, locate, diagnostics: [] };
    } catch (error) {
      const at = /position (\d+)/.exec((error as Error).message);
      const pos = at ? positionOf(source.slice(0, Number(at[1]) + 1), source.slice(Number(at[1]), Number(at[1]) + 1)) : { line: 1, col: 1 };
      return { diagnostics: [diagnostic('SpecUnreadable', file, pos, { reason: `This JSON does not parse: ${(error as Error).message.split('\n')[0]}` })] };
    }
  }
  const parsed = parseYamlSource(file, source);
  if (!parsed.parsed) return { diagnostics: parsed.diagnostics };
  return { data: parsed.parsed.data, locate: parsed.parsed.locate, diagnostics: [] };
}

/** Plexus's auth method for a security scheme, or undefined where none fits. */
function authOf(scheme: Record<string, unknown>): string | undefined {
  const type = String(scheme.type ?? '');
  if (type === 'apiKey') return scheme.in === 'cookie' ? 'session-token' : 'api-key';
  if (type === 'basic') return 'basic';
  if (type === 'http')
    return String(scheme.scheme ?? '').toLowerCase() === 'basic' ? 'basic' : String(scheme.scheme ?? '').toLowerCase() === 'bearer' ? 'jwt' : undefined;
  if (type === 'oauth2' || type === 'openIdConnect') return 'oauth2';
  if (type === 'mutualTLS') return 'mtls';
  return undefined;
}

function summariseOpenApi(raw: Record<string, unknown>, api: Record<string, unknown>): OpenApiSpec {
  const info = obj(api.info);
  const swagger2 = text(raw.swagger) !== undefined;
  const schemeDefs = obj(swagger2 ? api.securityDefinitions : obj(api.components).securitySchemes);
  const schemes: OpenApiSpec['schemes'] = {};
  for (const [name, s] of Object.entries(schemeDefs)) schemes[name] = { auth: authOf(obj(s)), type: String(obj(s).type ?? '') };
  const authFor = (security: unknown): string[] => {
    if (!Array.isArray(security) || security.length === 0) return ['none'];
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
      ? (Array.isArray(api.schemes) && api.schemes.length > 0 ? api.schemes : ['https']).map(
          (s) => `${String(s)}://${String(api.host)}${text(api.basePath) ?? ''}`,
        )
      : []
    : (Array.isArray(api.servers) ? api.servers : []).flatMap((s) => (text(obj(s).url) ? [text(obj(s).url)!] : []));
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(obj(api.paths))) {
    const shared = Array.isArray(obj(item).parameters) ? (obj(item).parameters as unknown[]) : [];
    for (const method of METHODS) {
      const op = obj(item)[method];
      if (!op || typeof op !== 'object') continue;
      const o = obj(op);
      const params = [...shared, ...(Array.isArray(o.parameters) ? o.parameters : [])].map(obj);
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
            schema: p.schema ? obj(p.schema) : text(p.type) ? { type: p.type, format: p.format } : undefined,
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
          return { status, description: text(response.description), contentType: type, schema: schema ? obj(schema) : undefined };
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
  };
}

/** Follows a local `#/a/b` pointer in the document as written. */
function pointer(doc: Record<string, unknown>, ref: unknown): { key: string; value: Record<string, unknown> } | undefined {
  const r = text(obj(ref).$ref);
  if (!r?.startsWith('#/')) return undefined;
  const parts = r
    .slice(2)
    .split('/')
    .map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')));
  let node: unknown = doc;
  for (const p of parts) node = obj(node)[p];
  return node && typeof node === 'object' ? { key: parts[parts.length - 1]!, value: obj(node) } : undefined;
}

function summariseAsyncApi(raw: Record<string, unknown>, api: Record<string, unknown>): AsyncApiSpec {
  const info = obj(api.info);
  const version = text(raw.asyncapi) ?? '';
  const server = Object.values(obj(api.servers))[0];
  const messages: AsyncMessage[] = [];
  const add = (m: Omit<AsyncMessage, 'sends' | 'receives'>, action: 'send' | 'receive' | undefined) => {
    let found = messages.find((x) => x.name === m.name && x.channel === m.channel);
    if (!found) messages.push((found = { ...m, sends: false, receives: false }));
    if (action === 'send') found.sends = true;
    if (action === 'receive') found.receives = true;
  };
  if (version.startsWith('2.')) {
    // 2.x names operations from the reader's side: `subscribe` is what the application sends, `publish` what it receives.
    for (const [address, channel] of Object.entries(obj(api.channels))) {
      for (const [verb, action] of [
        ['subscribe', 'send'],
        ['publish', 'receive'],
      ] as const) {
        const op = obj(obj(channel)[verb]);
        if (Object.keys(op).length === 0) continue;
        const rawMessage = obj(obj(obj(raw.channels)[address])[verb]).message;
        const oneOf = Array.isArray(obj(op.message).oneOf) ? (obj(op.message).oneOf as unknown[]) : [op.message];
        const rawOneOf = Array.isArray(obj(rawMessage).oneOf) ? (obj(rawMessage).oneOf as unknown[]) : [rawMessage];
        oneOf.forEach((message, i) => {
          const m = obj(message);
          const name = text(m.name) ?? text(m.messageId) ?? pointer(raw, rawOneOf[i])?.key ?? text(op.operationId) ?? address;
          add(
            {
              name,
              channel: address,
              summary: text(m.summary) ?? text(op.summary),
              description: text(m.description),
              payload: m.payload ? obj(m.payload) : undefined,
              at: ['channels', address, verb],
            },
            action,
          );
        });
      }
    }
  } else {
    // 3.0: channels hold messages; operations say send or receive, pointing at a channel and its messages.
    const channelsRaw = obj(raw.channels);
    for (const [channelId, channel] of Object.entries(obj(api.channels))) {
      const address = text(obj(channel).address) ?? channelId;
      for (const [key, message] of Object.entries(obj(obj(channel).messages))) {
        const m = obj(message);
        const name = text(m.name) ?? pointer(raw, obj(obj(channelsRaw[channelId]).messages)[key])?.key ?? key;
        add(
          {
            name,
            channel: address,
            summary: text(m.summary),
            description: text(m.description),
            payload: m.payload ? obj(m.payload) : undefined,
            at: ['channels', channelId],
          },
          undefined,
        );
      }
    }
    for (const [opId, opRaw] of Object.entries(obj(raw.operations))) {
      const action = obj(opRaw).action === 'send' ? 'send' : obj(opRaw).action === 'receive' ? 'receive' : undefined;
      const channel = pointer(raw, obj(opRaw).channel);
      if (!channel) continue;
      const address = text(obj(obj(api.channels)[channel.key]).address) ?? channel.key;
      const refs = Array.isArray(obj(opRaw).messages)
        ? (obj(opRaw).messages as unknown[])
        : Object.values(obj(channel.value.messages)).map((_, i) => ({
            $ref: `#/channels/${channel.key}/messages/${Object.keys(obj(channel.value.messages))[i]}`,
          }));
      for (const ref of refs) {
        const target = pointer(raw, ref);
        if (!target) continue;
        const resolved = pointer(raw, target.value) ?? target;
        const name = text(resolved.value.name) ?? resolved.key;
        const existing = messages.find((x) => x.name === name && x.channel === address);
        if (existing) {
          existing.at = ['operations', opId];
          if (action === 'send') existing.sends = true;
          if (action === 'receive') existing.receives = true;
        } else add({ name, channel: address, at: ['operations', opId] }, action);
      }
    }
  }
  return {
    kind: 'asyncapi',
    version,
    title: text(info.title) ?? '',
    description: text(info.description),
    apiVersion: text(info.version),
    protocol: text(obj(server).protocol),
    messages,
  };
}

/**
 * The spec as one file: its own text when every `$ref` is inside it, otherwise bundled (the files
 * it points at folded in, as internal `$ref`s), so a copy kept in the registry reads on its own.
 */
export async function selfContained(location: string, source: string, kind: 'openapi' | 'asyncapi'): Promise<string> {
  if (!/["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"']/.test(source)) return source;
  const options = { resolve: { http: { timeout: 20_000 } } } as never;
  const bundled = kind === 'openapi' ? await SwaggerParser.bundle(location, options) : await $RefParser.bundle(location, options);
  return /^\s*\{/.test(source) ? `${JSON.stringify(bundled, null, 2)}\n` : stringify(bundled, { lineWidth: 0 });
}

/**
 * Reads one spec: `source` is its text, `location` its path or URL (for relative `$ref`s), `file`
 * how messages name it. External `$ref`s are followed on disk, and over http(s) only when `http`.
 */
export async function readSpec(
  file: string,
  location: string,
  source: string,
  options: { http?: boolean } = {},
): Promise<{ spec?: Spec; diagnostics: Diagnostic[] }> {
  const parsed = parseText(file, source);
  if (!parsed.data || !parsed.locate) return { diagnostics: parsed.diagnostics };
  const raw = parsed.data;
  const locate = parsed.locate;
  const openapi = text(raw.openapi) ?? (raw.openapi !== undefined ? String(raw.openapi) : undefined);
  const swagger = raw.swagger !== undefined ? String(raw.swagger) : undefined;
  const asyncapi = raw.asyncapi !== undefined ? String(raw.asyncapi) : undefined;
  const kind = openapi !== undefined || swagger !== undefined ? 'openapi' : asyncapi !== undefined ? 'asyncapi' : undefined;
  if (!kind)
    return {
      diagnostics: [
        diagnostic(
          'SpecUnreadable',
          file,
          { line: 1, col: 1 },
          { reason: 'This is not an OpenAPI, Swagger or AsyncAPI document: it has no openapi, swagger or asyncapi key' },
        ),
      ],
    };
  const supported = kind === 'openapi' ? (openapi ? /^3\.[01]\.\d+$/.test(openapi) : swagger === '2.0') : /^(2\.[0-6]\.\d+|3\.0\.\d+)$/.test(asyncapi!);
  if (!supported) {
    const key = openapi !== undefined ? 'openapi' : swagger !== undefined ? 'swagger' : 'asyncapi';
    return {
      diagnostics: [
        diagnostic('SpecVersion', file, locate([key]), {
          found: `${key} ${String(raw[key])}`,
          supported: kind === 'openapi' ? OPENAPI_VERSIONS : ASYNCAPI_VERSIONS,
        }),
      ],
    };
  }
  const options$ = {
    resolve: { http: options.http ? { timeout: 20_000 } : false, external: true },
    dereference: { circular: true as const },
  };
  let api: Record<string, unknown>;
  try {
    const copy = structuredClone(raw);
    api = (kind === 'openapi'
      ? await SwaggerParser.dereference(location, copy as never, options$ as never)
      : await $RefParser.dereference(location, copy, options$ as never)) as unknown as Record<string, unknown>;
  } catch (error) {
    const message = String((error as Error).message ?? error).split('\n')[0]!;
    const ref = /\$ref pointer "([^"]+)"|resolving \$ref pointer "([^"]+)"|"([^"]*#[^"]*)"/.exec(message);
    const target = ref?.[1] ?? ref?.[2] ?? ref?.[3];
    const written = target ? (target.includes('#') ? `#${target.split('#')[1]}` : target) : '';
    const at = written ? positionOf(source, written) : { line: 1, col: 1 };
    return { diagnostics: [diagnostic('SpecUnreadable', file, at, { reason: `A $ref cannot be resolved: ${message.replace(location, file)}` })] };
  }
  const summary = kind === 'openapi' ? summariseOpenApi(raw, api) : summariseAsyncApi(raw, api);
  return { spec: { ...summary, file, locate }, diagnostics: [] };
}
