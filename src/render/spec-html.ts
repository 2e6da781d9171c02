// A spec's operations and schemas as plain HTML: a table, and nested <details> a reader opens
// (no client framework). Every string from the spec is escaped and cut to a length.
//
// A page stays small whatever the spec says, because `$ref`s make a spec a graph, not a tree: 7
// schemas whose 60 properties each `$ref` the next are an 18 KB spec and 60^6 rows written out.
// So a schema is drawn once per page and every later use links back to it (`→ see Order above`),
// which also ends a schema that contains itself; and a page draws at most MAX_ROWS rows, saying
// `… N more` where it stops. After dereferencing, every use of one `$ref` is the same object, so
// "the same schema" is the same object (or the same property list, when a `$ref` had siblings).
import type { ApiOperation, AsyncMessage, OpenApiSpec, Schema } from '../specs/read.ts';
import { breakableHtml, escapeHtml } from './escape-html.ts';
import { inlineMarkdown } from './html.ts';

/** Nesting drawn inline before the view points to the spec. */
const MAX_DEPTH = 6;
/** Properties one schema lists. */
const MAX_PROPERTIES = 60;
/** Rows (operations, parameters, responses, properties) one page draws: each row is bounded, so the page is. */
export const MAX_ROWS = 2000;
/** Characters shown of an operation's or message's description (one each); of a property's or parameter's (one a row); of a name, type or example. */
const MAX_ABOUT = 10_000;
const MAX_PROSE = 2000;
const MAX_TEXT = 200;
/** A type in words names this many alternatives or enum values, nested this deep. */
const TYPE_CHOICES = 5;
const TYPE_DEPTH = 2;

const obj = (v: unknown): Schema => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Schema) : {});

/** Text from the spec cut to `max` characters: one string may be used in thousands of places. */
const clip = (text: string, max = MAX_TEXT) => (text.length > max ? `${text.slice(0, max)}…` : text);

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
  done = { ...rest, properties: { ...obj(rest.properties) }, required: [...(Array.isArray(rest.required) ? rest.required : [])] };
  merged.set(schema, done);
  for (const part of allOf as unknown[]) {
    const p = flat(obj(part));
    Object.assign(done.properties as Schema, obj(p.properties));
    if (Array.isArray(p.required)) (done.required as unknown[]).push(...p.required);
    // What a part says of the value itself (allOf: [{type: string}, {description: …}]) is the value's.
    for (const key of ['type', 'format', 'description', 'default', 'example', 'examples', 'enum', 'items'] as const)
      if (done[key] === undefined && p[key] !== undefined) done[key] = p[key];
  }
  // An object only when a part says so or has properties: a string stays a string.
  if (done.type === undefined && Object.keys(done.properties as Schema).length > 0) done.type = 'object';
  return done;
}

/** The schema whose properties a view lists: an array's items, else the schema itself. */
function listed(s: Schema): Schema {
  return s.type === 'array' || (s.items && !s.properties) ? flat(obj(s.items)) : s;
}

const propertyLists = new WeakMap<object, string[]>();
/** A schema's property names, read once per property list however often the list is used. */
function propertyNames(s: Schema): string[] {
  const properties = obj(s.properties);
  let found = propertyLists.get(properties);
  if (!found) propertyLists.set(properties, (found = Object.keys(properties)));
  return found;
}

/** What one page has drawn: each schema once, and at most a number of rows. */
export interface SchemaPage {
  /** The spec's named schemas, by schema and by property list. */
  names: Map<object, string>;
  /** Schemas drawn on this page, by property list: where (an element id) and what to call them. */
  shown: Map<object, { id: string; label: string }>;
  ids: Set<string>;
  rowsLeft: number;
}

/** A page's view state, knowing the spec's named schemas (`components.schemas`) so a link can say `Order`. */
export function schemaPage(named: Record<string, unknown> = {}, maxRows = MAX_ROWS): SchemaPage {
  const page: SchemaPage = { names: new Map(), shown: new Map(), ids: new Set(), rowsLeft: maxRows };
  for (const [name, schema] of Object.entries(named)) {
    if (!schema || typeof schema !== 'object') continue;
    const s = flat(obj(schema));
    // The first name wins where two names are one schema.
    if (!page.names.has(s)) page.names.set(s, name);
    if (s.properties && typeof s.properties === 'object' && !page.names.has(s.properties)) page.names.set(s.properties, name);
  }
  return page;
}

/** The key a drawn schema is known by: its property list, which a `$ref` with siblings copies by reference. */
const keyOf = (s: Schema): object => obj(s.properties);

