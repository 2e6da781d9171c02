// Backstage catalog → Plexus entities. Backstage describes software as entities (Component, API,
// Resource, System, Domain, Group, User) linked by relations; Plexus keeps repositories, the
// integrations between them with explicit roles, resources, systems, domains and teams. This file
// resolves the relations; backstage-kinds.ts maps each kind.
import { relative } from 'node:path';
import { diagnostic } from '../core/codes.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { MAX_NAME_BYTES } from '../core/gate.ts';
import { list, record, text } from '../core/loose.ts';
import { ID_PATTERN, type CollectionName } from '../core/schemas/index.ts';
import { MAPPERS, mapResource, type Context } from './backstage-kinds.ts';
import { idOf, normaliseRef, readCatalog, strictly } from './catalog.ts';
import type { Unmapped } from './contract.ts';
import { type Planned, shorten } from './write.ts';

/** The kind a relation's target has when its ref leaves it out, by field. */
const DEFAULT_KIND: Record<string, string> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
  providesApis: 'api',
  consumesApis: 'api',
  dependsOn: 'component',
  parent: 'group',
  children: 'group',
  dependencyOf: 'component',
};

const COLLECTION: Record<string, CollectionName> = {
  component: 'repositories',
  api: 'integrations',
  resource: 'resources',
  system: 'systems',
  domain: 'domains',
  group: 'teams',
  user: 'teams',
};

const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
};

/** `['spec', 'dependsOn', 0]` → `spec.dependsOn[0]`. */
export const fieldPath = (path: readonly (string | number)[]) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** Why `id` cannot name an entity's file, if it cannot: Plexus ids are lowercase words, and `ID.yaml` must fit a file name. */
function badId(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return `"${id}" cannot be a Plexus id`;
  const bytes = Buffer.byteLength(`${id}.yaml`);
  if (bytes > MAX_NAME_BYTES) return `"${shorten(id, 40)}" is too long for a file name (${bytes} bytes with .yaml; at most ${MAX_NAME_BYTES})`;
  return undefined;
}

/** Ids must be files Plexus can name, and two entities may not land on one file: the first keeps it. */
function uniqueIds(planned: readonly Planned[], unmapped: Unmapped[]): Planned[] {
  const taken = new Map<string, string>();
  const kept: Planned[] = [];
  for (const p of planned) {
    const key = `${p.collection}/${p.id}`;
    const bad = badId(p.id);
    if (bad) unmapped.push({ ref: p.provenance.ref, field: 'metadata.name', why: `${bad}: not imported` });
    else if (taken.has(key))
      unmapped.push({ ref: p.provenance.ref, field: 'metadata.name', why: `${key} is already imported from ${taken.get(key)}: not imported` });
    else {
      taken.set(key, p.provenance.ref);
      kept.push(p);
    }
  }
  return kept;
}

/** What a Backstage catalog becomes in a registry. `known` says which `collection/id` the registry already has. */
export async function importBackstage(
  inputs: readonly string[],
  options: { cwd: string; contentDir: string; known: ReadonlySet<string>; strict?: boolean },
): Promise<{ planned: Planned[]; unmapped: Unmapped[]; diagnostics: Diagnostic[]; errors: string[]; entityCount: number }> {
  const { entities, diagnostics, unmapped, errors } = await readCatalog(inputs, options.cwd, options.strict);
  const byRef = new Map(entities.map((e) => [e.ref, e]));
  const context: Context = {
    // Recorded relative to the registry, so a run from another folder writes the same files.
    source: (e) => ({ from: 'backstage', source: relative(options.contentDir, e.file), ref: e.ref }),
    note: (e, field, why) => unmapped.push({ ref: e.ref, kind: e.kind, field, why }),
    target: (e, path, value, field) => {
      const raw = text(value);
      if (!raw) return undefined;
      const ref = normaliseRef(raw, DEFAULT_KIND[field] ?? 'component');
      const [kind, rest] = ref.split(':') as [string, string];
      const [namespace, name] = rest.split('/') as [string, string];
      const id = idOf(namespace, name);
      const entity = byRef.get(ref);
      const collection = COLLECTION[kind];
      if (entity || (collection && options.known.has(`${collection}/${id}`))) return { ref, id, entity };
      diagnostics.push(strictly(diagnostic('CatalogReference', e.display, e.locate(path), { ref, field }), !!options.strict));
      unmapped.push({ ref: e.ref, kind: e.kind, field: fieldPath(path), why: `names ${ref}, which is not in the catalog or the registry: not written` });
      return undefined;
    },
    // Users become teams only when they own something: Plexus keeps teams, not people.
    ownerRefs: new Set(entities.flatMap((e) => (text(record(e.data.spec).owner) ? [normaliseRef(String(record(e.data.spec).owner), 'group')] : []))),
    providers: new Map(),
    consumers: new Map(),
    dependents: new Map(),
    parents: new Map(),
  };

  // A group's children name it as their parent, as its own spec.parent does.
  for (const e of entities) {
    if (e.kind !== 'Group') continue;
    list(record(e.data.spec).children).forEach((v, i) => {
      const t = context.target(e, ['spec', 'children', i], v, 'children');
      if (t) context.parents.set(t.ref, { id: e.id, ref: e.ref });
    });
  }

  for (const e of entities) {
    if (e.kind !== 'Component') continue;
    const spec = record(e.data.spec);
    for (const [field, into] of [
      ['providesApis', context.providers],
      ['consumesApis', context.consumers],
    ] as const) {
      list(spec[field]).forEach((v, i) => {
        const t = context.target(e, ['spec', field, i], v, field);
        if (t && !t.ref.startsWith('api:'))
          context.note(e, `spec.${field}[${i}]`, `names ${t.ref}, which is not an API: no integration written (dependsOn says that a component uses another)`);
        else if (t) add(into, t.ref, e.id);
      });
    }
  }

  const planned: Planned[] = [];
  for (const e of entities) planned.push(...(MAPPERS[e.kind]?.(e, context) ?? []));
  // Resources last: their owner is found among the components that depend on them.
  for (const e of entities) if (e.kind === 'Resource') planned.push(...mapResource(e, context));
  return { planned: uniqueIds(planned, unmapped), unmapped, diagnostics, errors, entityCount: entities.length };
}
