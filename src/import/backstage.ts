// Backstage catalog → Plexus entities. Backstage describes software as entities (Component, API,
// Resource, System, Domain, Group, User) linked by relations; Plexus keeps repositories, the
// integrations between them with explicit roles, resources, systems, domains and teams. This file
// resolves the relations; backstage-kinds.ts maps each kind.
import { dirname, relative, resolve } from 'node:path';
import { describeFsError } from '../core/fs-errors.ts';
import { GateError, readGated } from '../core/gate.ts';
import { mapLimit } from '../core/pool.ts';
import { MAX_SPEC_BYTES } from '../core/decode.ts';
import { readSpec, selfContained } from '../specs/read.ts';
import { specCopy } from './spec-source.ts';
import type { FileChange } from './write.ts';
import { diagnostic } from '../core/codes.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { MAX_NAME_BYTES } from '../core/gate-write.ts';
import { list, record, text } from '../core/loose.ts';
import { ID_PATTERN, type CollectionName } from '../core/schemas/index.ts';
import type { Context, Definition } from './backstage-context.ts';
import { MAPPERS, mapResource } from './backstage-kinds.ts';
import type { CatalogEntity } from './catalog.ts';
import { idOf, normaliseRef, readCatalog, strictly } from './catalog.ts';
import type { Unmapped } from './contract.ts';
import type { Planned } from './merge.ts';
import { shorten } from './write.ts';

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

const SUBSTITUTIONS = ['$text', '$openapi', '$asyncapi'];
/** API definitions read at once. */
const DEFINITIONS_AT_ONCE = 8;

/**
 * An API's definition read as a spec: written inline, or a `$text`/`$openapi`/`$asyncapi`
 * substitution naming a file inside the folder the catalog is read from (through the gate). A URL
 * is not fetched. Undefined with no definition; `{ why }` when it cannot be read.
 */
async function readDefinition(
  e: CatalogEntity,
  options: { cwd: string; contentDir: string; model?: { integrations: Map<string, { data: { spec?: string } }> } },
): Promise<Definition | { why: string } | undefined> {
  const raw = record(e.data.spec).definition;
  const type = text(record(e.data.spec).type);
  if (raw === undefined) return undefined;
  // A gRPC, GraphQL or other definition is not a spec Plexus reads.
  if (type !== 'openapi' && type !== 'asyncapi') return { why: `a ${type ?? 'typeless'} definition: Plexus reads OpenAPI and AsyncAPI ones` };
  const named = Object.entries(record(raw)).find(([k, v]) => SUBSTITUTIONS.includes(k) && typeof v === 'string')?.[1] as string | undefined;
  let source: string;
  let location: string;
  if (typeof raw === 'string') {
    source = raw;
    location = resolve(dirname(e.file), `${e.id}.definition.yaml`);
  } else if (named) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(named)) return { why: `not read (${named}): a URL is not fetched; link it with plexus import openapi or asyncapi` };
    location = resolve(dirname(e.file), named);
    try {
      source = new TextDecoder().decode(await readGated(e.fence, location, MAX_SPEC_BYTES, named));
    } catch (error) {
      return { why: `not read (${named}): ${error instanceof GateError ? error.why : describeFsError(error)}` };
    }
  } else return undefined;
  const scope = { files: e.fence };
  const { spec, diagnostics } = await readSpec(e.display, location, source, scope).catch((error: Error) => ({
    spec: undefined,
    diagnostics: [{ message: error.message }],
  }));
  if (!spec) return { why: `not read as OpenAPI or AsyncAPI: ${diagnostics[0]?.message ?? 'it is not a spec'}` };
  const bundled = await selfContained(location, source, spec.kind, scope).catch(() => source);
  const copy = await specCopy({ text: bundled, location }, e.id, {
    contentDir: options.contentDir,
    cwd: options.cwd,
    previous: options.model?.integrations.get(e.id)?.data.spec,
  });
  if ('error' in copy) return { why: `not written: ${copy.error}` };
  return { spec, path: copy.path, file: copy.file };
}

