// How an import lands in a registry: one YAML file per entity, where the import owns the fields
// it wrote (listed under `imported.fields`) and every other field is the team's. Re-running an
// import rewrites only what it owns; a file nobody imported is never touched unless named.
import { lstat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { type Document, isMap, parseDocument, stringify } from 'yaml';
import { type Fence, fence, GateError, readGated, refusedFolders, removeStaleTemporaries, unwritableName, writeGated } from '../core/gate.ts';
import { mapLimit } from '../core/pool.ts';
import { schemaComment } from '../core/schema-comment.ts';
import { SINGULAR, type CollectionName } from '../core/schemas/index.ts';
import { MAX_FILE_BYTES } from '../core/source.ts';
import type { Spec } from '../specs/read.ts';

/** Files read or written at once: well under the usual limit of open files. */
const FILES_AT_ONCE = 64;

/** Where an entity came from, as written under `imported:`. */
export interface Provenance {
  from: 'backstage' | 'openapi' | 'asyncapi';
  source: string;
  ref: string;
}

/** One entity an import wants in the registry. */
export interface Planned {
  collection: CollectionName;
  id: string;
  /** Fields the import owns: written on every run. Keys may be dotted, e.g. `connection.endpoint`. */
  owned: Record<string, unknown>;
  /** Fields written only when the file is new (required fields the source cannot know); the team's after that. */
  initial?: Record<string, unknown>;
  provenance: Provenance;
  /** Update a file written by hand as well (the user named this entity), adding only what it lacks. */
  adopt?: boolean;
  /** This run speaks for some of the fields only: fields it owned before and does not name now stay. */
  partial?: boolean;
  /** Only add the owned fields the file lacks, and record no provenance: they are the team's from then on. */
  handOver?: boolean;
  /**
   * Several sources of this kind feed one entity (AsyncAPI documents about one channel): each keeps a
   * record of its own, found by its source, instead of one record per kind rewritten by each.
   */
  perSource?: boolean;
  /** Owned fields this import writes even where another source's record owns them: it merged them with what is there (producers, consumers). */
  mergedKeys?: readonly string[];
  /** The owned fields another source of the same kind owns become this one's (the sender's document defines the message over a receiver's). */
  takeOver?: boolean;
}

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

const pathOf = (key: string) => key.split('.');

function getIn(doc: Document, key: string): unknown {
  return doc.getIn(pathOf(key));
}

/** Removes `key` if it is there, and any mapping it leaves empty (`connection: {}` would not validate). */
function remove(doc: Document, key: string): void {
  const path = pathOf(key);
  if (getIn(doc, key) === undefined) return;
  doc.deleteIn(path);
  for (let n = path.length - 1; n > 0; n--) {
    const parent = doc.getIn(path.slice(0, n)) as { items?: unknown[] } | undefined;
    if (parent?.items?.length === 0) doc.deleteIn(path.slice(0, n));
  }
}

/**
 * The text `planned` should have given the file's current `text` (undefined for a new file), or
 * a reason to keep the file as it is.
 */
export function mergeEntity(planned: Planned, text: string | undefined, file: string): { text: string; data: Record<string, unknown> } | { kept: string } {
  if (text === undefined) return newEntity(planned, file);
  const doc: Document = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { kept: 'it does not parse as a YAML mapping; fix it or remove it first' };
  if (planned.handOver) {
    for (const [key, value] of Object.entries(planned.owned)) if (value !== undefined && getIn(doc, key) === undefined) doc.setIn(pathOf(key), value);
    return { text: doc.toString({ lineWidth: 0 }), data: doc.toJS() };
  }
  const found = (doc.getIn(['imported']) as { toJSON(): unknown } | undefined)?.toJSON?.();
  const records = (found === undefined ? [] : Array.isArray(found) ? found : [found]) as { from?: unknown; source?: unknown; fields?: unknown }[];
  const { from, source } = planned.provenance;
  const record = records.find((r) => r.from === from && (!planned.perSource || r.source === source));
  if (record === undefined && !planned.adopt) {
    return {
      kept:
        records.length === 0
          ? 'it was written by hand; name it to update it, or add what you need yourself'
          : `it was imported from ${records.map((r) => String(r.from)).join(' and ')}; name it to add what ${planned.provenance.from} knows`,
    };
  }
  const fieldsOf = (r: { fields?: unknown } | undefined) => (Array.isArray(r?.fields) ? r.fields.map(String) : []);
  const ownedBefore = new Set(fieldsOf(record));
  // Fields another import owns are that import's: never written from here, unless merged (mergedKeys) or taken over.
  const taken = (r: (typeof records)[number]) => !!planned.takeOver && r !== record && r.from === from;
  const theirs = new Set(records.filter((r) => r !== record && !taken(r)).flatMap(fieldsOf));
  const wasTheirs = new Set(records.filter((r) => r !== record).flatMap(fieldsOf));
  const owned: string[] = [];
  for (const [key, value] of Object.entries(planned.owned)) {
    const merged = planned.mergedKeys?.includes(key) ?? false;
    const mine = merged || (!theirs.has(key) && (ownedBefore.has(key) || wasTheirs.has(key) || getIn(doc, key) === undefined));
    if (!mine) continue; // written by hand, or by another import
    if (value === undefined) remove(doc, key);
    else {
      doc.setIn(pathOf(key), value);
      owned.push(key);
    }
  }
  // What the import wrote last time and no longer produces goes; what the team wrote stays.
  for (const key of ownedBefore) {
    if (key in planned.owned) continue;
    if (planned.partial) owned.push(key);
    else remove(doc, key);
  }
  // Fields it owned before keep their place in the list, so a run that changes nothing rewrites nothing.
  const before = fieldsOf(record);
  const place = (k: string) => (before.includes(k) ? before.indexOf(k) : before.length);
  owned.sort((a, b) => place(a) - place(b));
  const mineNow = { ...planned.provenance, fields: owned };
  // A record whose fields were taken over stays, with what it still owns: where the entity came from is kept.
  const others = records.map((r) => (taken(r) ? { ...r, fields: fieldsOf(r).filter((k) => !owned.includes(k) || planned.mergedKeys?.includes(k)) } : r));
  const all = record ? others.map((r, i) => (records[i] === record ? mineNow : r)) : [...others, mineNow];
  doc.set('imported', doc.createNode(all.length === 1 ? all[0] : all));
  return { text: doc.toString({ lineWidth: 0 }), data: doc.toJS() };
}

/** A file of its own for a new entity: owned fields, then the ones written only at creation, then where it came from. */
function newEntity(planned: Planned, file: string): { text: string; data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    const path = pathOf(key);
    let at = data;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]!] = value;
  };
  const owned: string[] = [];
  for (const [key, value] of Object.entries(planned.owned)) {
    if (value === undefined) continue;
    put(key, value);
    owned.push(key);
  }
  for (const [key, value] of Object.entries(planned.initial ?? {})) if (value !== undefined) put(key, value);
  data.imported = { ...planned.provenance, fields: owned };
  // Where the file will be, so its schema path resolves in this repository and in a team's project alike.
  const header = schemaComment(file, SINGULAR[planned.collection]);
  return { text: header + stringify(data, { lineWidth: 0 }), data };
}

