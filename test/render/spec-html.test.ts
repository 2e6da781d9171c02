// The schema view as readers meet real specs: allOf folded, shared error schemas shown once,
// descriptions as Markdown with raw HTML and other schemes' links never let through, and a page
// that stays small however the spec's `$ref`s multiply.
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { operationsHtml, schemaHtml, schemaPage, typeOf } from '../../src/render/spec-html.ts';
import { summariseOpenApi } from '../../src/specs/openapi.ts';
import type { OpenApiSpec, Schema } from '../../src/specs/read.ts';

const problem = { type: 'object', properties: { title: { type: 'string' } } };

describe('the schema view', () => {
  it('folds allOf into one list of properties, required from every part', () => {
    const schema = {
      allOf: [
        { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
        { properties: { name: { type: 'string', description: 'The `name`' } } },
      ],
    };
    expect(schemaHtml(schema)).toBe(
      '<ul class="schema" id="schema.this-schema"><li><code>id</code> <span class="schema-type">string</span> <span class="badge">required</span></li><li><code>name</code> <span class="schema-type">string</span> <span class="muted">The <code>name</code></span></li></ul>',
    );
  });

  it('renders descriptions as inline Markdown and escapes any HTML in them', () => {
    expect(schemaHtml({ type: 'string', description: '<script>alert(1)</script> **bold**' })).toBe(
      '<p class="schema-type"><code>string</code> <span class="muted">&lt;script&gt;alert(1)&lt;/script&gt; <strong>bold</strong></span></p>',
    );
  });

  it('shows responses that share a schema once, naming each status', () => {
    const spec: OpenApiSpec = {
      kind: 'openapi',
      version: '3.1.0',
      title: 'T',
      servers: [],
      schemes: {},
      operations: [
        {
          method: 'GET',
          path: '/x',
          auth: ['none'],
          parameters: [],
          responses: [
            { status: '200', description: 'OK' },
            { status: '400', description: 'Bad Request', schema: problem },
            { status: '401', description: 'Unauthorized', schema: problem },
          ],
        },
      ],
    };
    const html = operationsHtml(spec);
    expect(html).toContain('<h4>Response 200 <span class="muted">OK</span></h4>');
    expect(html).toContain(
      '<h4>Responses 400 <span class="muted">Bad Request</span>, 401 <span class="muted">Unauthorized</span></h4><ul class="schema" id="schema.the-400-response"><li><code>title</code>',
    );
    expect(html.match(/<code>title<\/code>/g)).toHaveLength(1);
  });
});

/** `levels` schemas, each of whose `width` properties `$ref`s the next; the last is a string. */
function layeredSpec(levels: number, width: number): string {
  const schemas = Array.from({ length: levels - 1 }, (_, l) => {
    const properties = Array.from({ length: width }, (_, p) => `        p${p}: {$ref: '#/components/schemas/L${l + 1}'}`);
    return [`    L${l}:`, '      type: object', '      properties:', ...properties].join('\n');
  });
  return [
    'openapi: 3.1.0',
    'info: {title: Layers, version: "1"}',
    'paths:',
    '  /x:',
    '    get:',
    '      responses:',
    "        '200':",
    '          description: OK',
    '          content:',
    "            application/json: {schema: {$ref: '#/components/schemas/L0'}}",
    'components:',
    '  schemas:',
    ...schemas,
    `    L${levels - 1}: {type: string}`,
    '',
  ].join('\n');
}

/** The spec as Plexus reads it: parsed, `$ref`s dereferenced in place (shared, possibly circular), summarised. */
async function summarised(text: string): Promise<OpenApiSpec> {
  const raw = parse(text) as Record<string, unknown>;
  const api = (await SwaggerParser.dereference(raw as never, { dereference: { circular: true } } as never)) as unknown as Record<string, unknown>;
  return summariseOpenApi(raw, api);
}

describe('a page stays small whatever the spec', () => {
  it('draws 7 levels of 60 properties, each a $ref to the next, once per schema: 18 KB of spec, not 60^6 rows', async () => {
    const text = layeredSpec(7, 60);
    expect(text.length).toBeLessThan(18_000);
    const html = operationsHtml(await summarised(text));
    expect(html.length).toBeLessThan(300_000);
    // L0 to L5 are each drawn once (L6 is a string); every other use links back to the drawing.
    expect(html.match(/<ul class="schema" id="schema\.L\d">/g)).toEqual([0, 1, 2, 3, 4, 5].map((l) => `<ul class="schema" id="schema.L${l}">`));
    expect(html.match(/<li>/g)).toHaveLength(6 * 60);
    expect(html.match(/→ see L\d above/g)).toHaveLength(5 * 59);
    expect(html).toContain(
      '<li><code>p1</code> <span class="schema-type">object L2</span> <a class="see-above" href="#schema.L2">→ see L2 above</a></li><li><code>p2</code>',
    );
  });

  it('links a schema that contains itself, or is used again, back to where it is drawn', () => {
    const order: Schema = { type: 'object', properties: { id: { type: 'string' } } };
    (order.properties as Schema).replaces = order;
    const page = schemaPage({ Order: order });
    expect(schemaHtml(order, page)).toBe(
      '<ul class="schema" id="schema.Order"><li><code>id</code> <span class="schema-type">string</span></li><li><code>replaces</code> <span class="schema-type">object Order</span> <a class="see-above" href="#schema.Order">→ see Order above</a></li></ul>',
    );
    expect(schemaHtml({ type: 'array', items: order }, page)).toBe(
      '<p class="schema-type"><code>array of object Order</code> <a class="see-above" href="#schema.Order">→ see Order above</a></p>',
    );
  });

  it('stops at the page’s rows and says how many it left out', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'boolean' } } };
    expect(schemaHtml(schema, schemaPage({}, 2))).toBe(
      '<ul class="schema" id="schema.this-schema"><li><code>a</code> <span class="schema-type">string</span></li><li><code>b</code> <span class="schema-type">integer</span></li><li class="muted">… 1 more</li></ul>',
    );
    const operation = (path: string) => ({ method: 'GET', path, auth: ['none'], parameters: [], responses: [{ status: '200', schema }] });
    const spec: OpenApiSpec = {
      kind: 'openapi',
      version: '3.1.0',
      title: 'T',
      servers: [],
      schemes: {},
      operations: [operation('/a'), operation('/b'), operation('/c')],
    };
    const html = operationsHtml(spec, 2);
    expect(html).toContain(
      '</table></div><p class="muted">… 1 more operation</p><details class="operation"><summary><code>GET /a</code></summary><p class="muted">… 1 more response</p></details>',
    );
  });

  it('names a type, an example or an enum in a few words even when they contain themselves', () => {
    const list: Schema = { type: 'array' };
    list.items = list;
    expect(typeOf(list)).toBe('array of array of array of …');
    expect(typeOf({ enum: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] })).toBe('"a" | "b" | "c" | "d" | "e" | … 2 more');
    const example: Record<string, unknown> = { a: 1 };
    example.self = example;
    expect(schemaHtml({ type: 'object', properties: { x: { type: 'object', example } } })).toBe(
      '<ul class="schema" id="schema.this-schema"><li><code>x</code> <span class="schema-type">object</span> <span class="muted">e.g. <code>{&#34;a&#34;:1,&#34;self&#34;:…}</code></span></li></ul>',
    );
  });
});

describe('links in spec descriptions', () => {
  it('are links only to http(s), mailto, a relative path or an anchor; any other scheme stays text', () => {
    const description =
      '[x](ms-msdt:foo) [y](javascript:alert(1)) [z](data:text/html,<b>hi</b>) <ms-msdt:foo> [ok](https://a.example) [m](mailto:a@b.example) [r](../orders) [h](#top)';
    expect(schemaHtml({ type: 'string', description })).toBe(
      '<p class="schema-type"><code>string</code> <span class="muted">[x](ms-msdt:foo) [y](javascript:alert(1)) [z](data:text/html,&lt;b&gt;hi&lt;/b&gt;) &lt;ms-msdt:foo&gt; <a href="https://a.example">ok</a> <a href="mailto:a@b.example">m</a> <a href="../orders">r</a> <a href="#top">h</a></span></p>',
    );
  });
});
