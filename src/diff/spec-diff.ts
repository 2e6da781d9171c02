// What changed incompatibly between two readings of one OpenAPI or AsyncAPI document, over the
// operations and messages Plexus already summarises (src/specs/openapi.ts, asyncapi.ts).
//
// Why not a library: openapi-diff (npm) reads OpenAPI 3.0 and Swagger 2.0 but not 3.1, fetches
// `$ref`s itself (axios) past Plexus's file gate, and brings an older swagger-parser; Optic's
// @useoptic/openapi-utilities pulls in ajv, chalk, lodash and node-machine-id for a rules engine
// Plexus does not need; oasdiff is Go. Plexus has already dereferenced both documents (3.1
// included) by the time it compares them, so what is left is a walk over a few hundred operations.
import type { Schema } from '../specs/schema.ts';
import type { ApiOperation, OpenApiSpec } from '../specs/openapi.ts';
import type { AsyncApiSpec } from '../specs/asyncapi.ts';

/** One incompatible change in a spec: what an existing caller would notice. */
export interface SpecBreak {
  /** `GET /orders/{id}` or a message name. */
  target: string;
  /** What changed, in a clause: "was removed", "parameter limit (query) became required". */
  what: string;
}

const opKey = (o: Pick<ApiOperation, 'method' | 'path'>) => `${o.method} ${o.path}`;

/** The type a schema declares, as one word: string, integer, array, object, or several with |. */
function typeOf(schema: Schema | undefined): string | undefined {
  if (!schema) return undefined;
  const t = schema.type;
  if (Array.isArray(t)) return [...t].map(String).sort().join('|');
  if (typeof t === 'string') return t;
  if (schema.properties && typeof schema.properties === 'object') return 'object';
  if (schema.items) return 'array';
  return undefined;
}

/** Properties removed or changed in type, from `old` to `now`, one level and into nested objects (to a depth; schemas may contain themselves). */
function schemaBreaks(old: Schema | undefined, now: Schema | undefined, where: string, depth = 0): string[] {
  if (!old || !now || depth > 6) return [];
  const before = typeOf(old);
  const after = typeOf(now);
  if (before && after && before !== after) return [`${where || 'the schema'} changed type from ${before} to ${after}`];
  if (before === 'array') return schemaBreaks(old.items as Schema | undefined, now.items as Schema | undefined, `${where}[]`, depth + 1);
  const oldProps = (old.properties ?? {}) as Record<string, Schema>;
  const newProps = (now.properties ?? {}) as Record<string, Schema>;
  const found: string[] = [];
  for (const [name, schema] of Object.entries(oldProps)) {
    const path = where ? `${where}.${name}` : name;
    if (!(name in newProps)) found.push(`${path} was removed`);
    else found.push(...schemaBreaks(schema, newProps[name], path, depth + 1));
  }
  return found;
}

/** The response schema of the first 2xx response (or default) an operation has. */
function success(op: ApiOperation): Schema | undefined {
  const r = op.responses.find((x) => /^2/.test(x.status)) ?? op.responses.find((x) => x.status === 'default');
  return r?.schema;
}

/** Incompatible changes from one OpenAPI reading to the next. */
export function openApiBreaks(old: OpenApiSpec, now: OpenApiSpec): SpecBreak[] {
  const found: SpecBreak[] = [];
  const after = new Map(now.operations.map((o) => [opKey(o), o]));
  for (const op of old.operations) {
    const target = opKey(op);
    const next = after.get(target);
    if (!next) {
      found.push({ target, what: 'was removed' });
      continue;
    }
    const params = new Map(op.parameters.map((p) => [`${p.name} (${p.in})`, p]));
    const nextParams = new Map(next.parameters.map((p) => [`${p.name} (${p.in})`, p]));
    for (const [name, p] of params) {
      const q = nextParams.get(name);
      if (!q) found.push({ target, what: `parameter ${name} was removed` });
      else {
        if (q.required && !p.required) found.push({ target, what: `parameter ${name} became required` });
        const [a, b] = [typeOf(p.schema), typeOf(q.schema)];
        if (a && b && a !== b) found.push({ target, what: `parameter ${name} changed type from ${a} to ${b}` });
      }
    }
    for (const [name, q] of nextParams) if (!params.has(name) && q.required) found.push({ target, what: `required parameter ${name} was added` });
    if (next.request?.required && !op.request?.required) found.push({ target, what: 'the request body became required' });
    for (const clause of schemaBreaks(op.request?.schema, next.request?.schema, '')) found.push({ target, what: `request body: ${clause}` });
    for (const clause of schemaBreaks(success(op), success(next), '')) found.push({ target, what: `response: ${clause}` });
    const [authBefore, authAfter] = [[...op.auth].sort().join(', '), [...next.auth].sort().join(', ')];
    if (authBefore !== authAfter) found.push({ target, what: `security changed from ${authBefore} to ${authAfter}` });
  }
  return found;
}

/** Incompatible changes from one AsyncAPI reading to the next: messages removed, payload properties removed or retyped. */
export function asyncApiBreaks(old: AsyncApiSpec, now: AsyncApiSpec, only: (name: string) => boolean = () => true): SpecBreak[] {
  const found: SpecBreak[] = [];
  const after = new Map(now.messages.map((m) => [m.name, m]));
  for (const m of old.messages) {
    if (!only(m.name)) continue;
    const next = after.get(m.name);
    if (!next) found.push({ target: m.name, what: 'was removed' });
    else for (const clause of schemaBreaks(m.payload, next.payload, '')) found.push({ target: m.name, what: `payload: ${clause}` });
  }
  return found;
}