/** Text that is only whitespace: what a write cut short (`kill -9`, a full disk) left before writes were atomic. */
const blank = (text: string) => text.trim() === '';

/**
 * What is at `path` now: its text, nothing, or why the import may not write there, as the gate
 * will find when writing (a folder on the way that is a link, a link or a pipe where the file goes).
 */
async function current(
  where: Fence,
  path: string,
  display: string,
  folders: Map<string, Promise<string | undefined>>,
): Promise<{ text?: string } | { refused: string }> {
  // Each folder is looked at once while planning (the write looks again, just before it writes).
  const folder = dirname(path);
  if (!folders.has(folder))
    folders.set(
      folder,
      refusedFolders(where, [path], () => display).then(([refusal]) => refusal?.why),
    );
  const refused = await folders.get(folder);
  if (refused !== undefined) return { refused };
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
  const folders = new Map<string, Promise<string | undefined>>();
  const outcomes = await mapLimit(planned, FILES_AT_ONCE, async (p): Promise<{ change: FileChange } | { kept: Kept } | { refused: Kept }> => {
    const path = join(contentDir, p.collection, `${p.id}.yaml`);
    const display = relative(cwd, path) || path;
    const unwritable = unwritableName(path);
    if (unwritable) return { refused: { display: shorten(display), reason: unwritable } };
    const now = await current(where, path, display, folders);
    if ('refused' in now) return { refused: { display, reason: now.refused } };
    const before = now.text;
    // An empty file where the import writes is one it was cut short writing: written again, not kept.
    const repair = before !== undefined && blank(before);
    const merged = mergeEntity(p, repair ? undefined : before, path);
    if ('kept' in merged) return { kept: { display, reason: merged.kept } };
    const status: FileChange['status'] = before === undefined ? 'new' : repair ? 'repaired' : before === merged.text ? 'unchanged' : 'updated';
    return { change: { path, display, before, after: merged.text, data: merged.data, status } };
  });
  return {
    changes: outcomes.flatMap((o) => ('change' in o ? [o.change] : [])),
    kept: outcomes.flatMap((o) => ('kept' in o ? [o.kept] : [])),
    refused: outcomes.flatMap((o) => ('refused' in o ? [o.refused] : [])),
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
}

/**
 * Writes each changed file through the gate: a finished temporary file renamed into place, so a
 * kill or a full disk leaves each file as it was or as it should be, never empty or half written.
 * After a failure no further write starts, and those under way finish before it is reported.
 */
export async function writeChanges(changes: readonly FileChange[], contentDir: string, onWritten?: (written: number) => void): Promise<Written> {
  const where = await fence(contentDir);
  const writes = changes.filter((c) => c.status !== 'unchanged');
  // What a killed run left besides empty files: its temporary files, which nothing will finish.
  for (const folder of new Set(changes.map((c) => dirname(c.path)))) await removeStaleTemporaries(where, folder);
  const result: Written = { written: 0 };
  await mapLimit(writes, FILES_AT_ONCE, async (c) => {
    if (result.failed) return;
    try {
      // A new file is created only if nothing has appeared there since; others are replaced.
      await writeGated(where, c.path, c.after, { create: c.before === undefined, shown: c.display });
      result.written++;
      onWritten?.(result.written);
    } catch (error) {
      result.failed ??= { display: c.display, error };
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
