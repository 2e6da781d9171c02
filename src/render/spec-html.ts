// A spec's operations and schemas as plain HTML: a table, and nested <details> a reader opens
// (no client framework). Every string from the spec is escaped; circular schemas stop where they
// repeat; very large schemas are cut at a depth and a count and say so.
import type { ApiOperation, AsyncMessage, OpenApiSpec, Schema } from '../specs/read.ts';
import { escapeHtml } from './escape-html.ts';
import { inlineMarkdown } from './html.ts';

const MAX_DEPTH = 6;
const MAX_PROPERTIES = 60;

const obj = (v: unknown): Schema => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Schema) : {});

const merged = new WeakMap<Schema, Schema>();
/**
 * A schema with its `allOf` folded in (properties and required of every part), the way readers
 * think of it; the same schema always folds to the same object, so a schema that contains itself
 * is still seen to.
 */
function flat(schema: Schema): Schema {
  if (!Array.isArray(schema.allOf)) return schema;
  let done = merged.get(schema);
  if (done) return done;
  const { allOf, ...rest } = schema;
  done = { type: 'object', ...rest, properties: { ...obj(rest.properties) }, required: [...(Array.isArray(rest.required) ? rest.required : [])] };
  merged.set(schema, done);
  for (const part of allOf as unknown[]) {
    const p = flat(obj(part));
    Object.assign(done.properties as Schema, obj(p.properties));
    if (Array.isArray(p.required)) (done.required as unknown[]).push(...p.required);
    if (done.description === undefined && typeof p.description === 'string') done.description = p.description;
  }
  return done;
}

/** A description from a spec: CommonMark, rendered inline with raw HTML off. */
const prose = (text: string) => `<span class="muted">${inlineMarkdown(text)}</span>`;

