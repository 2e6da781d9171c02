// Backstage catalog → Plexus entities. Backstage describes software as entities (Component, API,
// Resource, System, Domain, Group, User) linked by relations; Plexus keeps repositories, the
// integrations between them with explicit roles, resources, systems, domains and teams.
import { glob, lstat, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { diagnostic } from '../core/codes.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { didYouMean } from '../core/suggest.ts';
import { ID_PATTERN, type CollectionName } from '../core/schemas/index.ts';
import { parseYamlStream, type ParsedYaml } from '../core/source.ts';
import type { Planned } from './write.ts';

/** Something in the catalog that has no place in Plexus, said instead of dropped. */
export interface Unmapped {
  ref: string;
  field: string;
  why: string;
}

interface CatalogEntity {
  kind: string;
  ref: string;
  id: string;
  file: string;
  /** The file as given, relative to the working folder. */
  display: string;
  data: Record<string, unknown>;
  locate: ParsedYaml['locate'];
}

const MAPPED = ['Component', 'API', 'Resource', 'System', 'Domain', 'Group', 'User', 'Location'];
const UNMAPPED_KINDS = ['Template'];
const DEFAULT_KIND: Record<string, string> = {
  owner: 'group',
  system: 'system',
  domain: 'domain',
  providesApis: 'api',
  consumesApis: 'api',
  dependsOn: 'component',
};

const COMPONENT_KIND: Record<string, string> = {
  service: 'service',
  website: 'frontend',
  library: 'library',
  documentation: 'docs',
  gateway: 'gateway',
  monorepo: 'monorepo',
};
const REPOSITORY_STATUS: Record<string, string> = { production: 'active', experimental: 'active', deprecated: 'deprecated', retired: 'retired' };
const API_STATUS: Record<string, string> = { production: 'production', experimental: 'in-development', deprecated: 'deprecated', retired: 'retired' };
const API_TYPE: Record<string, [type: string, protocol: string]> = {
  openapi: ['rest', 'HTTP'],
  graphql: ['graphql', 'HTTP'],
  grpc: ['grpc', 'gRPC'],
  asyncapi: ['event', 'unknown'],
};
const RESOURCE_KIND: Record<string, string> = {
  database: 'datastore',
  datastore: 'datastore',
  cache: 'cache',
  queue: 'queue',
  topic: 'topic',
  'kafka-topic': 'topic',
  bucket: 'bucket',
  's3-bucket': 'bucket',
  'search-index': 'search-index',
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** `[kind:][namespace/]name` → `kind:namespace/name`, lowercase, with the field's default kind. */
export function normaliseRef(value: string, defaultKind: string): string {
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!m) return value.trim().toLowerCase();
  return `${(m[1] ?? defaultKind).toLowerCase()}:${(m[2] ?? 'default').toLowerCase()}/${m[3]!.toLowerCase()}`;
}

/** A Plexus id for a catalog name: lowercase, the namespace in front when it is not `default`. */
function idOf(namespace: string, name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  return namespace === 'default' ? base : `${namespace.toLowerCase()}-${base}`;
}

/** Files named on the command line: files, folders (every .yaml/.yml inside) and globs. */
async function expand(inputs: readonly string[], cwd: string): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    if (/[*?[{]/.test(input)) {
      const found: string[] = [];
      for await (const f of glob(input, { cwd })) found.push(resolve(cwd, f));
      if (found.length === 0) errors.push(`${input}: no file matches`);
      files.push(...found.sort());
      continue;
    }
    const path = resolve(cwd, input);
    const info = await lstat(path).catch(() => undefined);
    if (!info) errors.push(`${input}: no such file or folder`);
    else if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      files.push(
        ...entries
          .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
          .map((e) => join(e.parentPath, e.name))
          .filter(
            (f) =>
              !relative(path, f)
                .split('/')
                .some((p) => p.startsWith('.') || p === 'node_modules'),
          )
          .sort(),
      );
    } else if (info.isFile()) files.push(path);
    else errors.push(`${input}: not a regular file or folder`);
  }
  return { files, errors };
}

