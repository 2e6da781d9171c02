// How an import's files reach the registry: each one planned against what is there now (what it
// should hold is worked out in merge.ts), refused before any is written if it cannot be, then all
// written aside, flushed together and put in place; and how a dry run shows the changes.
import { lstat, readdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { flushFiles } from '../core/flush.ts';
import { type Fence, fence, GateError, readGated } from '../core/gate.ts';
import { discardStaged, placeStaged, refusedFolders, removeStaleTemporaries, type Staged, stageGated, unwritableName } from '../core/gate-write.ts';
import { mapLimit } from '../core/pool.ts';
import { onBothThreads } from '../core/second-thread.ts';
import { MAX_FILE_BYTES } from '../core/decode.ts';
import type { Spec } from '../specs/read.ts';
import { mergeEntity, newEntityData, type Planned } from './merge.ts';

/** Files read or written at once: well under the usual limit of open files. */
const FILES_AT_ONCE = 64;
/** New files from which their YAML is printed on two threads (below, a second thread costs more than it saves). */
const PRINTED_APART_FROM = 1000;

/** A file the import would write, and what it holds before and after. */
export interface FileChange {
  path: string;
  /** Relative to the working folder, for messages. */
  display: string;
  before?: string;
  after: string;
  /** What `after` reads as, when the import built it (so a check after writing need not parse it again). */
  data?: Record<string, unknown>;
  /** `repaired`: the file was there but empty, as a run cut short leaves it, and is written whole. */
  status: 'new' | 'repaired' | 'updated' | 'unchanged';
  /** The spec as the import read it from exactly `after`: the check after writing uses it instead of reading the copy again. */
  parsed?: Spec;
  /** A copy of a spec: `--dry-run` says what it holds and what changed in it (operations or messages), not every line. */
  spec?: { unit: string; before?: readonly string[]; after: readonly string[] };
}

/** `4 operations; 1 added: GET /x; 2 removed: …`: what a spec copy holds and what changed, for `--dry-run`. */
export function specSummary(c: FileChange): string {
  const { unit, before, after } = c.spec!;
  const n = (k: number) => `${k.toLocaleString('en-US')} ${unit}${k === 1 ? '' : 's'}`;
  const lines = (t: string | undefined) => (t === undefined ? 0 : t.split('\n').length);
  const size = `${c.before === undefined ? '' : `${lines(c.before).toLocaleString('en-US')} → `}${lines(c.after).toLocaleString('en-US')} lines`;
  if (before === undefined) return `${c.status === 'new' ? 'new' : 'rewritten'} copy of the spec, not shown (${size}): ${n(after.length)}`;
  const list = (xs: string[]) => (xs.length <= 5 ? xs.join(', ') : `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more`);
  const added = after.filter((x) => !before.includes(x));
  const removed = before.filter((x) => !after.includes(x));
  const parts = [n(after.length)];
  if (added.length > 0) parts.push(`${added.length} added: ${list(added)}`);
  if (removed.length > 0) parts.push(`${removed.length} removed: ${list(removed)}`);
  if (added.length === 0 && removed.length === 0) parts.push(`none added or removed`);
  return `updated copy of the spec, not shown (${size}): ${parts.join('; ')}`;
}

/** A file the import leaves alone, and why. */
export interface Kept {
  display: string;
  reason: string;
}

/** Text that is only whitespace: what a write cut short (`kill -9`, a full disk) left before writes were atomic. */
const blank = (text: string) => text.trim() === '';

/** A file name as a file system that ignores case or Unicode form may match it: only a name no spelling matches is surely new. */
const folded = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * What is at `path` now: its text, nothing, or why the import may not write there, as the gate
 * will find when writing (a folder on the way that is a link, a link or a pipe where the file goes).
 */
async function current(
  where: Fence,
  path: string,
  display: string,
  folders: Map<string, Promise<{ refused?: string; names?: Set<string> }>>,
): Promise<{ text?: string } | { refused: string }> {
  // Each folder is looked at once while planning (the write looks again, just before it writes),
  // and listed once: a name not in it is a new file, with no lookup of its own (an import of
  // thousands of entities into an empty registry would look up thousands of missing files).
  const folder = dirname(path);
  if (!folders.has(folder))
    folders.set(
      folder,
      refusedFolders(where, [path], () => display).then(async ([refusal]) =>
        refusal
          ? { refused: refusal.why }
          : {
              names: await readdir(folder).then(
                (names) => new Set(names.map(folded)),
                (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? new Set<string>() : undefined),
              ),
            },
      ),
    );
  const { refused, names } = await folders.get(folder)!;
  if (refused !== undefined) return { refused };
  // Something named here after the listing is found when the file is written: a new file is created only where nothing is.
  if (names && !names.has(folded(basename(path)))) return {};
  try {
    const info = await lstat(path).catch(() => undefined);
    if (!info) return {};
    if (info.isSymbolicLink()) return { refused: 'it is a symbolic link; Plexus writes only regular files it can see' };
    return { text: new TextDecoder().decode(await readGated(where, path, MAX_FILE_BYTES, display)) };
  } catch (error) {
    if (error instanceof GateError) return error.reason === 'missing' ? {} : { refused: error.why };
    throw error;
  }
}

/**
 * Works out every file an import would write, reading what is there now; writes nothing. Every
 * path is checked here, so a name no file system takes stops the import before its first write.
 */
export async function planChanges(
  contentDir: string,
  planned: readonly Planned[],
  cwd: string,
): Promise<{ changes: FileChange[]; kept: Kept[]; refused: Kept[] }> {
  const where = await fence(contentDir);
  const folders = new Map<string, Promise<{ refused?: string; names?: Set<string> }>>();
  type Outcome = { change: FileChange } | { kept: Kept } | { refused: Kept };
  // New files are printed afterwards, together: thousands of them are printed on two threads.
  const fresh: { at: number; path: string; display: string; before?: string; header: string; data: Record<string, unknown> }[] = [];
  const outcomes = await mapLimit(
    planned.map((p, at) => ({ p, at })),
    FILES_AT_ONCE,
    async ({ p, at }): Promise<Outcome | undefined> => {
      const path = join(contentDir, p.collection, `${p.id}.yaml`);
      const display = relative(cwd, path) || path;
      const unwritable = unwritableName(path);
      if (unwritable) return { refused: { display: shorten(display), reason: unwritable } };
      const now = await current(where, path, display, folders);
      if ('refused' in now) return { refused: { display, reason: now.refused } };
      const before = now.text;
      // An empty file where the import writes is one it was cut short writing: written again, not kept.
      if (before === undefined || blank(before)) {
        fresh.push({ at, path, display, before, ...newEntityData(p, path) });
        return undefined;
      }
      const merged = mergeEntity(p, before, path);
      if ('kept' in merged) return { kept: { display, reason: merged.kept } };
      return { change: { path, display, before, after: merged.text, data: merged.data, status: before === merged.text ? 'unchanged' : 'updated' } };
    },
  );
  const texts = await onBothThreads(
    'text',
    fresh.map((f) => f.data),
    fresh.length >= PRINTED_APART_FROM,
  );
  fresh.forEach(({ at, path, display, before, header, data }, i) => {
    outcomes[at] = { change: { path, display, before, after: header + texts[i], data, status: before === undefined ? 'new' : 'repaired' } };
  });
  return {
    changes: outcomes.flatMap((o) => (o && 'change' in o ? [o.change] : [])),
    kept: outcomes.flatMap((o) => (o && 'kept' in o ? [o.kept] : [])),
    refused: outcomes.flatMap((o) => (o && 'refused' in o ? [o.refused] : [])),
  };
}

/** A path too long to read in a message, cut in the middle. */
export const shorten = (text: string, most = 120) => (text.length <= most ? text : `${text.slice(0, most / 2)}…${text.slice(-most / 2)}`);

/** A unified diff of each change, as `--dry-run` prints it. */
export function diffOf(changes: readonly FileChange[]): string {
  return changes
    .filter((c) => c.status !== 'unchanged')
    .map((c) =>
      c.spec
        ? `--- ${c.before === undefined ? '/dev/null' : `a/${c.display}`}\n+++ b/${c.display}\n${specSummary(c)}\n`
        : createTwoFilesPatch(c.before === undefined ? '/dev/null' : `a/${c.display}`, `b/${c.display}`, c.before ?? '', c.after, '', '', { context: 2 }),
    )
    .map((patch) => patch.replace(/^=+\n/, ''))
    .join('');
}

/** The files a write finished, and the one it stopped at, if it stopped. */
export interface Written {
  written: number;
  failed?: { display: string; error: unknown };
  /** Temporary files an interrupted run left, removed first (only when there were some). */
  removed?: number;
}

/**
 * Writes each changed file through the gate, in three steps: every file written in full beside
 * where it goes, all of them flushed to disk at once (see flushFiles), then each renamed into
 * place. A full disk while writing puts none in place; a kill leaves each file as it was or as it
 * should be, never empty or half written. After a failure no further write starts, and those
 * under way finish before it is reported. `onWritten` hears of progress as files in place out of
 * all, the writing aside counting for half.
 */
export async function writeChanges(changes: readonly FileChange[], contentDir: string, onWritten?: (written: number) => void): Promise<Written> {
  const where = await fence(contentDir);
  const writes = changes.filter((c) => c.status !== 'unchanged');
  // What a killed run left besides empty files: its temporary files, which nothing will finish.
  let removed = 0;
  for (const folder of new Set(changes.map((c) => dirname(c.path)))) removed += await removeStaleTemporaries(where, folder);
  const result: Written = removed > 0 ? { written: 0, removed } : { written: 0 };
  const staged: { change: FileChange; file: Staged }[] = [];
  await mapLimit(writes, FILES_AT_ONCE, async (change) => {
    if (result.failed) return;
    try {
      // A new file is created only if nothing has appeared there since; others are replaced.
      staged.push({
        change,
        file: await stageGated(where, change.path, change.after, { create: change.before === undefined, shown: change.display, flush: false }),
      });
      onWritten?.(Math.floor(staged.length / 2));
    } catch (error) {
      result.failed ??= { display: change.display, error };
    }
  });
  if (!result.failed)
    await flushFiles(staged.map((s) => s.file.temporary)).catch((error: unknown) => {
      // Flushing is of the registry's files together: the registry folder is what could not be written.
      result.failed = { display: dirname(dirname(staged[0]!.change.display)), error };
    });
  if (result.failed) {
    await Promise.all(staged.map((s) => discardStaged(s.file)));
    return result;
  }
  await mapLimit(staged, FILES_AT_ONCE, async ({ change, file }) => {
    if (result.failed) return discardStaged(file);
    try {
      await placeStaged(file);
      result.written++;
      onWritten?.(Math.floor(staged.length / 2 + result.written / 2));
    } catch (error) {
      result.failed ??= { display: change.display, error };
    }
  });
  return result;
}

/** `3 new, 1 updated, 5 unchanged`, with `2 repaired` after `new` only when an earlier run left empty files. */
export function changeSummary(changes: readonly FileChange[]): string {
  const n = (s: FileChange['status']) => changes.filter((c) => c.status === s).length;
  const repaired = n('repaired') > 0 ? `, ${n('repaired')} repaired (found empty)` : '';
  return `${n('new')} new${repaired}, ${n('updated')} updated, ${n('unchanged')} unchanged`;
}
