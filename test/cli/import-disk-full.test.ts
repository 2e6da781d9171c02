// A disk that fills while an import writes: every file is written aside before any is put in
// place, so the registry is left as it was, and the import says so (exit 2).
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';

/** Set to a number n: the n-th write of a file from now on fails as a full disk does. */
const failing = vi.hoisted(() => ({ at: 0 }));
vi.mock('node:fs/promises', async (original) => (await import('../disk-full.ts')).fillingDisk(await original(), failing));

const root = await mkdtemp(join(tmpdir(), 'plexus-import-disk-full-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const group = (name: string) => `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\nspec:\n  type: team\n`;

describe('plexus import on a disk that fills', () => {
  it('puts no file in place and says nothing was written, exit 2', async () => {
    await mkdir(join(root, 'catalog'));
    await mkdir(join(root, 'reg'));
    await writeFile(join(root, 'reg', 'ecosystem.yaml'), 'name: Full\n');
    await writeFile(join(root, 'catalog', 'groups.yaml'), ['a', 'b', 'c', 'd'].map(group).join('---\n'));
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { cwd: root, env: { PLEXUS_TODAY: '2026-12-06' }, out: (t) => out.push(t), err: (t) => err.push(t) };
    failing.at = 3;
    const code = await runMain(['import', 'backstage', 'catalog', '--content', 'reg'], io);
    failing.at = 0;
    expect(code).toBe(2);
    expect(err).toEqual([expect.stringMatching(/^Cannot write reg\/teams\/[abcd]\.yaml: the disk is full\.$/), 'Nothing written: no file was put in place.']);
    expect(out).toEqual([]);
    // Nothing in place and no temporary file left: only what was there before.
    expect((await readdir(join(root, 'reg'), { recursive: true })).sort()).toEqual(['ecosystem.yaml', 'teams']);
  });
});
