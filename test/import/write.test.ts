// How an import's files reach the disk: planned in full first, then all written aside and flushed,
// then each put in place, so that a failure part way (a full disk, a kill) leaves every file as it
// was or as it should be.
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { stageGated, unwritableName } from '../../src/core/gate-write.ts';
import { fence } from '../../src/core/gate.ts';
import type { Planned } from '../../src/import/merge.ts';
import { planChanges, writeChanges } from '../../src/import/write.ts';

/** Set to a number n: the n-th write of a file from now on leaves it empty and fails, as a full disk would. */
const failing = vi.hoisted(() => ({ at: 0 }));
vi.mock('node:fs/promises', async (original) => (await import('../disk-full.ts')).fillingDisk(await original(), failing));

const root = await mkdtemp(join(tmpdir(), 'plexus-write-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const team = (id: string, name = id): Planned => ({
  collection: 'teams',
  id,
  owned: { name },
  provenance: { from: 'backstage', source: 'catalog.yaml', ref: `group:default/${id}` },
});
const listing = async (dir: string) => (await readdir(dir, { recursive: true })).sort();

describe('writeChanges', () => {
  it('puts no file in place when a write fails part way (a full disk): none is empty, no temporary file is left', async () => {
    const dir = await mkdtemp(join(root, 'new-'));
    const { changes } = await planChanges(dir, [team('a'), team('b'), team('c')], dir);
    failing.at = 2;
    const result = await writeChanges(changes, dir).catch((error: unknown) => ({ error }));
    failing.at = 0;
    expect(await listing(dir)).toEqual(['teams']);
    // The files are written at once: which one the disk filled on is not fixed.
    expect(result).toEqual({
      written: 0,
      failed: { display: expect.stringMatching(/^teams\/[abc]\.yaml$/), error: expect.objectContaining({ code: 'ENOSPC' }) },
    });
  });

  it('keeps a file that appeared where a new one goes after planning, and puts the others in place whole', async () => {
    const dir = await mkdtemp(join(root, 'appeared-'));
    const { changes } = await planChanges(dir, [team('a'), team('b'), team('c')], dir);
    await mkdir(join(dir, 'teams'));
    await writeFile(join(dir, 'teams/b.yaml'), 'name: Written meanwhile\n');
    const result = await writeChanges(changes, dir);
    expect(result).toEqual({ written: 2, failed: { display: changes[1]!.display, error: expect.objectContaining({ code: 'EEXIST' }) } });
    expect(await Promise.all(changes.map((c) => readFile(c.path, 'utf8')))).toEqual([changes[0]!.after, 'name: Written meanwhile\n', changes[2]!.after]);
    expect(await listing(dir)).toEqual(['teams', 'teams/a.yaml', 'teams/b.yaml', 'teams/c.yaml']);
  });

  it('keeps the old text of a file it was replacing when the write fails', async () => {
    const dir = await mkdtemp(join(root, 'old-'));
    const first = await planChanges(dir, [team('a', 'Old')], dir);
    expect(await writeChanges(first.changes, dir)).toEqual({ written: 1 });
    const old = await readFile(join(dir, 'teams/a.yaml'), 'utf8');
    const { changes } = await planChanges(dir, [team('a', 'New')], dir);
    expect(changes.map((c) => c.status)).toEqual(['updated']);
    failing.at = 1;
    await writeChanges(changes, dir).catch(() => undefined);
    failing.at = 0;
    expect(await readFile(join(dir, 'teams/a.yaml'), 'utf8')).toBe(old);
    expect(await listing(dir)).toEqual(['teams', 'teams/a.yaml']);
  });

  it("removes the temporary files a killed run left, and no one else's", async () => {
    const dir = await mkdtemp(join(root, 'stale-'));
    const first = await planChanges(dir, [team('a')], dir);
    await writeChanges(first.changes, dir);
    const pid1 = (await readFile('/proc/1/stat', 'utf8').catch(() => '')).split(') ')[1]?.split(' ')[19] ?? '0';
    // 4194999 is above Linux's largest pid, so no process has it; pid 1 always runs.
    const stale = ['.b.yaml.plexus-4194999-0-abc123', '.b.yaml.plexus-4194999-77-0a1b2c'];
    // Pid 1 now, but not the process 1 that started at tick 5 (a container's earlier run): where start times are known, stale.
    if (pid1 !== '0') stale.push('.d.yaml.plexus-1-5-abc123');
    const kept = [
      `.c.yaml.plexus-1-${pid1}-abc123`, // pid 1 itself, still running
      '.c.yaml.plexus-1-0-abc124', // pid 1, start unknown: it may be the writer
      '.notes',
      '.roadmap.plexus-2025-q3', // a team's files that look a little like ours
      '.backup.plexus-20240101-old',
      '.e.yaml.plexus-4194999-abc123', // the older form, without a start
    ];
    for (const name of [...stale, ...kept]) await writeFile(join(dir, 'teams', name), 'x');
    // Not a regular file: left alone, and no failure.
    await mkdir(join(dir, 'teams/.f.yaml.plexus-4194999-0-abc123'));
    await symlink('/etc/hostname', join(dir, 'teams/.g.yaml.plexus-4194999-0-abc123'));
    const { changes } = await planChanges(dir, [team('a')], dir);
    expect(await writeChanges(changes, dir)).toEqual({ written: 0, removed: stale.length });
    expect(await listing(dir)).toEqual(
      ['teams', 'teams/a.yaml', 'teams/.f.yaml.plexus-4194999-0-abc123', 'teams/.g.yaml.plexus-4194999-0-abc123', ...kept.map((k) => `teams/${k}`)].sort(),
    );
  });

  it('names its temporary files with its pid and start, and does not take its own for stale', async () => {
    const dir = await mkdtemp(join(root, 'named-'));
    const staged = await stageGated(await fence(dir), join(dir, 'teams/b.yaml'), 'x', { create: true, flush: false });
    const name = staged.temporary.split('/').at(-1)!;
    expect(name).toMatch(new RegExp(`^\\.b\\.yaml\\.plexus-${process.pid}-\\d+-[0-9a-f]{6}$`));
    expect(await writeChanges((await planChanges(dir, [team('a')], dir)).changes, dir)).toEqual({ written: 1 });
    expect(await listing(dir)).toEqual(['teams', 'teams/a.yaml', `teams/${name}`].sort());
  });
});

