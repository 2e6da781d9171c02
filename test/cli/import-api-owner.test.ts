// Issue 26: a Backstage API whose owner is in no catalog file (group:default/guest) or is not given
// is written with owner unknown, as a component's team is; its report line says why and where, and
// the imported registry checks clean (the integration was written without owner: PLX011).
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIn } from './harness.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-import-api-owner-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await cp(join(import.meta.dirname, '..', 'fixtures', 'backstage-api-owner'), join(root, 'cat'), { recursive: true });
await mkdir(join(root, 'reg'));
const run = (...args: string[]) => runIn(root, args, { PLEXUS_TODAY: '2026-12-06' });
const imported = await run('import', 'backstage', 'cat', '--content', 'reg');

describe('import backstage: an API whose owner dangles or is not given', () => {
  it('imports into an empty folder, then check: exit 0, no problems', async () => {
    expect([imported.code, imported.err, imported.out.split('\n').at(-1)]).toEqual([0, '', 'Check of the imported files: No problems in 5 files.']);
    expect(await run('check', '--content', 'reg')).toEqual({ code: 0, out: 'No problems in 5 files.', err: '' });
  });

  it('writes owner: unknown for both, and the rest as the catalog says', async () => {
    const guest = await readFile(join(root, 'reg/integrations/guest-api.yaml'), 'utf8');
    expect(guest).toMatch(/^owner: unknown$/m);
    expect(guest).toMatch(/^provider: shop$/m);
    expect(await readFile(join(root, 'reg/integrations/lost-api.yaml'), 'utf8')).toMatch(/^owner: unknown$/m);
    expect(await readFile(join(root, 'reg/repositories/shop.yaml'), 'utf8')).toMatch(/^team: team-a$/m);
  });

  it('reports each with why, and the dangling one with its position', () => {
    expect(imported.out).toContain(
      '    api:default/guest-api: names group:default/guest (cat/catalog-info.yaml:31:10), which is not in the catalog or the registry: owner written as unknown\n',
    );
    expect(imported.out).toContain('    api:default/lost-api: no owner: owner written as unknown\n');
  });
});
