// Fetching the spec an import names, and the copy of it that the registry keeps under specs/.
import { lstat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { describeFsError } from '../core/fs-errors.ts';
import { type Fence, fence, formatBytes, GateError, readGated, within } from '../core/gate.ts';
import { MAX_SPEC_BYTES } from '../core/decode.ts';
import { bodyUpTo, type RefScope } from '../specs/refs.ts';
import type { FileChange } from './write.ts';

/** `path` as the registry records it: relative to the registry folder, with `/`. */
export const relativeTo = (dir: string, path: string) => relative(dir, path).split(sep).join('/');

/** A description's first paragraph on one line: what a registry's one-line fields hold. */
export const firstParagraph = (text: string | undefined): string | undefined =>
  text
    ?.split(/\n\s*\n/)[0]
    ?.replace(/\s+/g, ' ')
    .trim() || undefined;

/** A spec named on the command line: its text, where it is (for relative `$ref`s) and what its `$ref`s may reach. */
export interface FetchedSpec {
  text: string;
  location: string;
  display: string;
  /** A local spec's `$ref`s reach files under its own folder; a fetched one's, URLs under its origin. */
  scope: RefScope;
}

/**
 * The text of a local file or an http(s) URL, or why it cannot be had. A local spec's `$ref`s reach
 * files under its own folder, or under `root` when the user widens the fence to a folder that
 * contains the spec (`--root`: schemas kept in a sibling folder); the gate's rules hold there too.
 */
export async function fetchSpec(input: string, cwd: string, root?: string): Promise<FetchedSpec | { error: string }> {
  if (root !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(input))
    return { error: `--root is for a spec read from a file; ${input} is fetched, and its $refs reach its origin` };
  if (/^https?:\/\//i.test(input)) {
    try {
      const response = await fetch(input, { signal: AbortSignal.timeout(30_000) });
      if (!response.ok) return { error: `${input}: the server answered ${response.status} ${response.statusText}` };
      const body = await bodyUpTo(response, MAX_SPEC_BYTES);
      if (body === undefined) return { error: `${input}: larger than ${formatBytes(MAX_SPEC_BYTES)}, the most Plexus reads` };
      const text = new TextDecoder().decode(body);
      const location = response.url || input;
      return { text, location, display: input, scope: { origin: new URL(location).origin } };
    } catch (error) {
      return { error: `${input}: cannot fetch it (${(error as Error).message})` };
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(input)) return { error: `${input}: give a file path or an http(s) URL` };
  const path = resolve(cwd, input);
  const shown = relative(cwd, path) || path;
  let files: Fence;
  try {
    files = await fence(root === undefined ? dirname(path) : resolve(cwd, root));
  } catch (error) {
    return { error: `--root ${root}: ${describeFsError(error)}` };
  }
  if (root !== undefined) {
    const info = await lstat(files.dir);
    if (!info.isDirectory()) return { error: `--root ${root}: ${info.isSymbolicLink() ? 'a link; name the folder itself' : 'not a folder'}` };
    if (within(files.dir, path) === undefined) return { error: `--root ${root}: it does not contain ${shown}; name a folder the spec is in` };
  }
  try {
    const bytes = await readGated(files, path, MAX_SPEC_BYTES, input);
    return { text: new TextDecoder().decode(bytes), location: path, display: shown, scope: { files, parsed: new Map() } };
  } catch (error) {
    if (error instanceof GateError) return { error: error.message };
    return { error: `${input}: ${describeFsError(error)}` };
  }
}

/**
 * Where the registry keeps the spec: the file itself when it is already inside the registry,
 * otherwise a copy under specs/ that this import writes, and refreshes on the next run at the
 * same place (`previous`, the copy it wrote before), whatever the format now. A file already at
 * the place that this import did not write is never replaced.
 */
export async function specCopy(
  fetched: { text: string; location: string },
  name: string,
  options: { contentDir: string; cwd: string; previous?: string },
): Promise<{ path: string; file?: FileChange } | { error: string }> {
  const inside = !/^https?:/i.test(fetched.location) && fetched.location.startsWith(options.contentDir + sep);
  if (inside) return { path: relative(options.contentDir, fetched.location).split(sep).join('/') };
  const ext = /^\s*\{/.test(fetched.text) ? '.json' : extname(fetched.location) === '.yml' ? '.yml' : '.yaml';
  const path = options.previous ?? `specs/${name}${ext}`;
  const target = join(options.contentDir, path);
  const display = relative(options.cwd, target) || target;
  const info = await lstat(target).catch(() => undefined);
  if (info && !info.isFile()) return { error: `${display}: not a regular file; Plexus will not write there` };
  // Read through the gate like every registry file: a specs folder that is a link out is not read from.
  let before: string | undefined;
  if (info)
    try {
      before = new TextDecoder().decode(await readGated(await fence(options.contentDir), target, MAX_SPEC_BYTES, display));
    } catch (error) {
      if (error instanceof GateError) return { error: `${display}: ${error.why}; Plexus will not write there` };
      throw error;
    }
  if (before !== undefined && path !== options.previous)
    return { error: `${display} exists and no earlier import wrote it; move it, or import it from where it is inside the registry` };
  const status = before === undefined ? 'new' : before === fetched.text ? 'unchanged' : 'updated';
  return { path, file: { path: target, display, before, after: fetched.text, status } };
}
