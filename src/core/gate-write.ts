// Writing and deleting through the file gate (gate.ts): a file is written in full beside where it
// goes and renamed into place, only through real folders inside its fence, and never over what is
// not a regular file; a delete removes only a regular file. Names no file system takes are found
// before anything is written.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, lstat, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { type Fence, GateError, within } from './gate.ts';

/** The longest name most file systems take (NAME_MAX), in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;
/** The longest path the system takes (PATH_MAX, 4,096 with its closing NUL), less room for the temporary file's suffix. */
export const MAX_PATH_BYTES = 4095 - 48;
/** Bytes of a file's name kept in its temporary file's name, so that one stays a legal name too. */
const TEMP_STEM_BYTES = 200;

/**
 * Why `file` cannot be written at all, found before anything is: a name longer than 255 bytes
 * or a path longer than PATH_MAX fails only when the write is tried, after others succeeded.
 */
export function unwritableName(file: string): string | undefined {
  const long = resolve(file)
    .split(sep)
    .find((part) => Buffer.byteLength(part) > MAX_NAME_BYTES);
  if (long !== undefined) return `its name is ${Buffer.byteLength(long)} bytes long; a file name can be at most ${MAX_NAME_BYTES}`;
  const bytes = Buffer.byteLength(resolve(file));
  if (bytes > MAX_PATH_BYTES) return `its path is ${bytes} bytes long; Plexus writes paths of at most ${MAX_PATH_BYTES}`;
  return undefined;
}

/**
 * Checks that every folder from the fence down to `file`'s folder is a real folder (or not there
 * yet) inside the fence, so that writing or deleting `file` cannot reach through a link.
 */
async function realFolders(where: Fence, file: string, shown: string): Promise<{ allThere: boolean }> {
  const absolute = resolve(where.dir, file);
  if (within(where.dir, absolute) === undefined || within(where.dir, absolute) === '') throw new GateError('outside', shown);
  let allThere = true;
  for (let dir = dirname(absolute); within(where.dir, dir) !== undefined && dir !== where.dir; dir = dirname(dir)) {
    const info = await lstat(dir).catch(() => undefined);
    if (!info) allThere = false;
    else if (!info.isDirectory())
      throw new GateError('link-out', shown, `${relative(where.dir, dir)} is not a real folder (a link?); Plexus writes and deletes only through real folders`);
  }
  // One stat, not a realpath (a readlink per part of the path): the folder reached now is the fenced one, not another a link leads to.
  const now = await stat(where.dir).catch(() => undefined);
  if (!now?.isDirectory() || now.dev !== where.id.dev || now.ino !== where.id.ino)
    throw new GateError('link-out', shown, 'the folder was replaced by a link while Plexus worked');
  return { allThere };
}

/**
 * Why each of `files` may not be written or deleted (a folder on its way is a link, or it is
 * outside the fence), changing nothing: a command checks every path first, so that a refusal
 * leaves everything as it was. Empty when all may be.
 */
export async function refusedFolders(where: Fence, files: string[], show: (file: string) => string = (file) => file): Promise<GateError[]> {
  const checked = await Promise.all(
    files.map((file) =>
      realFolders(where, file, show(file)).then(
        () => undefined,
        (error) => {
          if (error instanceof GateError) return error;
          throw error;
        },
      ),
    ),
  );
  return checked.filter((error) => error !== undefined);
}

/**
 * Makes `file`'s folders through real folders only, and refuses replacing what is not a regular
 * file. `creating`: nothing may be there at all, which link() itself ensures, so it is not looked at.
 */
async function readyFor(where: Fence, absolute: string, shown: string, creating = false) {
  // Folders made here are checked again once made; folders that were all there need not be.
  if (!(await realFolders(where, absolute, shown)).allThere) {
    await mkdir(dirname(absolute), { recursive: true });
    await realFolders(where, absolute, shown);
  }
  if (creating) return undefined;
  const there = await lstat(absolute).catch(() => undefined);
  if (there && !there.isFile()) throw new GateError('special', shown, 'something that is not a regular file is there; Plexus will not replace it');
  return there;
}

/**
 * Writes `text` to `file` inside the fence by renaming a finished temporary file over it: a reader
 * never sees half a file, a kill leaves the old file or the new one, and a link there is replaced,
 * never written through. With `create`, the file must not exist yet.
 */
export async function writeGated(where: Fence, file: string, text: string | Uint8Array, options: { create?: boolean; shown?: string } = {}): Promise<void> {
  const staged = await stageGated(where, file, text, { ...options, flush: true });
  await placeStaged(staged);
}

/** A file written in full beside where it goes, under a temporary name: `placeStaged` puts it there. */
export interface Staged {
  temporary: string;
  absolute: string;
  create: boolean;
  shown: string;
}

