// Many new files are flushed to disk by one flush of their file system where Linux's
// `sync --file-system` is there, otherwise one fsync each (src/core/flush.ts).
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FLUSH_ALL_FROM, flushFiles } from '../../src/core/flush.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-flush-'));
afterAll(() => rm(root, { recursive: true, force: true }));
const files = async (n: number) => {
  const dir = await mkdtemp(join(root, 'f-'));
  await Promise.all(Array.from({ length: n }, (_, i) => writeFile(join(dir, `${i}.yaml`), `n: ${i}\n`)));
  return (await readdir(dir)).map((f) => join(dir, f));
};

describe('flushFiles', () => {
  it.skipIf(process.platform !== 'linux')('flushes many files with one sync of their file system', async () => {
    expect(await flushFiles(await files(FLUSH_ALL_FROM))).toBe('file system');
  });

  it('flushes a few files one by one', async () => {
    expect(await flushFiles(await files(FLUSH_ALL_FROM - 1))).toBe('each file');
  });

  it('falls back to one fsync each where sync --file-system is missing or fails', async () => {
    const many = await files(FLUSH_ALL_FROM);
    expect(await flushFiles(many, [join(root, 'no-such-sync')])).toBe('each file');
    expect(await flushFiles(many, ['/bin/false'])).toBe('each file');
  });

  it('stops a sync that hangs and flushes each file instead', async () => {
    const hang = join(root, 'hanging-sync');
    await writeFile(hang, '#!/bin/sh\nexec sleep 600\n', { mode: 0o755 });
    expect(await flushFiles(await files(FLUSH_ALL_FROM), [hang], 300)).toBe('each file');
  });

  it('says when a file cannot be flushed', async () => {
    const many = await files(3);
    await rm(many[1]!);
    await expect(flushFiles(many)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
