// The system page's view: integrations inside and outside, by kind, from the data.
import { describe, expect, it } from 'vitest';
import { systemOverview } from '../../src/render/views/system.ts';
import { example } from '../example-model.ts';

describe('systemOverview', () => {
  const view = systemOverview(example.model);

  it('puts an integration with an external repository on either side outside, the rest inside, grouped by kind', () => {
    expect(view.sides.map((s) => s.title)).toEqual(['Within Eventful', 'With external systems']);
    const outside = view.sides[1]!.kinds.map((k) => [k.kind, k.integrations.map((i) => i.id)]);
    expect(outside).toEqual([
      ['Cross-app authentication', ['hi-events-auth']],
      ['File transfer', ['accounting-export']],
      ['REST API', ['stripe-payments']],
      ['Webhook', ['ticket-webhooks']],
    ]);
    const inside = view.sides[0]!.kinds.flatMap((k) => k.integrations.map((i) => i.id));
    expect(inside).not.toContain('stripe-payments');
    expect(inside.length + outside.flatMap(([, ids]) => ids as string[]).length).toBe(example.model.integrations.size);
  });

  it('lists connection settings in one table, with units, and changes newest first', () => {
    expect(view.connections.find((c) => c.id === 'orders-to-payments')).toEqual({
      id: 'orders-to-payments',
      title: 'Orders to Payments',
      endpoint: 'payment-api:9090',
      timeout: '3000 ms',
      retry: '3 attempts, exponential backoff',
      rateLimit: null,
      credentials: 'mesh-issued client certificate',
    });
    expect(view.changes.map((c) => c.date)).toEqual([...view.changes.map((c) => c.date)].sort().reverse());
  });
});
