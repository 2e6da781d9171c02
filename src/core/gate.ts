// The one gate for every file Plexus reads, writes or deletes on a user's behalf: registry files,
// the files their `$ref`s name, catalog files and Location targets, import sources, export and init
// output. A file passes when it is a regular file whose path, as written and as it really is (links
// followed), lies inside the folder it belongs to, outside dot-folders and node_modules, and under
// a size cap. Anything else is a `GateError` saying why, never a read of what lies outside.
// Writing and deleting through the gate are in gate-write.ts.
import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

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