const nameOf = (page: SchemaPage | undefined, s: Schema): string | undefined => page?.names.get(s) ?? page?.names.get(keyOf(s));

/** Marks `target` as drawn here, under an id nothing else on the page has (headings' ids never hold a dot). */
function anchor(page: SchemaPage, target: Schema, label: string): string {
  const name = clip(nameOf(page, target) ?? label, 100);
  const base = `schema.${name.replace(/[^\w-]+/g, '-')}`;
  let id = base;
  for (let n = 2; page.ids.has(id); n++) id = `${base}.${n}`;
  page.ids.add(id);
  page.shown.set(keyOf(target), { id, label: name });
  return id;
}

const seeAbove = (drawn: { id: string; label: string }) => `<a class="see-above" href="#${drawn.id}">→ see ${escapeHtml(drawn.label)} above</a>`;

const more = (n: number) => (n > 0 ? `<li class="muted">… ${n} more</li>` : '');
/** `… 3 more operations` below a list cut short, or nothing. */
const moreOf = (n: number, what: string) => (n > 0 ? `<p class="muted">… ${n} more ${what}${n === 1 ? '' : 's'}</p>` : '');

/** A description from a spec: CommonMark, rendered inline with raw HTML off. */
const prose = (text: string) => `<span class="muted">${inlineMarkdown(clip(text, MAX_PROSE))}</span>`;

const written = new WeakMap<object, Map<number, string>>();
/** `value` as JSON, cut short: an example may be large, used in many places (written once), or contain itself. */
export function shortJson(value: unknown, max = MAX_TEXT): string {
  if (value === null || typeof value !== 'object') return jsonOf(value, max);
  let byLength = written.get(value);
  if (!byLength) written.set(value, (byLength = new Map()));
  let found = byLength.get(max);
  if (found === undefined) byLength.set(max, (found = jsonOf(value, max)));
  return found;
}

function jsonOf(value: unknown, max: number): string {
  let out = '';
  const open = new Set<object>();
  const write = (v: unknown): void => {
    if (out.length > max) return;
    if (v === null || typeof v !== 'object') {
      out += typeof v === 'string' ? JSON.stringify(v.slice(0, max + 1)) : String(JSON.stringify(v) ?? null);
      return;
    }
    if (open.has(v)) {
      out += '…';
      return;
    }
    open.add(v);
    const array = Array.isArray(v);
    out += array ? '[' : '{';
    let first = true;
    for (const key in v) {
      if (out.length > max) break;
      out += `${first ? '' : ','}${array ? '' : `${JSON.stringify(key.slice(0, max + 1))}:`}`;
      first = false;
      write((v as Record<string, unknown>)[key]);
    }
    out += array ? ']' : '}';
    open.delete(v);
  };
  write(value);
  return clip(out, max);
}

/** At most TYPE_CHOICES of `values`, shown and joined, and how many more there are. */
function choices(values: unknown[], show: (v: unknown) => string, separator: string): string {
  const shown = values.slice(0, TYPE_CHOICES).map(show);
  return [...shown, ...(values.length > shown.length ? [`… ${values.length - shown.length} more`] : [])].join(separator);
}

/** `string (uuid)`, `array of object Order`, `integer ≥ 1`, `"pending" | "paid"`: a schema's type in a few words. */
export function typeOf(schema: Schema, page?: SchemaPage): string {
  return clip(typeWords(flat(obj(schema)), page, 0));
}

function typeWords(s: Schema, page: SchemaPage | undefined, depth: number): string {
  if (depth > TYPE_DEPTH) return '…';
  const inner = (v: unknown) => typeWords(flat(obj(v)), page, depth + 1);
  if (Array.isArray(s.enum)) return choices(s.enum, (v) => shortJson(v, 40), ' | ');
  const alternatives = (s.oneOf ?? s.anyOf) as unknown;
  if (Array.isArray(alternatives)) return choices(alternatives, inner, ' or ');
  const type = Array.isArray(s.type)
    ? choices(s.type, (t) => clip(String(t), 40), ' | ')
    : typeof s.type === 'string'
      ? clip(s.type, 40)
      : s.properties
        ? 'object'
        : s.items
          ? 'array'
          : 'any';
  if (type === 'array') return `array of ${inner(s.items)}`;
  const format = typeof s.format === 'string' ? ` (${clip(s.format, 40)})` : '';
  const bounds = [
    typeof s.minimum === 'number' ? `≥ ${s.minimum}` : '',
    typeof s.maximum === 'number' ? `≤ ${s.maximum}` : '',
    typeof s.minLength === 'number' ? `min length ${s.minLength}` : '',
    typeof s.maxLength === 'number' ? `max length ${s.maxLength}` : '',
  ].filter(Boolean);
  const title = type === 'object' ? (nameOf(page, s) ?? (typeof s.title === 'string' ? clip(s.title, 100) : undefined)) : undefined;
  return `${type}${title ? ` ${title}` : ''}${format}${bounds.length > 0 ? ` ${bounds.join(', ')}` : ''}`;
}