/** `string (uuid)`, `array of Order`, `integer ≥ 1`, `"pending" | "paid"`: a schema's type in a few words. */
export function typeOf(schema: Schema): string {
  const s = flat(obj(schema));
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alternatives = (s.oneOf ?? s.anyOf) as unknown;
  if (Array.isArray(alternatives)) return alternatives.map((a) => typeOf(obj(a))).join(' or ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : typeof s.type === 'string' ? s.type : s.properties ? 'object' : s.items ? 'array' : 'any';
  if (type === 'array') return `array of ${typeOf(obj(s.items))}`;
  const format = typeof s.format === 'string' ? ` (${s.format})` : '';
  const bounds = [
    typeof s.minimum === 'number' ? `≥ ${s.minimum}` : '',
    typeof s.maximum === 'number' ? `≤ ${s.maximum}` : '',
    typeof s.minLength === 'number' ? `min length ${s.minLength}` : '',
    typeof s.maxLength === 'number' ? `max length ${s.maxLength}` : '',
  ].filter(Boolean);
  const title = typeof s.title === 'string' && type === 'object' ? ` ${s.title}` : '';
  return `${type}${title}${format}${bounds.length > 0 ? ` ${bounds.join(', ')}` : ''}`;
}

function example(s: Schema): string | undefined {
  const value = s.example ?? (Array.isArray(s.examples) ? s.examples[0] : undefined);
  return value === undefined ? undefined : JSON.stringify(value);
}

/** One schema as a list of its properties, each with type, required, description and example, nested as <details>. */
export function schemaHtml(schema: Schema | undefined, depth = 0, seen: Set<unknown> = new Set()): string {
  if (!schema) return '';
  const s = flat(obj(schema));
  const target = s.type === 'array' || (s.items && !s.properties) ? flat(obj(s.items)) : s;
  const properties = obj(target.properties);
  const names = Object.keys(properties);
  if (names.length === 0) {
    const described = typeof s.description === 'string' ? ` ${prose(s.description)}` : '';
    return `<p class="schema-type"><code>${escapeHtml(typeOf(s))}</code>${described}</p>`;
  }
  if (seen.has(target)) return `<p class="muted">${escapeHtml(typeOf(target))}, as above (it contains itself)</p>`;
  if (depth >= MAX_DEPTH) return `<p class="muted">Nested deeper than ${MAX_DEPTH} levels: see the spec.</p>`;
  const inner = new Set(seen).add(target);
  const required = new Set(Array.isArray(target.required) ? target.required.map(String) : []);
  const rows = names.slice(0, MAX_PROPERTIES).map((name) => {
    const p = flat(obj(properties[name]));
    const shown = example(p);
    const head =
      `<code>${escapeHtml(name)}</code> <span class="schema-type">${escapeHtml(typeOf(p))}</span>` +
      (required.has(name) ? ' <span class="badge">required</span>' : '') +
      (typeof p.description === 'string' ? ` ${prose(p.description)}` : '') +
      (shown !== undefined ? ` <span class="muted">e.g. <code>${escapeHtml(shown)}</code></span>` : '');
    const nested = flat(obj(p.items)).properties || p.properties ? schemaHtml(p, depth + 1, inner) : '';
    return nested ? `<li><details><summary>${head}</summary>${nested}</details></li>` : `<li>${head}</li>`;
  });
  const more = names.length > MAX_PROPERTIES ? `<li class="muted">and ${names.length - MAX_PROPERTIES} more: see the spec</li>` : '';
  const list = s === target || depth > 0 ? '' : `<p class="schema-type"><code>${escapeHtml(typeOf(s))}</code></p>`;
  return `${list}<ul class="schema">${rows.join('')}${more}</ul>`;
}

/** Responses that share one schema (the same problem document for 400, 401, 403…) are shown once. */
function responsesHtml(responses: ApiOperation['responses']): string {
  const groups: { schema?: Schema; responses: ApiOperation['responses'] }[] = [];
  for (const r of responses) {
    const group = r.schema ? groups.find((g) => g.schema === r.schema) : undefined;
    if (group) group.responses.push(r);
    else groups.push({ schema: r.schema, responses: [r] });
  }
  return groups
    .map(({ schema, responses: rs }) => {
      const head =
        rs.length === 1
          ? `Response ${escapeHtml(rs[0]!.status)}${rs[0]!.description ? ` ${prose(rs[0]!.description)}` : ''}`
          : `Responses ${rs.map((r) => `${escapeHtml(r.status)}${r.description ? ` ${prose(r.description)}` : ''}`).join(', ')}`;
      return `<h4>${head}</h4>${schemaHtml(schema)}`;
    })
    .join('');
}

function operationDetails(o: ApiOperation): string {
  const parts: string[] = [];
  if (o.description) parts.push(`<p>${inlineMarkdown(o.description)}</p>`);
  if (o.parameters.length > 0)
    parts.push(
      `<h4>Parameters</h4><ul class="schema">${o.parameters
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> <span class="muted">in ${escapeHtml(p.in)}</span> <span class="schema-type">${escapeHtml(p.schema ? typeOf(p.schema) : 'any')}</span>${p.required ? ' <span class="badge">required</span>' : ''}${p.description ? ` ${prose(p.description)}` : ''}</li>`,
        )
        .join('')}</ul>`,
    );
  if (o.request)
    parts.push(
      `<h4>Request body <span class="muted">${escapeHtml(o.request.contentType)}${o.request.required ? ', required' : ''}</span></h4>${schemaHtml(o.request.schema)}`,
    );
  parts.push(responsesHtml(o.responses));
  return parts.join('');
}

/** The operations of an OpenAPI document: a table, then each operation's parameters and schemas, collapsed. */
export function operationsHtml(spec: OpenApiSpec): string {
  if (spec.operations.length === 0) return '<p class="muted">The spec has no operations.</p>';
  const rows = spec.operations
    .map(
      (o) =>
        `<tr><td><code>${escapeHtml(o.method)}</code></td><td><code>${escapeHtml(o.path)}</code></td><td>${escapeHtml(o.summary ?? '')}${o.deprecated ? ' <span class="badge">deprecated</span>' : ''}</td><td>${o.operationId ? `<code>${escapeHtml(o.operationId)}</code>` : ''}</td><td>${escapeHtml(o.auth.join(', '))}</td></tr>`,
    )
    .join('');
  const table = `<div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Summary</th><th scope="col">operationId</th><th scope="col">Auth</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  const details = spec.operations
    .map(
      (o) =>
        `<details class="operation"><summary><code>${escapeHtml(o.method)} ${escapeHtml(o.path)}</code>${o.summary ? ` ${escapeHtml(o.summary)}` : ''}</summary>${operationDetails(o)}</details>`,
    )
    .join('');
  return `${table}${details}`;
}

/** A message's payload as a schema view. */
export function messageHtml(message: AsyncMessage): string {
  const about = message.description ? `<p>${inlineMarkdown(message.description)}</p>` : '';
  return `${about}${message.payload ? schemaHtml(message.payload) : '<p class="muted">The spec gives no payload schema.</p>'}`;
}
