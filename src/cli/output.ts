// Where a command may write: never inside the registry, never through a symbolic link, never over
// a file it was not asked to replace. Shared by `fill --out` and `export --md`.
import { lstat, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { overlaps, realTarget } from '../build/output.ts';
import { UsageError } from './io.ts';

/**
 * Checks that `--out FILE` may be written: its folder exists, it is not a folder, it is not the
 * registry or anything in it, not one of the command's own inputs, and, unless `force`, nothing
 * is there yet. Throws a UsageError (exit 2) that says which.
 */
export async function checkOutputFile(
  out: string,
  options: { cwd: string; registry: string; inputs: string[]; force: boolean; option: string },
): Promise<void> {
  const shown = relative(options.cwd, out) || out;
  const folder = await lstat(dirname(out)).catch(() => undefined);
  if (!folder?.isDirectory())
    throw new UsageError(`${options.option}: there is no folder ${relative(options.cwd, dirname(out)) || '.'} to write ${basename(out)} in.`);
  const existing = await lstat(out).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`${options.option}: ${shown} is a folder; give a file name.`);
  const real = await realTarget(out);
  if (overlaps(real, await realpath(options.registry)))
    throw new UsageError(`${options.option}: ${shown} is inside the registry; write filled copies outside it.`);
  for (const input of options.inputs) {
    if ((await realTarget(input).catch(() => input)) === real)
      throw new UsageError(`${options.option}: ${shown} is one of this command's inputs; write the result elsewhere.`);
  }
  if (existing && !options.force) throw new UsageError(`${options.option}: ${shown} already exists; add --force to replace it.`);
}

/** Writes `text` to `path` by renaming a finished temporary file over it: a link there is replaced, never written through. */
export async function replaceFile(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.plexus-${process.pid}`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}
