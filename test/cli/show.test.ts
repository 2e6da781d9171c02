import { describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/io.ts';
import { showText } from '../../src/cli/show.ts';
import { EXAMPLE } from '../example-model.ts';
import { check } from '../registry-fixture.ts';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { cwd: process.cwd(), env: { PLEXUS_TODAY: '2026-11-22' }, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runMain(['show', ...args, '--content', EXAMPLE], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('plexus show', () => {
  it('prints a repository, its facts and what it talks to, one line a counterpart', async () => {
    const { code, out } = await run('payment-service');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'Payment Service (repository payment-service)',
        '  Purpose  Payment processing and refunds',
        '  Kind     service',
        '  Status   active',
        '  Owner    Payments',
        '  Domain   commerce',
        '',
        'Neighbourhood (→ it acts on, ← acts on it, ↔ both ways):',
        '  Payment Service',
        '  ├─→ Accounting (NetSuite)  delivers Nightly Accounting Export',
        '  ├─→ Email Service  publishes payment.completed, payment.failed',
        '  ├─→ Notification Service  publishes payment.completed, payment.failed',
        '  ├─→ Shared Types  depends on Shared Types Package',
        '  ├─→ Stripe  calls Stripe Payments',
        '  ├─→ User Service  reads Users Table CDC',
        '  ├─→ Orders database  reads',
        '  ├─← API Gateway  calls Gateway to Payment Service',
        '  └─↔ Order Service  publishes, reads, calls (4)',
      ].join('\n'),
    );
  });

  it("prints an event's flow: who publishes it, who receives it and what they do", async () => {
    const { code, out } = await run('payment.completed');
    expect(code).toBe(0);
    expect(out.split('\n').slice(-5)).toEqual([
      '  payment.completed',
      '  ├─→ Order Service  delivered: Mark the order paid and issue tickets',
      '  ├─→ Email Service  delivered: Send the receipt',
      '  ├─→ Notification Service  delivered: Push "payment received" to the buyer',
      '  └─← Payment Service  publishes',
    ]);
  });

  it('prints an integration with its steps', async () => {
    const { code, out } = await run('orders-to-payments');
    expect(code).toBe(0);
    expect(out).toContain('Steps:\n   1. Order Service → Payment Service: ');
  });

  it('says which id it does not know, and the closest it does', async () => {
    const { code, out, err } = await run('paymnt-service');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('No repository, event, integration or resource has the id "paymnt-service". Did you mean "payment-service"?');
  });

  /** An integration Orders API provides and nobody consumes (as an API just imported from OpenAPI is). */
  const ORDERS_REST = `title: Orders REST API
provider: orders-api
purpose: Read and place orders
type: rest
protocol: HTTPS
auth: oauth2
owner: core
version: 1.0.0
lastUpdated: 2026-10-01
status: production
`;

  it('lists what a repository provides that nobody consumes yet, instead of "no integrations recorded"', () => {
    const { model, diagnostics } = check({
      'integrations/orders-rest.yaml': ORDERS_REST,
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(showText(model, 'orders-api')!.split('\n').slice(-4)).toEqual([
      '  Orders API',
      '  ├─← Payments API  publishes payment.completed',
      '  └─ provides Orders REST API (orders-rest), no consumers recorded',
      '',
    ]);
    // A repository that provides it and nothing else: the integration, not "no integrations recorded".
    const alone = check({
      'integrations/payments-to-orders.yaml': null,
      'events/payment.completed.yaml': null,
      'patterns/events.yaml': null,
      'integrations/orders-rest.yaml': ORDERS_REST,
    });
    expect(showText(alone.model, 'orders-api')!.split('\n').slice(-3)).toEqual([
      '  Orders API',
      '  └─ provides Orders REST API (orders-rest), no consumers recorded',
      '',
    ]);
  });
});