function example(s: Schema): string | undefined {
  const value = s.example ?? (Array.isArray(s.examples) ? s.examples[0] : undefined);
  return value === undefined ? undefined : shortJson(value);
}

/** ` default <code>20</code>` when the schema gives a default, else nothing. */
const defaultOf = (s: Schema): string =>
  s.default === undefined ? '' : ` <span class="muted">default <code>${escapeHtml(shortJson(s.default))}</code></span>`;

/** One property: name, type, required, description and example; its own properties nested, or a link to where they are. */
function propertyRow(name: string, schema: unknown, required: boolean, page: SchemaPage, depth: number): string {
  page.rowsLeft--;
  const p = flat(obj(schema));
  const shown = example(p);
  const head =
    `<code>${escapeHtml(clip(name))}</code> <span class="schema-type">${escapeHtml(typeOf(p, page))}</span>` +
    (required ? ' <span class="badge">required</span>' : '') +
    (typeof p.description === 'string' ? ` ${prose(p.description)}` : '') +
    defaultOf(p) +
    (shown !== undefined ? ` <span class="muted">e.g. <code>${escapeHtml(shown)}</code></span>` : '');
  const target = listed(p);
  if (propertyNames(target).length === 0) return `<li>${head}</li>`;
  const drawn = page.shown.get(keyOf(target));
  if (drawn) return `<li>${head} ${seeAbove(drawn)}</li>`;
  return `<li><details><summary>${head}</summary>${schemaHtml(p, page, name, depth + 1)}</details></li>`;
}

/**
 * One schema as a list of its properties, nested as <details>. A schema this page has drawn
 * already is a link to it; `label` names an unnamed schema in such links.
 */
export function schemaHtml(schema: Schema | undefined, page: SchemaPage = schemaPage(), label = 'this schema', depth = 0): string {
  if (!schema) return '';
  const s = flat(obj(schema));
  const target = listed(s);
  const keys = propertyNames(target);
  if (keys.length === 0) {
    const described = typeof s.description === 'string' ? ` ${prose(s.description)}` : '';
    return `<p class="schema-type"><code>${escapeHtml(typeOf(s, page))}</code>${described}</p>`;
  }
  const drawn = page.shown.get(keyOf(target));
  if (drawn) return `<p class="schema-type"><code>${escapeHtml(typeOf(s, page))}</code> ${seeAbove(drawn)}</p>`;
  if (depth >= MAX_DEPTH) return `<p class="muted">Nested deeper than ${MAX_DEPTH} levels: see the spec.</p>`;
  const id = anchor(page, target, label);
  const required = new Set(Array.isArray(target.required) ? target.required.map(String) : []);
  const properties = obj(target.properties);
  const rows: string[] = [];
  for (const name of keys.slice(0, MAX_PROPERTIES)) {
    if (page.rowsLeft <= 0) break;
    rows.push(propertyRow(name, properties[name], required.has(name), page, depth));
  }
  const list = s === target || depth > 0 ? '' : `<p class="schema-type"><code>${escapeHtml(typeOf(s, page))}</code></p>`;
  return `${list}<ul class="schema" id="${id}">${rows.join('')}${more(keys.length - rows.length)}</ul>`;
}

