import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Source } from './model.ts';
import { buildRegistry, type BuildResult } from './registry.ts';
import { todayIso } from './dates.ts';

/** Every file under `dir` (skipping dot-folders and node_modules), as core `Source`s. */
export async function readSources(dir: string, cwd: string = process.cwd()): Promise<Source[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (f) =>
        !relative(dir, f)
          .split(sep)
          .some((part) => part.startsWith('.') || part === 'node_modules'),
    );
  return Promise.all(
    files.map(async (file) => ({
      path: relative(dir, file).split(sep).join('/'),
      display: relative(cwd, file).split(sep).join('/') || file,
      bytes: await readFile(file),
    })),
  );
}

/** Reads a registry folder and runs the pipeline on it: the I/O edge of `buildRegistry`. */
export async function loadRegistry(dir: string, options: { today?: string; cwd?: string } = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const sources = await readSources(dir, cwd);
  return buildRegistry(sources, { today: options.today ?? todayIso(), contentLabel: relative(cwd, dir) || '.' });
}
