// Flushing many new files to disk at once. fsync() on each of thousands of small files makes the
// file system commit its journal thousands of times (an import of 7,000 files spent a second and
// more waiting on it); Linux's syncfs() commits once for all of them. Node has no syncfs, so it is
// reached through `sync --file-system`, and where that is not there each file is flushed by itself.
import { execFile } from 'node:child_process';
import { open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { mapLimit } from './pool.ts';

/** Files from which one flush of the whole file system beats one per file (spawning `sync` costs a few ms). */
export const FLUSH_ALL_FROM = 64;

/** Where `sync` lives on Linux systems: a fixed path, never one found through PATH. */
const SYNC_PROGRAMS = ['/usr/bin/sync', '/bin/sync'];

/** How long one `sync` may take before each file is flushed by itself instead. */
export const SYNC_TIMEOUT_MS = 120_000;

/** Runs `sync --file-system FILE` (syncfs on FILE's file system); false where it is not there, fails or hangs. */
function syncFileSystem(file: string, program: string, timeout: number): Promise<boolean> {
  return new Promise((resolve) => execFile(program, ['--file-system', '--', file], { timeout, killSignal: 'SIGKILL' }, (error) => resolve(!error)));
}

/**
 * Makes sure `files` (written, not yet flushed) are on disk: through each file system's own flush
 * when there are many and `sync --file-system` works here, otherwise an fsync of each. Throws what a
 * failed fsync throws. A `sync` that has not finished after `timeout` ms is stopped and each file
 * flushed by itself. `programs` and `timeout` are for tests.
 */
export async function flushFiles(
  files: readonly string[],
  programs: readonly string[] = SYNC_PROGRAMS,
  timeout = SYNC_TIMEOUT_MS,
): Promise<'file system' | 'each file'> {
  if (files.length >= FLUSH_ALL_FROM && process.platform === 'linux' && (await flushFileSystems(files, programs, timeout))) return 'file system';
  await mapLimit(files, 64, async (file) => {
    const handle = await open(file, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
  return 'each file';
}

/** One `sync --file-system` for each file system the files are on (a folder may be a mount point); false if one fails. */
async function flushFileSystems(files: readonly string[], programs: readonly string[], timeout: number): Promise<boolean> {
  // The first file in each folder stands for the folder; the first folder on each device for the device.
  const firstIn = new Map<string, string>();
  for (const f of files) if (!firstIn.has(dirname(f))) firstIn.set(dirname(f), f);
  const oneEach = new Map<number, string>();
  for (const [folder, file] of firstIn) {
    const info = await stat(folder).catch(() => undefined);
    if (!info) return false;
    if (!oneEach.has(info.dev)) oneEach.set(info.dev, file);
  }
  for (const file of oneEach.values()) {
    let flushed = false;
    for (const program of programs) if (!flushed) flushed = await syncFileSystem(file, program, timeout);
    if (!flushed) return false;
  }
  return true;
}