/** Responses that share one schema (the same problem document for 400, 401, 403…) are shown once. */
function responsesHtml(responses: ApiOperation['responses'], page: SchemaPage): string {
  const drawn = responses.slice(0, Math.max(0, page.rowsLeft));
  page.rowsLeft -= drawn.length;
  const groups: { schema?: Schema; responses: ApiOperation['responses'] }[] = [];
  for (const r of drawn) {
    const group = r.schema ? groups.find((g) => g.schema === r.schema) : undefined;
    if (group) group.responses.push(r);
    else groups.push({ schema: r.schema, responses: [r] });
  }
  const status = (r: ApiOperation['responses'][number]) =>
    `${escapeHtml(clip(r.status))}${r.description ? ` ${prose(r.description)}` : ''}` +
    (r.contentType ? ` <span class="muted">${escapeHtml(clip(r.contentType))}</span>` : '') +
    (r.headers
      ? ` <span class="muted">headers ${r.headers
          .slice(0, TYPE_CHOICES)
          .map((h) => `<code>${escapeHtml(clip(h))}</code>`)
          .join(', ')}${r.headers.length > TYPE_CHOICES ? ` … ${r.headers.length - TYPE_CHOICES} more` : ''}</span>`
      : '');
  const cut = responses.length - drawn.length;
  return (
    groups
      .map(({ schema, responses: rs }) => {
        const head = rs.length === 1 ? `Response ${status(rs[0]!)}` : `Responses ${rs.map(status).join(', ')}`;
        return `<h4>${head}</h4>${schemaHtml(schema, page, `the ${clip(rs[0]!.status, 40)} response`)}`;
      })
      .join('') + moreOf(cut, 'response')
  );
}

function parametersHtml(parameters: ApiOperation['parameters'], page: SchemaPage): string {
  const drawn = parameters.slice(0, Math.max(0, page.rowsLeft));
  page.rowsLeft -= drawn.length;
  const rows = drawn.map(
    (p) =>
      `<li><code>${escapeHtml(clip(p.name))}</code> <span class="muted">in ${escapeHtml(clip(p.in))}</span> <span class="schema-type">${escapeHtml(p.schema ? typeOf(p.schema, page) : 'any')}</span>${p.required ? ' <span class="badge">required</span>' : ''}${p.description ? ` ${prose(p.description)}` : ''}${p.schema ? defaultOf(flat(obj(p.schema))) : ''}${(p.example ?? (p.schema ? example(flat(obj(p.schema))) : undefined)) !== undefined ? ` <span class="muted">e.g. <code>${escapeHtml(p.example !== undefined ? shortJson(p.example) : example(flat(obj(p.schema)))!)}</code></span>` : ''}</li>`,
  );
  return `<h4>Parameters</h4><ul class="schema">${rows.join('')}${more(parameters.length - drawn.length)}</ul>`;
}

function operationDetails(o: ApiOperation, page: SchemaPage): string {
  const parts: string[] = [];
  if (o.description) parts.push(`<p>${inlineMarkdown(clip(o.description, MAX_ABOUT))}</p>`);
  if (o.parameters.length > 0) parts.push(parametersHtml(o.parameters, page));
  if (o.request)
    parts.push(
      `<h4>Request body <span class="muted">${escapeHtml(clip(o.request.contentType))}${o.request.required ? ', required' : ''}</span></h4>${schemaHtml(o.request.schema, page, 'the request body')}`,
    );
  parts.push(responsesHtml(o.responses, page));
  return parts.join('');
}

const operationRow = (o: ApiOperation) =>
  `<tr><td data-label="Method"><code>${escapeHtml(o.method)}</code></td><td data-label="Path"><code>${breakableHtml(clip(o.path))}</code></td><td data-label="Summary">${escapeHtml(clip(o.summary ?? ''))}${o.deprecated ? ' <span class="badge">deprecated</span>' : ''}</td><td data-label="operationId">${o.operationId ? `<code>${breakableHtml(clip(o.operationId))}</code>` : ''}</td><td data-label="Auth">${escapeHtml(clip(o.auth.join(', ')))}</td></tr>`;

/** Operations a page shows at most: a spec with more is split over pages. */
export const OPERATIONS_PER_PAGE = 100;
/** Bytes of operations HTML a page holds at most, besides its first operation: large schemas make pages of fewer operations. */
export const PAGE_BYTES = 200_000;

const starts = new WeakMap<OpenApiSpec, number[]>();
/**
 * Where each page of a spec's operations starts: a new page after OPERATIONS_PER_PAGE operations,
 * once PAGE_BYTES of their HTML (table row and details, as that page draws them) are reached, or
 * once the page's rows run out. Worked out once per spec.
 */
function pageStarts(spec: OpenApiSpec): number[] {
  let found = starts.get(spec);
  if (found) return found;
  found = [0];
  let page = schemaPage(spec.schemas);
  let bytes = 0;
  let count = 0;
  const size = (o: ApiOperation) => operationRow(o).length + operationDetails(o, page).length;
  for (const [i, o] of spec.operations.entries()) {
    let next = size(o);
    // A page whose rows ran out (MAX_ROWS) would cut this operation's details short: it starts the next.
    if (count > 0 && (count >= OPERATIONS_PER_PAGE || bytes + next > PAGE_BYTES || page.rowsLeft <= 0)) {
      found.push(i);
      page = schemaPage(spec.schemas);
      next = size(o);
      bytes = 0;
      count = 0;
    }
    bytes += next;
    count++;
  }
  starts.set(spec, found);
  return found;
}

