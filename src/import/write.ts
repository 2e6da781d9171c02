// How an import lands in a registry: one YAML file per entity, where the import owns the fields
// it wrote (listed under `imported.fields`) and every other field is the team's. Re-running an
// import rewrites only what it owns; a file nobody imported is never touched unless named.
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { type Document, isMap, parseDocument, stringify } from 'yaml';
import { replaceFile } from '../cli/output.ts';
import { mapLimit } from '../core/pool.ts';
import { SINGULAR, type CollectionName } from '../core/schemas/index.ts';

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
  status: 'new' | 'updated' | 'unchanged';
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
export function mergeEntity(planned: Planned, text: string | undefined): { text: string; data: Record<string, unknown> } | { kept: string } {
  if (text === undefined) return newEntity(planned);
  const doc: Document = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { kept: 'it does not parse as a YAML mapping; fix it or remove it first' };
  if (planned.handOver) {
    for (const [key, value] of Object.entries(planned.owned)) if (value !== undefined && getIn(doc, key) === undefined) doc.setIn(pathOf(key), value);
    return { text: doc.toString({ lineWidth: 0 }), data: doc.toJS() };
  }
  const found = (doc.getIn(['imported']) as { toJSON(): unknown } | undefined)?.toJSON?.();
  const records = (found === undefined ? [] : Array.isArray(found) ? found : [found]) as { from?: unknown; fields?: unknown }[];
  const record = records.find((r) => r.from === planned.provenance.from);
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
  // Fields another import owns are that import's: never written from here.
  const theirs = new Set(records.filter((r) => r !== record).flatMap(fieldsOf));
  const owned: string[] = [];
  for (const [key, value] of Object.entries(planned.owned)) {
    const mine = !theirs.has(key) && (ownedBefore.has(key) || getIn(doc, key) === undefined);
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
  const mineNow = { ...planned.provenance, fields: owned };
  const all = record ? records.map((r) => (r === record ? mineNow : r)) : [...records, mineNow];
  doc.set('imported', doc.createNode(all.length === 1 ? all[0] : all));
  return { text: doc.toString({ lineWidth: 0 }), data: doc.toJS() };
}

/** A file of its own for a new entity: owned fields, then the ones written only at creation, then where it came from. */
function newEntity(planned: Planned): { text: string; data: Record<string, unknown> } {
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
  const header = `# yaml-language-server: $schema=../../schemas/${SINGULAR[planned.collection]}.schema.json\n`;
  return { text: header + stringify(data, { lineWidth: 0 }), data };
}

/** Works out every file an import would write, reading what is there now; writes nothing. */
export async function planChanges(
  contentDir: string,
  planned: readonly Planned[],
  cwd: string,
): Promise<{ changes: FileChange[]; kept: Kept[]; refused: Kept[] }> {
  const outcomes = await mapLimit(planned, FILES_AT_ONCE, async (p): Promise<{ change: FileChange } | { kept: Kept } | { refused: Kept }> => {
    const path = join(contentDir, p.collection, `${p.id}.yaml`);
    const display = relative(cwd, path) || path;
    const info = await lstat(path).catch(() => undefined);
    if (info && !info.isFile()) {
      const reason = info.isSymbolicLink() ? 'it is a symbolic link; Plexus writes only regular files it can see' : 'it is not a regular file';
      return { refused: { display, reason } };
    }
    const before = info ? await readFile(path, 'utf8') : undefined;
    const merged = mergeEntity(p, before);
    if ('kept' in merged) return { kept: { display, reason: merged.kept } };
    const status: FileChange['status'] = before === undefined ? 'new' : before === merged.text ? 'unchanged' : 'updated';
    return { change: { path, display, before, after: merged.text, data: merged.data, status } };
  });
  return {
    changes: outcomes.flatMap((o) => ('change' in o ? [o.change] : [])),
    kept: outcomes.flatMap((o) => ('kept' in o ? [o.kept] : [])),
    refused: outcomes.flatMap((o) => ('refused' in o ? [o.refused] : [])),
  };
}

/** A unified diff of each change, as `--dry-run` prints it. */
export function diffOf(changes: readonly FileChange[]): string {
  return changes
    .filter((c) => c.status !== 'unchanged')
    .map((c) => createTwoFilesPatch(c.before === undefined ? '/dev/null' : `a/${c.display}`, `b/${c.display}`, c.before ?? '', c.after, '', '', { context: 2 }))
    .map((patch) => patch.replace(/^=+\n/, ''))
    .join('');
}

/** Writes each changed file by renaming a finished file over it. */
export async function writeChanges(changes: readonly FileChange[]): Promise<void> {
  const writes = changes.filter((c) => c.status !== 'unchanged');
  for (const folder of new Set(writes.map((c) => dirname(c.path)))) await mkdir(folder, { recursive: true });
  // A new file is created only if nothing has appeared there since (O_EXCL, which no link satisfies);
  // an existing one is replaced by renaming a finished file over it.
  await mapLimit(writes, FILES_AT_ONCE, (c) => (c.before === undefined ? writeFile(c.path, c.after, { flag: 'wx' }) : replaceFile(c.path, c.after)));
}

/** `3 new, 1 updated, 5 unchanged` */
export function changeSummary(changes: readonly FileChange[]): string {
  const n = (s: FileChange['status']) => changes.filter((c) => c.status === s).length;
  return `${n('new')} new, ${n('updated')} updated, ${n('unchanged')} unchanged`;
}
