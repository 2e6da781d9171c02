// Issue 26: the integration an AsyncAPI import derives for an event is owned by the producer's team,
// else the importing repository's. When both teams are unknown, its owner is written unknown, as a
// repository's team is, and check accepts it (it was left out: PLX011).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runIn, writeRegistry } from './harness.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-asyncapi-unknown-owner-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const repository = (name: string, team: string) => `name: ${name}\npurpose: unknown\nkind: service\nstatus: active\nurl: unknown\nteam: ${team}\n`;
await writeRegistry(root, 'reg', {
  'teams/core.yaml': 'name: Core\n',
  'repositories/shop.yaml': repository('Shop', 'unknown'),
  'repositories/mailer.yaml': repository('Mailer', 'unknown'),
  'repositories/audit.yaml': repository('Audit', 'core'),
});
const run = (...args: string[]) => runIn(root, [...args, '--content', 'reg'], { PLEXUS_TODAY: '2026-12-06' });

/** An AsyncAPI 2.6 document of an application that sends (subscribe) or receives (publish) a message. */
const document = (file: string, op: 'publish' | 'subscribe', name: string) =>
  writeFile(
    join(root, file),
    [
      'asyncapi: 2.6.0',
      `info: {title: ${file}, version: 1.0.0}`,
      'servers: {production: {url: "kafka.example:9092", protocol: kafka}}',
      'channels:',
      `  ${name}:`,
      `    ${op}:`,
      '      message:',
      `        name: ${name}`,
      '        summary: "<b>An</b> order & \'x\'"',
      '',
    ].join('\n'),
  );
const owner = async (id: string) => parse(await readFile(join(root, `reg/integrations/${id}-event.yaml`), 'utf8')).owner;

describe('plexus import asyncapi: the owner of a derived integration', () => {
  it('is unknown when the producer and the importing repository both have team unknown', async () => {
    await document('shop.yaml', 'subscribe', 'OrderPlaced');
    const imported = await run('import', 'asyncapi', 'shop.yaml', '--repository', 'shop');
    expect([imported.code, imported.out.split('\n').at(-1)]).toEqual([0, 'Check of the imported files: No problems in 5 files.']);
    expect(await owner('order-placed')).toBe('unknown');
  });

  it('is the first known team: a receiver in team core importing an event nobody is known to send', async () => {
    await document('audit.yaml', 'publish', 'OrderShipped');
    expect((await run('import', 'asyncapi', 'audit.yaml', '--repository', 'audit')).code).toBe(0);
    expect(await owner('order-shipped')).toBe('core');
  });
});