/** Reads every catalog file, following Location entities' relative targets, once each. */
async function readCatalog(
  inputs: readonly string[],
  cwd: string,
): Promise<{ entities: CatalogEntity[]; diagnostics: Diagnostic[]; unmapped: Unmapped[]; errors: string[] }> {
  const { files, errors } = await expand(inputs, cwd);
  const entities: CatalogEntity[] = [];
  const diagnostics: Diagnostic[] = [];
  const unmapped: Unmapped[] = [];
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const display = relative(cwd, file) || file;
    const textOf = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      errors.push(`${display}: cannot read it (${e.code ?? e.message})`);
      return undefined;
    });
    if (textOf === undefined) continue;
    const parsed = parseYamlStream(display, textOf);
    diagnostics.push(...parsed.diagnostics);
    for (const doc of parsed.documents) {
      const d = doc.data;
      const metadata = record(d.metadata);
      const name = text(metadata.name);
      const kind = text(d.kind);
      if (!text(d.apiVersion) || !kind || !name) {
        const missing = !text(d.apiVersion) ? 'apiVersion' : !kind ? 'kind' : 'metadata.name';
        diagnostics.push(diagnostic('CatalogEntity', display, doc.locate(missing === 'metadata.name' ? ['metadata'] : []), { missing }));
        continue;
      }
      if (!MAPPED.includes(kind) && !UNMAPPED_KINDS.includes(kind)) {
        diagnostics.push(
          diagnostic('CatalogKind', display, doc.locate(['kind']), {
            kind,
            known: [...MAPPED, ...UNMAPPED_KINDS],
            meant: didYouMean(kind, [...MAPPED, ...UNMAPPED_KINDS]),
          }),
        );
        continue;
      }
      const namespace = text(metadata.namespace) ?? 'default';
      const ref = `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name.toLowerCase()}`;
      if (UNMAPPED_KINDS.includes(kind)) {
        unmapped.push({ ref, field: 'kind', why: `Plexus has no ${kind} entity` });
        continue;
      }
      if (kind === 'Location') {
        const spec = record(d.spec);
        const targets = [...(text(spec.target) ? [spec.target] : []), ...list(spec.targets)];
        targets.forEach((t, i) => {
          const target = text(t);
          if (!target) return;
          if (/^[a-z][a-z0-9+.-]*:/i.test(target))
            unmapped.push({ ref, field: `spec.targets[${i}]`, why: `not followed: only relative targets are read (${target})` });
          else queue.push(resolve(dirname(file), target));
        });
        continue;
      }
      entities.push({ kind, ref, id: idOf(namespace, name), file, display, data: d, locate: doc.locate });
    }
  }
  return { entities, diagnostics, unmapped, errors };
}

const COLLECTION: Record<string, CollectionName> = {
  component: 'repositories',
  api: 'integrations',
  resource: 'resources',
  system: 'systems',
  domain: 'domains',
  group: 'teams',
  user: 'teams',
};

