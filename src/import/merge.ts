// What an import wants of each entity, and how that is merged into the entity's file: the fields
// the import owns (listed under `imported.fields`) are written, every other field stays the team's,
// and a file written by hand is left alone unless the user named it. A new entity gets a file of
// its own.
import { type Document, isMap, parseDocument } from 'yaml';
import { schemaComment } from '../core/schema-comment.ts';
import { SINGULAR, type CollectionName } from '../core/schemas/index.ts';
import { YAML_TASKS } from '../core/yaml-tasks.ts';

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
  const { header, data } = newEntityData(planned, file);
  return { text: header + YAML_TASKS.text(data), data };
}

/** What `newEntity` writes before it is printed as YAML: the schema comment and the data. */
export function newEntityData(planned: Planned, file: string): { header: string; data: Record<string, unknown> } {
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
  return { header: schemaComment(file, SINGULAR[planned.collection]), data };
}
