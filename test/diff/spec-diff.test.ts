// What a caller of an API would notice between two readings of its spec.
import { describe, expect, it } from 'vitest';
import { asyncApiBreaks, openApiBreaks } from '../../src/diff/spec-diff.ts';
import type { AsyncApiSpec, OpenApiSpec } from '../../src/specs/read.ts';

type Op = OpenApiSpec['operations'][number];
const op = (over: Partial<Op> = {}): Op => ({
  method: 'POST',
  path: '/orders',
  auth: ['jwt'],
  parameters: [
    { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
    { name: 'tenant', in: 'header', required: true, schema: { type: 'string' } },
  ],
  request: {
    contentType: 'application/json',
    required: false,
    schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'string' } }, note: { type: 'string' } } },
  },
  responses: [
    {
      status: '201',
      schema: {
        type: 'object',
        properties: { id: { type: 'string' }, lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } } },
      },
    },
  ],
  ...over,
});
const spec = (...operations: Op[]): OpenApiSpec => ({ kind: 'openapi', version: '3.1.0', title: 'Orders', servers: [], operations, schemes: {} });

describe('openApiBreaks', () => {
  it('finds nothing between a spec and itself, or when an optional parameter or a response property is added', () => {
    expect(openApiBreaks(spec(op()), spec(op()))).toEqual([]);
    const more = op();
    more.parameters = [...more.parameters, { name: 'since', in: 'query', required: false }];
    expect(openApiBreaks(spec(op()), spec(more))).toEqual([]);
  });

  it('names each incompatible change: parameters, request and response schemas, security, removed operations', () => {
    const after = op({
      auth: ['api-key'],
      parameters: [
        { name: 'limit', in: 'query', required: true, schema: { type: 'string' } },
        { name: 'page', in: 'query', required: true, schema: { type: 'integer' } },
      ],
      request: {
        contentType: 'application/json',
        required: true,
        schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'integer' } } } },
      },
      responses: [{ status: '201', schema: { type: 'object', properties: { lines: { type: 'array', items: { type: 'object', properties: {} } } } } }],
    });
    expect(openApiBreaks(spec(op(), op({ method: 'DELETE', path: '/orders/{id}' })), spec(after))).toEqual([
      { target: 'POST /orders', what: 'parameter limit (query) became required' },
      { target: 'POST /orders', what: 'parameter limit (query) changed type from integer to string' },
      { target: 'POST /orders', what: 'parameter tenant (header) was removed' },
      { target: 'POST /orders', what: 'required parameter page (query) was added' },
      { target: 'POST /orders', what: 'the request body became required' },
      { target: 'POST /orders', what: 'request body: items[] changed type from string to integer' },
      { target: 'POST /orders', what: 'request body: note was removed' },
      { target: 'POST /orders', what: 'response: id was removed' },
      { target: 'POST /orders', what: 'response: lines[].sku was removed' },
      { target: 'POST /orders', what: 'security changed from jwt to api-key' },
      { target: 'DELETE /orders/{id}', what: 'was removed' },
    ]);
  });

  it('stops at a schema that contains itself', () => {
    const tree: Record<string, unknown> = { type: 'object', properties: {} };
    (tree.properties as Record<string, unknown>).child = tree;
    const response = (schema: Record<string, unknown>) => op({ responses: [{ status: '200', schema }] });
    expect(openApiBreaks(spec(response(tree)), spec(response(tree)))).toEqual([]);
  });
});

describe('asyncApiBreaks', () => {
  const message = (name: string, payload: Record<string, unknown>): AsyncApiSpec['messages'][number] => ({
    name,
    channel: 'orders',
    payload,
    sends: true,
    receives: false,
    at: [],
  });
  const api = (...messages: AsyncApiSpec['messages']): AsyncApiSpec => ({ kind: 'asyncapi', version: '3.0.0', title: 'Orders', messages });

  it('finds messages removed and payload properties removed or retyped, for the messages asked about', () => {
    const before = api(
      message('OrderPlaced', { type: 'object', properties: { id: { type: 'string' }, total: { type: 'integer' } } }),
      message('OrderShipped', {}),
    );
    const after = api(message('OrderPlaced', { type: 'object', properties: { id: { type: 'integer' } } }));
    expect(asyncApiBreaks(before, after)).toEqual([
      { target: 'OrderPlaced', what: 'payload: id changed type from string to integer' },
      { target: 'OrderPlaced', what: 'payload: total was removed' },
      { target: 'OrderShipped', what: 'was removed' },
    ]);
    expect(asyncApiBreaks(before, after, (name) => name === 'OrderShipped')).toEqual([{ target: 'OrderShipped', what: 'was removed' }]);
  });
});