/** What a Backstage catalog becomes in a registry. `known` says which `collection/id` the registry already has. */
export async function importBackstage(
  inputs: readonly string[],
  options: { cwd: string; contentDir: string; known: ReadonlySet<string> },
): Promise<{ planned: Planned[]; unmapped: Unmapped[]; diagnostics: Diagnostic[]; errors: string[]; entityCount: number }> {
  const { entities, diagnostics, unmapped, errors } = await readCatalog(inputs, options.cwd);
  const byRef = new Map(entities.map((e) => [e.ref, e]));
  const planned: Planned[] = [];
  // Recorded relative to the registry, so a run from another folder writes the same files.
  const source = (e: CatalogEntity) => ({ from: 'backstage' as const, source: relative(options.contentDir, e.file), ref: e.ref });
  const note = (e: CatalogEntity, field: string, why: string) => unmapped.push({ ref: e.ref, field, why });

  /** The Plexus id a relation points at, or undefined after a positioned diagnostic when it dangles. */
  const target = (
    e: CatalogEntity,
    path: (string | number)[],
    value: unknown,
    field: string,
  ): { ref: string; id: string; entity?: CatalogEntity } | undefined => {
    const raw = text(value);
    if (!raw) return undefined;
    const ref = normaliseRef(raw, DEFAULT_KIND[field] ?? 'component');
    const [kind, rest] = ref.split(':') as [string, string];
    const [namespace, name] = rest.split('/') as [string, string];
    const id = idOf(namespace, name);
    const entity = byRef.get(ref);
    const collection = COLLECTION[kind];
    if (entity || (collection && options.known.has(`${collection}/${id}`))) return { ref, id, entity };
    diagnostics.push(diagnostic('CatalogReference', e.display, e.locate(path), { ref, field }));
    return undefined;
  };

  // Users become teams only when they own something: Plexus keeps teams, not people.
  const ownerRefs = new Set(entities.map((e) => text(record(e.data.spec).owner)).flatMap((o) => (o ? [normaliseRef(o, 'group')] : [])));
  const providers = new Map<string, string[]>();
  const consumers = new Map<string, string[]>();
  const dependents = new Map<string, CatalogEntity[]>();

  for (const e of entities) {
    if (e.kind !== 'Component') continue;
    const spec = record(e.data.spec);
    for (const [field, into] of [
      ['providesApis', providers],
      ['consumesApis', consumers],
    ] as const) {
      list(spec[field]).forEach((v, i) => {
        const t = target(e, ['spec', field, i], v, field);
        if (t) into.set(t.ref, [...(into.get(t.ref) ?? []), e.id]);
      });
    }
  }

  const unmappedKeys = (e: CatalogEntity, section: 'metadata' | 'spec', used: readonly string[]) => {
    for (const key of Object.keys(record(e.data[section]))) if (!used.includes(key)) note(e, `${section}.${key}`, 'no Plexus field for it');
  };
  const annotations = (e: CatalogEntity, used: readonly string[]) => {
    for (const key of Object.keys(record(record(e.data.metadata).annotations)))
      if (!used.includes(key)) note(e, `metadata.annotations.${key}`, 'no Plexus field for it');
  };

  for (const e of entities) {
    const metadata = record(e.data.metadata);
    const spec = record(e.data.spec);
    const title = text(metadata.title) ?? text(metadata.name)!;
    const description = text(metadata.description);
    const owner = text(spec.owner) ? target(e, ['spec', 'owner'], spec.owner, 'owner') : undefined;
    const lifecycle = text(spec.lifecycle);
    const purpose = () => {
      if (!description) note(e, 'metadata.description', 'not given: purpose written as unknown');
      return description ?? 'unknown';
    };
    const common = ['name', 'namespace', 'title', 'description', 'annotations', 'uid', 'etag'];
    switch (e.kind) {
      case 'Component': {
        const annotation = record(metadata.annotations);
        const kind = COMPONENT_KIND[text(spec.type) ?? ''];
        if (!kind) note(e, 'spec.type', `"${String(spec.type)}" has no Plexus kind: written as service`);
        const status = REPOSITORY_STATUS[lifecycle ?? ''];
        if (!status) note(e, 'spec.lifecycle', `"${String(spec.lifecycle)}" has no Plexus status: written as active`);
        const slug = text(annotation['github.com/project-slug']);
        const gitlab = text(annotation['gitlab.com/project-slug']);
        const location = text(annotation['backstage.io/source-location'])?.replace(/^url:/, '');
        const url = slug
          ? `https://github.com/${slug}`
          : gitlab
            ? `https://gitlab.com/${gitlab}`
            : location && /^https?:\/\//.test(location)
              ? location
              : 'unknown';
        const system = text(spec.system) ? target(e, ['spec', 'system'], spec.system, 'system') : undefined;
        if (!owner) note(e, 'spec.owner', 'no owner: team left for you to fill');
        unmappedKeys(e, 'metadata', [...common, 'tags', 'links']);
        for (const [i, link] of list(metadata.links).entries()) note(e, `metadata.links[${i}]`, `repositories keep no links (${text(record(link).url) ?? ''})`);
        annotations(e, ['github.com/project-slug', 'gitlab.com/project-slug', 'backstage.io/source-location']);
        unmappedKeys(e, 'spec', ['type', 'lifecycle', 'owner', 'system', 'providesApis', 'consumesApis', 'dependsOn']);
        planned.push({
          collection: 'repositories',
          id: e.id,
          owned: {
            name: title,
            purpose: purpose(),
            kind: kind ?? 'service',
            status: status ?? 'active',
            url,
            team: owner?.id,
            system: system?.id,
            tags: list(metadata.tags).length > 0 ? list(metadata.tags).map(String) : undefined,
          },
          provenance: source(e),
        });
        list(spec.dependsOn).forEach((v, i) => {
          const t = target(e, ['spec', 'dependsOn', i], v, 'dependsOn');
          if (!t) return;
          if (t.ref.startsWith('resource:')) dependents.set(t.ref, [...(dependents.get(t.ref) ?? []), e]);
          else if (t.ref.startsWith('component:')) {
            const other = t.entity ? (text(record(t.entity.data.metadata).title) ?? text(record(t.entity.data.metadata).name)!) : t.id;
            planned.push({
              collection: 'integrations',
              id: `${e.id}-depends-on-${t.id}`,
              owned: {
                title: `${title} depends on ${other}`,
                provider: t.id,
                consumers: [e.id],
                purpose: `${title} depends on ${other} at runtime (Backstage dependsOn); how is not recorded`,
                type: 'dependency',
                protocol: 'unknown',
                owner: owner?.id,
                status: status === 'deprecated' || status === 'retired' ? status : 'active',
              },
              provenance: { ...source(e), ref: `${e.ref} dependsOn ${t.ref}` },
            });
          } else note(e, `spec.dependsOn[${i}]`, `a dependency on ${t.ref} has no Plexus form`);
        });
        break;
      }
      case 'API': {
        const provided = providers.get(e.ref) ?? [];
        const [type, protocol] = API_TYPE[text(spec.type) ?? ''] ?? ['dependency', 'unknown'];
        if (!API_TYPE[text(spec.type) ?? '']) note(e, 'spec.type', `"${String(spec.type)}" has no Plexus integration type: written as dependency`);
        if (provided.length === 0) {
          note(e, 'kind', 'no component provides it (providesApis): Plexus needs a provider, so it is not imported');
          break;
        }
        if (provided.length > 1) note(e, 'providesApis', `provided by ${provided.length} components: ${provided[0]} is recorded as the provider`);
        const status = API_STATUS[lifecycle ?? ''];
        if (!status) note(e, 'spec.lifecycle', `"${String(spec.lifecycle)}" has no Plexus status: written as active`);
        if (!owner) note(e, 'spec.owner', 'no owner: the integration needs one; it is left for you to fill');
        const definition = spec.definition;
        const definitionUrl = text(record(definition).$text);
        note(
          e,
          'spec.definition',
          definitionUrl
            ? `not read (${definitionUrl}): link it with plexus import openapi or asyncapi`
            : 'not read: import the definition with plexus import openapi or asyncapi',
        );
        unmappedKeys(e, 'metadata', [...common, 'tags', 'links']);
        annotations(e, []);
        unmappedKeys(e, 'spec', ['type', 'lifecycle', 'owner', 'system', 'definition']);
        const docs = list(metadata.links)
          .map((l) => text(record(l).url))
          .filter((u): u is string => !!u && /^https?:\/\//.test(u));
        planned.push({
          collection: 'integrations',
          id: e.id,
          owned: {
            title,
            provider: provided[0],
            consumers: consumers.get(e.ref) ?? [],
            purpose: purpose(),
            type,
            protocol,
            owner: owner?.id,
            status: status ?? 'active',
            docs: docs.length > 0 ? docs : undefined,
          },
          provenance: source(e),
        });
        break;
      }
      case 'System':
      case 'Domain': {
        const domain = e.kind === 'System' && text(spec.domain) ? target(e, ['spec', 'domain'], spec.domain, 'domain') : undefined;
        unmappedKeys(e, 'metadata', common);
        annotations(e, []);
        unmappedKeys(e, 'spec', ['owner', 'domain']);
        planned.push({
          collection: e.kind === 'System' ? 'systems' : 'domains',
          id: e.id,
          owned: { name: title, description, domain: domain?.id, owner: owner?.id },
          provenance: source(e),
        });
        break;
      }
      case 'Group':
      case 'User': {
        const profile = record(spec.profile);
        const shown = text(profile.displayName) ?? title;
        if (e.kind === 'User' && !ownerRefs.has(e.ref)) {
          note(e, 'kind', `Plexus keeps teams, not people: ${shown} owns nothing here, so is not imported`);
          break;
        }
        const email = text(profile.email);
        unmappedKeys(e, 'metadata', common);
        annotations(e, []);
        for (const key of Object.keys(spec)) if (key !== 'profile' && key !== 'type') note(e, `spec.${key}`, 'Plexus keeps no team hierarchy or members');
        planned.push({
          collection: 'teams',
          id: e.id,
          owned: {
            name: shown,
            lead: e.kind === 'User' ? shown : undefined,
            description,
            'contacts.email': email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined,
          },
          provenance: source(e),
        });
        if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) note(e, 'spec.profile.email', `"${email}" is not an email address`);
        break;
      }
    }
  }

  // Resources last: Plexus records the one repository that owns a resource; Backstage, who depends on it.
  for (const e of entities) {
    if (e.kind !== 'Resource') continue;
    const metadata = record(e.data.metadata);
    const spec = record(e.data.spec);
    const users = dependents.get(e.ref) ?? [];
    const system = text(spec.system);
    const inSystem = system
      ? users.filter((u) => text(record(u.data.spec).system) && normaliseRef(String(record(u.data.spec).system), 'system') === normaliseRef(system, 'system'))
      : [];
    const ownerRepo = users.length === 1 ? users[0] : inSystem.length === 1 ? inSystem[0] : undefined;
    if (!ownerRepo) {
      note(
        e,
        'kind',
        users.length === 0
          ? 'no component depends on it, so no repository owns it: not imported'
          : `${users.length} components depend on it and none is its one owner: not imported`,
      );
      continue;
    }
    const team = text(spec.owner) ? target(e, ['spec', 'owner'], spec.owner, 'owner') : undefined;
    const kind = RESOURCE_KIND[text(spec.type) ?? ''];
    if (!kind) note(e, 'spec.type', `"${String(spec.type)}" has no Plexus resource kind: written as other`);
    unmappedKeys(e, 'metadata', ['name', 'namespace', 'title', 'description', 'annotations', 'uid', 'etag']);
    annotations(e, []);
    unmappedKeys(e, 'spec', ['type', 'owner', 'system', 'dependencyOf']);
    const others = users.filter((u) => u !== ownerRepo).map((u) => ({ repository: u.id }));
    planned.push({
      collection: 'resources',
      id: e.id,
      owned: {
        name: text(metadata.title) ?? text(metadata.name),
        kind: kind ?? 'other',
        technology: kind ? undefined : text(spec.type),
        owner: ownerRepo.id,
        description: text(metadata.description),
        users: others.length > 0 ? others : undefined,
        team: team?.id,
      },
      provenance: source(e),
    });
  }

  // Ids must be files Plexus can name; two entities may not land on one file.
  const taken = new Map<string, string>();
  const kept: Planned[] = [];
  for (const p of planned) {
    const key = `${p.collection}/${p.id}`;
    if (!ID_PATTERN.test(p.id)) unmapped.push({ ref: p.provenance.ref, field: 'metadata.name', why: `"${p.id}" cannot be a Plexus id: not imported` });
    else if (taken.has(key))
      unmapped.push({ ref: p.provenance.ref, field: 'metadata.name', why: `${key} is already imported from ${taken.get(key)}: not imported` });
    else {
      taken.set(key, p.provenance.ref);
      kept.push(p);
    }
  }
  return { planned: kept, unmapped, diagnostics, errors, entityCount: entities.length };
}