/**
 * The first half of `writeGated`, for a command that writes many files: each is written aside
 * first (`flush: false` leaves flushing them to disk to the caller, all at once), and only when all
 * are written are they put in place, so a full disk part way puts none of them there.
 */
export async function stageGated(
  where: Fence,
  file: string,
  text: string | Uint8Array,
  options: { create?: boolean; shown?: string; flush: boolean },
): Promise<Staged> {
  const shown = options.shown ?? file;
  const absolute = resolve(where.dir, file);
  const there = await readyFor(where, absolute, shown, options.create);
  if (there && options.create) throw Object.assign(new Error(`${shown} already exists`), { code: 'EEXIST' });
  const stem = Buffer.from(basename(absolute)).subarray(0, TEMP_STEM_BYTES).toString();
  const temporary = join(dirname(absolute), `.${stem}.plexus-${process.pid}-${selfStarted()}-${randomBytes(6).toString('hex').slice(0, 6)}`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(text);
      if (options.flush) await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
  return { temporary, absolute, create: !!options.create, shown };
}

/** Puts a staged file in place (a new one only where nothing is), or removes it if that fails. */
export async function placeStaged(staged: Staged): Promise<void> {
  const { temporary, absolute, shown } = staged;
  let renamed = false;
  try {
    if (staged.create) {
      // A file that is there (or appeared meanwhile) is kept: link() refuses to replace it where rename() would not.
      await link(temporary, absolute).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'EEXIST' ? Object.assign(new Error(`${shown} already exists`), { code: 'EEXIST' }) : error;
      });
    } else {
      await rename(temporary, absolute);
      renamed = true;
    }
  } finally {
    // Written and renamed, the temporary name is gone; otherwise (linked, or a failure) it goes now.
    if (!renamed) await unlink(temporary).catch(() => {});
  }
}

/** Removes a staged file that will not be put in place. */
export const discardStaged = (staged: Staged): Promise<void> => unlink(staged.temporary).catch(() => {});

/**
 * Moves the finished file `from` (on the same file system) to `file` inside the fence, by the
 * rules of writeGated: for a command that writes all its files aside first, so that a failure
 * while writing changes nothing where they go.
 */
export async function moveGated(where: Fence, from: string, file: string, shown: string = file): Promise<void> {
  const absolute = resolve(where.dir, file);
  await readyFor(where, absolute, shown);
  await rename(from, absolute);
}

/**
 * `writeGated`'s temporary files: `.NAME.plexus-PID-START-XXXXXX`, with the process that wrote it
 * and when that process started (0 where that is not known), so that a later process given the
 * same PID (a container's every process 1) is not taken for the writer.
 */
const TEMPORARY = /^\..+\.plexus-(\d+)-(\d+)-[0-9a-f]{6}$/;

/** When process `pid` started, in clock ticks since boot (Linux's /proc); undefined elsewhere. */
function started(pid: number | 'self'): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 of the line; the fields after the command's closing parenthesis start at field 3.
    const value = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isInteger(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

let ownStart: number | undefined;
/** When this process started, as temporary names record it: read once. */
const selfStarted = () => (ownStart ??= started('self') ?? 0);

/** Whether process `pid` is still running (one of another user's answers EPERM, and is). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process that wrote a temporary file may still finish it: it runs, and is the same process. */
function stillWriting(pid: number, start: number): boolean {
  if (!running(pid)) return false;
  const now = started(pid);
  return start === 0 || now === undefined || now === start;
}

/**
 * Removes the temporary files a killed `writeGated` left in `folder` (its process is gone, so
 * nothing will rename them into place); returns how many. A missing folder has none. Only regular
 * files of exactly that name are removed: anything else of such a name is left, and said nothing of.
 */
export async function removeStaleTemporaries(where: Fence, folder: string): Promise<number> {
  const entries = await readdir(resolve(where.dir, folder)).catch(() => [] as string[]);
  let removed = 0;
  for (const name of entries) {
    const found = TEMPORARY.exec(name);
    if (!found || stillWriting(Number(found[1]), Number(found[2]))) continue;
    try {
      await removeGated(where, join(resolve(where.dir, folder), name));
      removed++;
    } catch (error) {
      if (!(error instanceof GateError)) throw error;
    }
  }
  return removed;
}

/** Deletes `file` inside the fence if it is a regular file reached through real folders only. */
export async function removeGated(where: Fence, file: string, shown: string = file): Promise<void> {
  const absolute = resolve(where.dir, file);
  await realFolders(where, absolute, shown);
  const info = await lstat(absolute).catch(() => undefined);
  if (!info) return;
  if (!info.isFile()) throw new GateError('special', shown, 'it is not a regular file; Plexus deletes only files it wrote');
  await unlink(absolute);
}