describe('planChanges', () => {
  it('refuses a name no file system takes before anything is written', async () => {
    const dir = await mkdtemp(join(root, 'long-'));
    const long = 'x'.repeat(300);
    const planned = await planChanges(dir, [team('short'), team(long)], root);
    // Shown relative to the working folder, cut in the middle.
    const display = `${dir.slice(root.length + 1)}/teams/${long}.yaml`;
    expect(planned.refused).toEqual([
      { display: `${display.slice(0, 60)}…${'x'.repeat(55)}.yaml`, reason: 'its name is 305 bytes long; a file name can be at most 255' },
    ]);
    expect(planned.changes.map((c) => c.status)).toEqual(['new']);
  });

  it('treats an empty or blank file where it writes as one a cut-short run left: repaired, not kept', async () => {
    const dir = await mkdtemp(join(root, 'blank-'));
    const first = await planChanges(dir, [team('a'), team('b')], dir);
    await writeChanges(first.changes, dir);
    await writeFile(join(dir, 'teams/a.yaml'), '');
    await writeFile(join(dir, 'teams/b.yaml'), ' \n\t\n');
    const again = await planChanges(dir, [team('a'), team('b')], dir);
    expect([again.kept, again.changes.map((c) => [c.status, c.after])]).toEqual([[], first.changes.map((c) => ['repaired', c.after])]);
  });
});

describe('unwritableName', () => {
  it('names the part that is too long, or the whole path', () => {
    expect(unwritableName(`/tmp/${'é'.repeat(128)}/a.yaml`)).toBe('its name is 256 bytes long; a file name can be at most 255');
    expect(unwritableName(`/tmp/${'é'.repeat(127)}/a.yaml`)).toBeUndefined();
    expect(unwritableName(`/${'d'.repeat(200)}`.repeat(21))).toBe('its path is 4221 bytes long; Plexus writes paths of at most 4047');
  });
});
