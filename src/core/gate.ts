// The one gate for every file Plexus reads, writes or deletes on a user's behalf: registry files,
// the files their `$ref`s name, catalog files and Location targets, import sources, export and init
// output. A file passes when it is a regular file whose path, as written and as it really is (links
// followed), lies inside the folder it belongs to, outside dot-folders and node_modules, and under
// a size cap. Anything else is a `GateError` saying why, never a read of what lies outside.
import { constants } from 'node:fs';
import { link, lstat, mkdir, open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export type Refusal = 'outside' | 'hidden' | 'link-out' | 'dangling' | 'special' | 'too-large' | 'missing';

const REASONS: Record<Refusal, string> = {
  outside: 'it is outside the folder Plexus reads',
  hidden: 'it is in a dot-folder or node_modules, which Plexus does not read',
  'link-out': 'it is a symbolic link that leads out of the folder Plexus reads',
  dangling: 'it is a symbolic link to nothing',
  special: 'it is not a regular file (a folder, pipe, socket or device)',
  'too-large': 'it is larger than Plexus reads',
  missing: 'there is no such file',
};

/** Why a path did not pass the gate; `message` says it in words a user can act on. */
export class GateError extends Error {
  readonly reason: Refusal;
  readonly path: string;
  /** The reason alone, for messages that name the path their own way. */
  readonly why: string;
  constructor(reason: Refusal, path: string, detail?: string) {
    super(`${path}: ${detail ?? REASONS[reason]}`);
    this.reason = reason;
    this.path = path;
    this.why = detail ?? REASONS[reason];
  }
}

/** `path` relative to `root` with `/`, or undefined when it is not inside it. */
export function within(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '') return '';
  if (isAbsolute(rel) || rel === '..' || rel.startsWith(`..${sep}`)) return undefined;
  return rel.split(sep).join('/');
}

/** Whether a relative path passes through a dot-folder, a dot-file or node_modules. */
export const hiddenPath = (rel: string) => rel.split('/').some((part) => part.startsWith('.') || part === 'node_modules');

/** The folder a gate guards: as given (for messages and lexical checks) and as it really is. */
export interface Fence {
  dir: string;
  real: string;
  /** The folder's device and inode when the fence was set: the same folder later is the same pair, and a link put in its place is not. */
  id: { dev: number; ino: number };
}

export async function fence(dir: string): Promise<Fence> {
  const absolute = resolve(dir);
  const real = await realpath(absolute);
  const { dev, ino } = await lstat(real);
  return { dir: absolute, real, id: { dev, ino } };
}

/** What a read may reach beyond the path rules: `dotFile` lets Plexus read its own marker files (`.plexus-export`), never a dot-folder. */
export interface GateOptions {
  dotFile?: boolean;
}

const hiddenFor = (rel: string, options: GateOptions) => hiddenPath(options.dotFile ? rel.split('/').slice(0, -1).join('/') : rel);

/**
 * Where `file` really is, if it passes the path rules: inside the fence as written and once links
 * are followed, and in no dot-folder or node_modules either way. Throws a GateError otherwise.
 */
export async function gatedPath(where: Fence, file: string, shown: string = file, options: GateOptions = {}): Promise<string> {
  const absolute = resolve(where.dir, file);
  const written = within(where.dir, absolute) ?? within(where.real, absolute);
  if (written === undefined) throw new GateError('outside', shown);
  if (hiddenFor(written, options)) throw new GateError('hidden', shown);
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const link = await lstat(absolute).catch(() => undefined);
    if (link?.isSymbolicLink()) throw new GateError('dangling', shown);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new GateError('missing', shown);
    throw error;
  }
  const really = within(where.real, real);
  if (really === undefined) throw new GateError('link-out', shown);
  if (hiddenFor(really, options)) throw new GateError('hidden', shown);
  return real;
}

/**
 * Reads at most `limit + 1` bytes of a regular file, without following a final link or blocking
 * on a pipe: callers that report "too large" themselves see the extra byte.
 */
export async function readRegular(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREGULAR' });
    const buffer = new Uint8Array(Math.min(info.size, limit + 1));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** The bytes of `file` if it passes the gate and is at most `limit` bytes; a GateError otherwise. */
export async function readGated(where: Fence, file: string, limit: number, shown: string = file, options: GateOptions = {}): Promise<Uint8Array> {
  const real = await gatedPath(where, file, shown, options);
  let bytes: Uint8Array;
  try {
    bytes = await readRegular(real, limit);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTREGULAR' || code === 'ELOOP' || code === 'EISDIR') throw new GateError('special', shown);
    throw error;
  }
  if (bytes.length > limit) throw new GateError('too-large', shown, `it is larger than ${formatBytes(limit)}, the most Plexus reads`);
  return bytes;
}

export const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${n / 1024 / 1024} MiB` : n >= 1024 ? `${n / 1024} KiB` : `${n} bytes`);

/** The longest name most file systems take (NAME_MAX), in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;
/** The longest path the system takes (PATH_MAX, 4,096 with its closing NUL), less room for the temporary file's suffix. */
export const MAX_PATH_BYTES = 4095 - 32;
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
  const temporary = join(dirname(absolute), `.${stem}.plexus-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
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

/** `writeGated`'s temporary files: `.NAME.plexus-PID-XXXXXX`, with the process that wrote it. */
const TEMPORARY = /^\..*\.plexus-(\d+)-[a-z0-9]{1,6}$/;

/** Whether process `pid` is still running (one of another user's answers EPERM, and is). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed `writeGated` left in `folder` (its process is gone, so
 * nothing will rename them into place); returns how many. A missing folder has none.
 */
export async function removeStaleTemporaries(where: Fence, folder: string): Promise<number> {
  const entries = await readdir(resolve(where.dir, folder)).catch(() => [] as string[]);
  let removed = 0;
  for (const name of entries) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || running(Number(pid))) continue;
    await removeGated(where, join(resolve(where.dir, folder), name));
    removed++;
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