/** What a Backstage catalog becomes in a registry. `known` says which `collection/id` the registry already has. */
export async function importBackstage(
  inputs: readonly string[],
  options: {
    cwd: string;
    contentDir: string;
    known: ReadonlySet<string>;
    strict?: boolean;
    model?: { integrations: Map<string, { data: { spec?: string } }> };
  },
): Promise<{ planned: Planned[]; files: FileChange[]; unmapped: Unmapped[]; diagnostics: Diagnostic[]; errors: string[]; entityCount: number }> {
  const { entities, diagnostics, unmapped, errors } = await readCatalog(inputs, options.cwd, options.strict);
  const byRef = new Map(entities.map((e) => [e.ref, e]));
  const context: Context = {
    // Recorded relative to the registry, so a run from another folder writes the same files.
    source: (e) => ({ from: 'backstage', source: relative(options.contentDir, e.file), ref: e.ref }),
    note: (e, field, why) => unmapped.push({ ref: e.ref, kind: e.kind, field, why }),
    target: (e, path, value, field, instead = 'not written') => {
      const raw = text(value);
      if (!raw) return undefined;
      const ref = normaliseRef(raw, DEFAULT_KIND[field] ?? 'component');
      const [kind, rest] = ref.split(':') as [string, string];
      const [namespace, name] = rest.split('/') as [string, string];
      const id = idOf(namespace, name);
      const entity = byRef.get(ref);
      const collection = COLLECTION[kind];
      if (entity || (collection && options.known.has(`${collection}/${id}`))) return { ref, id, entity };
      const at = e.locate(path);
      diagnostics.push(strictly(diagnostic('CatalogReference', e.display, at, { ref, field }), !!options.strict));
      const where = `${e.display}:${at.line}:${at.col}`;
      unmapped.push({
        ref: e.ref,
        kind: e.kind,
        field: fieldPath(path),
        why: `names ${ref} (${where}), which is not in the catalog or the registry: ${instead}`,
      });
      return undefined;
    },
    // Users become teams only when they own something: Plexus keeps teams, not people.
    ownerRefs: new Set(entities.flatMap((e) => (text(record(e.data.spec).owner) ? [normaliseRef(String(record(e.data.spec).owner), 'group')] : []))),
    providers: new Map(),
    consumers: new Map(),
    dependents: new Map(),
    parents: new Map(),
    definitions: new Map(),
  };
  // Several definitions are read at once (each may be a large spec: a few, not hundreds).
  const apis = entities.filter((e) => e.kind === 'API');
  const definitions = await mapLimit(apis, DEFINITIONS_AT_ONCE, (e) => readDefinition(e, options));
  apis.forEach((e, i) => {
    if (definitions[i]) context.definitions.set(e.ref, definitions[i]);
  });
  // A file a definition names is a spec, not a catalog file that lacks apiVersion: no warning for it.
  const specFiles = new Set(
    entities.flatMap((e) => {
      const named = Object.entries(record(record(e.data.spec).definition)).find(([k, v]) => SUBSTITUTIONS.includes(k) && typeof v === 'string')?.[1];
      return e.kind === 'API' && typeof named === 'string' ? [relative(options.cwd, resolve(dirname(e.file), named)) || named] : [];
    }),
  );
  const read = diagnostics.filter((d) => !(d.code === 'PLX045' && specFiles.has(d.file)));
  diagnostics.splice(0, diagnostics.length, ...read);

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
  const kept = uniqueIds(planned, unmapped);
  // The copy of each definition whose integration is written.
  const ids = new Set(kept.filter((p) => p.collection === 'integrations').map((p) => p.id));
  const files = entities.flatMap((e) => {
    const d = context.definitions.get(e.ref);
    return d && 'file' in d && d.file && ids.has(e.id) ? [d.file] : [];
  });
  return { planned: kept, files, unmapped, diagnostics, errors, entityCount: entities.length };
}
