// A receiver's AsyncAPI document that created an event (no sender's document yet) owns the
// event's message fields until a sender's document takes them: imported again after its message
// changed, it refreshes them. A sender's document, once it defines the event, keeps them against
// the receiver's re-import, and a second receiver's document never writes them.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runIn, writeRegistry } from './harness.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-asyncapi-refresh-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const repository = (name: string) => `name: ${name}\npurpose: unknown\nkind: service\nstatus: active\nurl: unknown\nteam: core\n`;
await writeRegistry(root, 'reg', {
  'teams/core.yaml': 'name: Core\n',
  'repositories/mailer.yaml': repository('Mailer'),
  'repositories/audit.yaml': repository('Audit'),
  'repositories/shop.yaml': repository('Shop'),
});
const run = (...args: string[]) => runIn(root, [...args, '--content', 'reg'], { PLEXUS_TODAY: '2026-12-06' });
const event = async () => parse(await readFile(join(root, 'reg/events/order-placed.yaml'), 'utf8'));

/** An AsyncAPI 2.6 document of one application that receives (publish) or sends (subscribe) OrderPlaced. */
function document(file: string, op: 'publish' | 'subscribe', channel: string, summary: string, properties: string) {
  return writeFile(
    join(root, file),
    [
      'asyncapi: 2.6.0',
      `info: {title: ${file}, version: 1.0.0}`,
      'servers: {production: {url: "kafka.example:9092", protocol: kafka}}',
      'channels:',
      `  ${channel}:`,
      `    ${op}:`,
      '      message:',
      '        name: OrderPlaced',
      `        summary: ${JSON.stringify(summary)}`,
      `        payload: {type: object, properties: {${properties}}}`,
      '',
    ].join('\n'),
  );
}

describe('plexus import asyncapi: the document that owns an event’s message fields refreshes them', () => {
  it('a receiver’s document that created the event, imported again after its message changed', async () => {
    await document('mailer.yaml', 'publish', 'order/placed', 'An order was placed', 'orderId: {type: string}');
    expect((await run('import', 'asyncapi', 'mailer.yaml', '--repository', 'mailer')).code).toBe(0);
    expect(await event()).toMatchObject({ description: 'An order was placed', payload: { orderId: 'string' }, channel: 'kafka: order/placed' });

    const summary = "Total: 'x' # not a comment <b>&amp;</b>";
    await document('mailer.yaml', 'publish', 'order/placed/v2', summary, 'orderId: {type: string}, total: {type: number}');
    const again = await run('import', 'asyncapi', 'mailer.yaml', '--repository', 'mailer');
    expect([again.code, again.out.split('\n')[0]]).toEqual([0, 'Imported 1 message of mailer.yaml into 4 files under reg: 0 new, 2 updated, 2 unchanged.']);
    expect(await event()).toMatchObject({
      description: summary,
      payload: { orderId: 'string', total: 'number' },
      producers: [],
      consumers: [{ repository: 'mailer' }],
      channel: 'kafka: order/placed/v2',
      spec: 'specs/mailer.asyncapi.yaml',
      message: 'OrderPlaced',
    });
  });

  it('a second receiver’s document adds its role and writes none of them', async () => {
    await document('audit.yaml', 'publish', 'audit/orders', 'Audit copy', 'id: {type: integer}');
    expect((await run('import', 'asyncapi', 'audit.yaml', '--repository', 'audit')).code).toBe(0);
    expect(await event()).toMatchObject({
      description: "Total: 'x' # not a comment <b>&amp;</b>",
      payload: { orderId: 'string', total: 'number' },
      consumers: [{ repository: 'mailer' }, { repository: 'audit' }],
      channel: 'kafka: order/placed/v2',
      spec: 'specs/mailer.asyncapi.yaml',
    });
  });

  it('a sender’s document takes them, and the receiver’s re-import then leaves them', async () => {
    await document('shop.yaml', 'subscribe', 'orders', 'Sent when an order is placed', 'orderId: {type: string}, currency: {type: string}');
    expect((await run('import', 'asyncapi', 'shop.yaml', '--repository', 'shop')).code).toBe(0);
    const sent = {
      description: 'Sent when an order is placed',
      payload: { orderId: 'string', currency: 'string' },
      channel: 'kafka: orders',
      spec: 'specs/shop.asyncapi.yaml',
    };
    expect(await event()).toMatchObject({ ...sent, producers: ['shop'] });
    await document('mailer.yaml', 'publish', 'order/placed/v3', 'Third wording', 'orderId: {type: string}');
    expect((await run('import', 'asyncapi', 'mailer.yaml', '--repository', 'mailer')).code).toBe(0);
    expect(await event()).toMatchObject({ ...sent, producers: ['shop'], consumers: [{ repository: 'mailer' }, { repository: 'audit' }] });
    expect(await run('check')).toMatchObject({ code: 0 });
  });
});
