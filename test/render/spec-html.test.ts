// The schema view as readers meet real specs: allOf folded, shared error schemas shown once,
// descriptions as Markdown with raw HTML never let through.
import { describe, expect, it } from 'vitest';
import { operationsHtml, schemaHtml } from '../../src/render/spec-html.ts';
import type { OpenApiSpec } from '../../src/specs/read.ts';

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
      '<ul class="schema"><li><code>id</code> <span class="schema-type">string</span> <span class="badge">required</span></li><li><code>name</code> <span class="schema-type">string</span> <span class="muted">The <code>name</code></span></li></ul>',
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
      '<h4>Responses 400 <span class="muted">Bad Request</span>, 401 <span class="muted">Unauthorized</span></h4><ul class="schema"><li><code>title</code>',
    );
    expect(html.match(/<code>title<\/code>/g)).toHaveLength(1);
  });
});
