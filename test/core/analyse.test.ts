// Derived data: who depends on whom, blast radius, all-clients expansion, deprecations.
import { describe, expect, it } from 'vitest';
import { check } from '../registry-fixture.ts';

const repo = (name: string, kind = 'service') =>
  `name: ${name}\npurpose: p\nrole: r\nkind: ${kind}\nstatus: active\nurl: https://example.com/${name}\nteam: core\n`;
const link = (from: string, to: string, extra = '') =>
  `title: ${from} to ${to}\nprovider: ${from}\nconsumers: ${to}\npurpose: p\ntype: rest\nprotocol: HTTPS\nauth: jwt\nowner: core\nversion: 1.0.0\nlastUpdated: 2026-10-01\nstatus: active\n${extra}`;

describe('repository links', () => {
  // a → b → c → b (a cycle), d → a; the base registry adds payments-api → orders-api.
  const { model, diagnostics } = check({
    'repositories/a.yaml': repo('a'),
    'repositories/b.yaml': repo('b'),
    'repositories/c.yaml': repo('c'),
    'repositories/d.yaml': repo('d'),
    'repositories/web.yaml': repo('web', 'frontend'),
    'repositories/lib.yaml': repo('lib', 'library'),
    'integrations/a-b.yaml': link('a', '[b]'),
    'integrations/b-c.yaml': link('b', '[c]'),
    'integrations/c-b.yaml': link('c', '[b]'),
    'integrations/d-a.yaml': link('d', '[a]'),
    'integrations/lib-web.yaml': link('lib', '[web]', 'direction: both-ways\n'),
  });
  const links = (id: string) => model.analysis.links.get(id)!;

  it('has no diagnostics', () => expect(diagnostics).toEqual([]));

  it('derives upstream and downstream', () => {
    expect([links('b').upstream, links('b').downstream]).toEqual([['a', 'c'], ['c']]);
    expect([links('a').provides, links('a').consumes]).toEqual([['a-b'], ['d-a']]);
  });

  it('computes the blast radius through cycles and chains', () => {
    expect(Object.fromEntries(['a', 'b', 'c', 'd'].map((id) => [id, links(id).blastRadius]))).toEqual({
      a: ['b', 'c'],
      b: ['c'],
      c: ['b'],
      d: ['a', 'b', 'c'],
    });
  });

  it('makes both-ways integrations depend both ways', () => {
    expect([links('lib').blastRadius, links('web').blastRadius]).toEqual([['web'], ['lib']]);
  });

  it('derives event roles', () => {
    expect([links('payments-api').produces, links('orders-api').consumesEvents]).toEqual([['payment.completed'], ['payment.completed']]);
  });
});

describe('all-clients', () => {
  it('expands to every client application (frontends and monorepos) but the provider', () => {
    const { model, diagnostics } = check({
      'repositories/gateway.yaml': repo('gateway', 'gateway'),
      'repositories/web.yaml': repo('web', 'frontend'),
      'repositories/lib.yaml': repo('lib', 'library'),
      'repositories/mono.yaml': repo('mono', 'monorepo'),
      'integrations/gateway.yaml': link('gateway', 'all-clients'),
    });
    expect(diagnostics).toEqual([]);
    expect(model.analysis.consumersOf.get('gateway')).toEqual(['mono', 'web']);
  });
});

describe('deprecations', () => {
  it('lists deprecated integrations by sunset', () => {
    const dep = (sunset: string) => `lifecycle:\n  phase: retirement\n  deprecation:\n    announced: 2026-01-01\n    sunset: ${sunset}\n    migration: Move\n`;
    const { model } = check({
      'integrations/late.yaml': link('orders-api', '[payments-api]', dep('2027-12-01')).replace('status: active', 'status: deprecated'),
      'integrations/soon.yaml': link('payments-api', '[orders-api]', dep('2027-02-01')).replace('status: active', 'status: deprecated'),
    });
    expect(model.analysis.deprecations.map((d) => [d.id, d.sunset])).toEqual([
      ['soon', '2027-02-01'],
      ['late', '2027-12-01'],
    ]);
  });
});

describe('roles against interaction steps', () => {
  it('reports a flipped integration whose steps say otherwise', async () => {
    const { readSources } = await import('../../src/core/fs.ts');
    const { buildRegistry } = await import('../../src/core/registry.ts');
    const { EXAMPLE } = await import('../example-model.ts');
    const sources = await readSources(EXAMPLE, EXAMPLE);
    const file = sources.find((s) => s.path === 'integrations/orders-to-payments.yaml')!;
    const flipped = new TextDecoder()
      .decode(file.bytes)
      .replace('provider: payment-service\nconsumers: [order-service]', 'provider: order-service\nconsumers: [payment-service]');
    const result = buildRegistry(
      sources.map((s) => (s === file ? { ...s, bytes: new TextEncoder().encode(flipped) } : s)),
      { today: '2026-11-22' },
    );
    expect(result.diagnostics.filter((d) => d.code === 'PLX037').map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`)).toEqual([
      'integrations/orders-to-payments.yaml:42:11 Step 1 of "orders-to-payments" has the provider "order-service" send a request to its consumer "payment-service"; in a grpc integration consumers call the provider.',
    ]);
  });
});