/** How many pages a spec's operations take. */
export const operationPages = (spec: OpenApiSpec) => pageStarts(spec).length;

/**
 * Page `n` of a spec's operations (its table, schemes and details), with links to the other pages
 * (`hrefOf(k)`) when it has more than one.
 */
export function operationsPage(spec: OpenApiSpec, n: number, hrefOf: (k: number) => string, maxRows = MAX_ROWS): string {
  const at = pageStarts(spec);
  if (at.length === 1) return operationsHtml(spec, maxRows);
  const bounds = at.map((from, k) => [from, at[k + 1] ?? spec.operations.length] as const);
  const [from, to] = bounds[n - 1]!;
  const part = { ...spec, operations: spec.operations.slice(from, to) };
  const links = bounds.map(([a, b], k) => {
    const label = `${a + 1}–${b}`;
    return k + 1 === n ? `<strong>${label}</strong>` : `<a href="${escapeHtml(hrefOf(k + 1))}">${label}</a>`;
  });
  const nav = `<nav class="operation-pages" aria-label="Operations pages"><p>Operations ${links.join(' · ')} of ${spec.operations.length.toLocaleString('en-US')}</p></nav>`;
  return `${nav}${operationsHtml(part, maxRows)}${nav}`;
}

/** The operations of an OpenAPI document: a table, then each operation's parameters and schemas, collapsed. */
export function operationsHtml(spec: OpenApiSpec, maxRows = MAX_ROWS): string {
  if (spec.operations.length === 0) return '<p class="muted">The spec has no operations.</p>';
  const page = schemaPage(spec.schemas, maxRows);
  // Every operation listed is a row, taken before any schema: the table is never cut for the schemas below it.
  const operations = spec.operations.slice(0, Math.max(0, page.rowsLeft));
  page.rowsLeft -= operations.length;
  const cut = spec.operations.length - operations.length;
  const table = `<div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Summary</th><th scope="col">operationId</th><th scope="col">Auth</th></tr></thead><tbody>${operations.map(operationRow).join('')}</tbody></table></div>`;
  const details = operations
    .map(
      (o) =>
        `<details class="operation"><summary><code>${escapeHtml(o.method)} ${escapeHtml(clip(o.path))}</code>${o.summary ? ` ${escapeHtml(clip(o.summary))}` : ''}</summary>${operationDetails(o, page)}</details>`,
    )
    .join('');
  return `${table}${moreOf(cut, 'operation')}${schemesHtml(spec)}${details}`;
}

/** The security schemes with their OAuth scopes: what the Auth column's words stand for. */
function schemesHtml(spec: OpenApiSpec): string {
  const rows = Object.entries(spec.schemes)
    .slice(0, MAX_PROPERTIES)
    .map(
      ([name, s]) =>
        `<li><code>${escapeHtml(clip(name))}</code> <span class="muted">${escapeHtml(clip(s.type))}</span>${
          s.scopes
            ? ` scopes ${s.scopes
                .slice(0, MAX_PROPERTIES)
                .map((x) => `<code>${escapeHtml(clip(x))}</code>`)
                .join(', ')}${s.scopes.length > MAX_PROPERTIES ? ` … ${s.scopes.length - MAX_PROPERTIES} more` : ''}`
            : ''
        }</li>`,
    );
  return rows.length === 0 ? '' : `<h4>Security schemes</h4><ul class="schema">${rows.join('')}</ul>`;
}

/** A message's payload as a schema view, knowing the spec's named `schemas` (to call them by name). */
export function namedMessageHtml(message: AsyncMessage, schemas: Record<string, Schema> | undefined, maxRows = MAX_ROWS): string {
  const about = message.description ? `<p>${inlineMarkdown(clip(message.description, MAX_ABOUT))}</p>` : '';
  const payload = message.payload
    ? schemaHtml(message.payload, schemaPage(schemas, maxRows), 'the payload')
    : '<p class="muted">The spec gives no payload schema.</p>';
  return `${about}${payload}`;
}

/** A message's payload as a schema view. */
export const messageHtml = (message: AsyncMessage) => namedMessageHtml(message, undefined);
