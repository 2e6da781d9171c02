// The schema view shows what a spec says beyond types (issue 26): defaults, parameter examples,
// response content types and headers, and OAuth scopes.
import { describe, expect, it } from 'vitest';
import { operationsHtml } from '../../src/render/spec-html.ts';
import { summariseOpenApi } from '../../src/specs/openapi.ts';

const doc = {
  openapi: '3.0.3',
  info: { title: 'Pets', version: '1.0.0' },
  paths: {
    '/pets': {
      get: {
        security: [{ oauth: ['pets:read'] }],
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', default: 20 }, example: 50 }],
        responses: {
          '200': {
            description: 'The pets',
            headers: { 'x-next': { schema: { type: 'string' } } },
            content: {
              'application/json': {
                schema: { type: 'object', properties: { sort: { type: 'string', default: 'name', example: 'age' } } },
              },
            },
          },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://x.example/token', scopes: { 'pets:read': 'Read', 'pets:write': 'Write' } } } },
    },
  },
};

describe('the schema view says what the spec says', () => {
  const html = operationsHtml(summariseOpenApi(doc, structuredClone(doc)));

  it('shows a parameter default and example, a property default, a content type and a response header', () => {
    expect(html).toContain(
      '<code>limit</code> <span class="muted">in query</span> <span class="schema-type">integer</span> <span class="muted">default <code>20</code></span> <span class="muted">e.g. <code>50</code></span>',
    );
    expect(html).toContain('<span class="muted">default <code>&#34;name&#34;</code></span> <span class="muted">e.g. <code>&#34;age&#34;</code></span>');
    expect(html).toContain('<span class="muted">application/json</span> <span class="muted">headers <code>x-next</code></span>');
  });

  it('lists the security schemes with their OAuth scopes', () => {
    expect(html).toContain(
      '<h4>Security schemes</h4><ul class="schema"><li><code>oauth</code> <span class="muted">oauth2</span> scopes <code>pets:read</code>, <code>pets:write</code></li></ul>',
    );
  });
});
