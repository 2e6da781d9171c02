// Issue 26: a repository whose team is unknown gives no team to own what is imported for it. An
// OpenAPI import that would create an integration for it asks for --owner instead of writing an
// owner `unknown` that names no team; with --owner, or onto an integration that has an owner, it
// imports and checks clean.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIn, writeRegistry } from './harness.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const root = await mkdtemp(join(tmpdir(), 'plexus-import-unknown-team-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await cp(join(FIXTURES, 'specs', 'orders-3.1.yaml'), join(root, 'orders.yaml'));
await writeRegistry(root, 'reg', {
  'teams/core.yaml': 'name: Core\n',
  'repositories/orders.yaml': 'name: Orders\npurpose: Orders\nkind: service\nstatus: active\nurl: unknown\nteam: unknown\n',
});
const run = (...args: string[]) => runIn(root, [...args, '--content', 'reg'], { PLEXUS_TODAY: '2026-12-06' });

describe('plexus import openapi for a repository whose team is unknown', () => {
  it('asks for --owner rather than write an owner that names no team, and writes nothing', async () => {
    const r = await run('import', 'openapi', 'orders.yaml', '--provider', 'orders', '--integration', 'orders-api');
    expect([r.code, r.out, r.err.split('\n')[0]]).toEqual([
      2,
      '',
      '--owner TEAM is needed: the team of orders, which would own the new integration orders-api, is unknown.',
    ]);
    await expect(readFile(join(root, 'reg/integrations/orders-api.yaml'), 'utf8')).rejects.toThrow('ENOENT');
  });

  it('imports with --owner, and again without it once the integration has its owner; check is clean', async () => {
    const first = await run('import', 'openapi', 'orders.yaml', '--provider', 'orders', '--integration', 'orders-api', '--owner', 'core');
    expect([first.code, first.out.split('\n').at(-1)]).toEqual([0, 'Check of the imported files: No problems in 3 files.']);
    expect(await readFile(join(root, 'reg/integrations/orders-api.yaml'), 'utf8')).toMatch(/^owner: core$/m);
    const again = await run('import', 'openapi', 'orders.yaml', '--provider', 'orders', '--integration', 'orders-api');
    expect(again.code).toBe(0);
    expect(await run('check')).toEqual({ code: 0, out: 'No problems in 5 files.', err: '' });
  });
});
