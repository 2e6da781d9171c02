// Issue 26: `plexus new integration --provider X` where X's team is unknown has no team to take as
// owner. It asks for --owner TEAM (exit 2, nothing written), as `plexus import openapi` does; with
// --owner the integration is written owned by that team and checks clean.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIn, writeRegistry } from './harness.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-new-unknown-team-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await writeRegistry(root, 'reg', {
  'teams/core.yaml': 'name: Core\n',
  'repositories/orders.yaml': 'name: Orders\npurpose: Orders\nkind: service\nstatus: active\nurl: unknown\nteam: unknown\n',
});
const run = (...args: string[]) => runIn(root, [...args, '--content', 'reg'], { PLEXUS_TODAY: '2026-12-06' });

describe('plexus new integration for a provider whose team is unknown', () => {
  it('asks for --owner TEAM in one line and writes nothing', async () => {
    const r = await run('new', 'integration', 'orders-api', '--provider', 'orders');
    expect([r.code, r.out, r.err.split('\n')[0]]).toEqual([
      2,
      '',
      '--owner TEAM is needed: the team of orders, which would own the new integration orders-api, is unknown.',
    ]);
    await expect(readFile(join(root, 'reg/integrations/orders-api.yaml'), 'utf8')).rejects.toThrow('ENOENT');
  });

  it('refuses an --owner that is no team', async () => {
    const r = await run('new', 'integration', 'orders-api', '--provider', 'orders', '--owner', 'orders');
    expect([r.code, r.err.split('\n')[0]]).toEqual([2, '--owner: no team "orders".']);
  });

  it('writes the integration owned by the team named, and check finds nothing in it', async () => {
    const r = await run('new', 'integration', 'orders-api', '--provider', 'orders', '--owner', 'core');
    // Exit 0: check finds nothing in the new file (it said PLX011, owner missing, before).
    expect([r.code, r.out.split('\n')[0], r.err]).toEqual([0, 'Created reg/integrations/orders-api.yaml.', '']);
    expect(r.out).not.toContain('PLX');
    expect(await readFile(join(root, 'reg/integrations/orders-api.yaml'), 'utf8')).toMatch(/^owner: core$/m);
  });
});
