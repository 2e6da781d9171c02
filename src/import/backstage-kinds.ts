// One mapping per Backstage kind: what it becomes in Plexus, and a note for everything that has no
// place there. The README's "Importing" table says the same in words.
import { list, record, text } from '../core/loose.ts';
import type { CatalogEntity } from './catalog.ts';
import { normaliseRef } from './catalog.ts';
import { withScheme } from '../specs/openapi.ts';
import { COMMON, facts, unmappedLifecycle, type Context } from './backstage-context.ts';
import type { Planned } from './merge.ts';

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
/** The protocol only where the type fixes it: an OpenAPI or GraphQL API may be served over HTTP or HTTPS, which its definition says. */
const API_TYPE: Record<string, [type: string, protocol: string]> = {
  openapi: ['rest', 'unknown'],
  graphql: ['graphql', 'unknown'],
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
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A link to a repository itself (not a file or page inside it) on GitHub or GitLab. */
const CODE_LINK = /^https:\/\/(github\.com|gitlab\.com)\/[\w.-]+\/[\w.-]+\/?$/;

const URL_ANNOTATIONS = ['github.com/project-slug', 'gitlab.com/project-slug', 'backstage.io/source-location'];

/** Where the code lives, from the annotations that say it, or `unknown`. */
function codeUrl(annotations: Record<string, unknown>): string {
  const github = text(annotations['github.com/project-slug']);
  const gitlab = text(annotations['gitlab.com/project-slug']);
  const location = text(annotations['backstage.io/source-location'])?.replace(/^url:/, '');
  if (github) return `https://github.com/${github}`;
  if (gitlab) return `https://gitlab.com/${gitlab}`;
  return location && /^https?:\/\//.test(location) ? location : 'unknown';
}

function component(e: CatalogEntity, context: Context): Planned[] {
  // An owner that is not in the catalog or the registry is no team Plexus knows: the team is written unknown.
  const f = facts(e, context, 'team written as unknown');
  const { spec, metadata } = f;
  const kind = COMPONENT_KIND[text(spec.type) ?? ''];
  if (!kind) context.note(e, 'spec.type', `"${String(spec.type)}" has no Plexus kind: written as unknown`);
  const status = REPOSITORY_STATUS[f.lifecycle ?? ''];
  if (!status) context.note(e, 'spec.lifecycle', unmappedLifecycle(spec.lifecycle));
  const system = text(spec.system) ? context.target(e, ['spec', 'system'], spec.system, 'system') : undefined;
  if (!text(spec.owner)) context.note(e, 'spec.owner', 'no owner: team written as unknown');
  f.unread('metadata', [...COMMON, 'tags', 'links']);
  // Where the code lives: the annotations say it first, else the first link to a repository on GitHub or GitLab.
  let url = codeUrl(record(metadata.annotations));
  for (const [i, link] of list(metadata.links).entries()) {
    const href = text(record(link).url) ?? '';
    if (url === 'unknown' && CODE_LINK.test(href)) url = href.replace(/\/+$/, '');
    else context.note(e, `metadata.links[${i}]`, `repositories keep no links besides url (${href})`);
  }
  f.unreadAnnotations(URL_ANNOTATIONS);
  f.unread('spec', ['type', 'lifecycle', 'owner', 'system', 'providesApis', 'consumesApis', 'dependsOn']);
  const planned: Planned[] = [
    {
      collection: 'repositories',
      id: e.id,
      owned: {
        name: f.title,
        purpose: f.purpose(),
        kind: kind ?? 'unknown',
        status: status ?? 'unknown',
        url,
        team: f.owner?.id ?? 'unknown',
        system: system?.id,
        tags: list(metadata.tags).length > 0 ? list(metadata.tags).map(String) : undefined,
      },
      provenance: context.source(e),
    },
  ];
  list(spec.dependsOn).forEach((v, i) => {
    const t = context.target(e, ['spec', 'dependsOn', i], v, 'dependsOn');
    if (!t) return;
    if (t.ref.startsWith('resource:')) {
      const users = context.dependents.get(t.ref);
      if (users) users.push(e);
      else context.dependents.set(t.ref, [e]);
    } else if (t.ref.startsWith('component:')) {
      const other = t.entity ? (text(record(t.entity.data.metadata).title) ?? text(record(t.entity.data.metadata).name)!) : t.id;
      planned.push({
        collection: 'integrations',
        id: `${e.id}-depends-on-${t.id}`,
        owned: {
          title: `${f.title} depends on ${other}`,
          provider: t.id,
          consumers: [e.id],
          purpose: `${f.title} depends on ${other} at runtime (Backstage dependsOn); how is not recorded`,
          type: 'dependency',
          protocol: 'unknown',
          owner: f.owner?.id,
          // The dependency lives as long as the component; a component whose lifecycle is unknown gives unknown.
          status: status === 'deprecated' || status === 'retired' ? status : status ? 'active' : 'unknown',
        },
        provenance: { ...context.source(e), ref: `${e.ref} dependsOn ${t.ref}` },
      });
    } else context.note(e, `spec.dependsOn[${i}]`, `a dependency on ${t.ref} has no Plexus form`);
  });
  return planned;
}

function api(e: CatalogEntity, context: Context): Planned[] {
  // As a component's team: an owner not in the catalog or the registry is written unknown.
  const f = facts(e, context, 'owner written as unknown');
  const { spec, metadata } = f;
  const provided = context.providers.get(e.ref) ?? [];
  const [type, protocol] = API_TYPE[text(spec.type) ?? ''] ?? ['dependency', 'unknown'];
  if (!API_TYPE[text(spec.type) ?? '']) context.note(e, 'spec.type', `"${String(spec.type)}" has no Plexus integration type: written as dependency`);
  if (provided.length > 1) context.note(e, 'providesApis', `provided by ${provided.length} components: ${provided[0]} is recorded as the provider`);
  const status = API_STATUS[f.lifecycle ?? ''];
  if (!status) context.note(e, 'spec.lifecycle', unmappedLifecycle(spec.lifecycle));
  if (!text(spec.owner)) context.note(e, 'spec.owner', 'no owner: owner written as unknown');
  // The definition read as a spec: the integration links the copy, and an OpenAPI one gives its operations and server.
  const read = context.definitions.get(e.ref);
  if (read && 'why' in read) context.note(e, 'spec.definition', read.why);
  else if (!read && spec.definition === undefined)
    context.note(e, 'spec.definition', 'not given: import the definition with plexus import openapi or asyncapi');
  const definition = read && 'spec' in read ? read : undefined;
  const openapi = definition?.spec.kind === 'openapi' ? definition.spec : undefined;
  // A definition is read from a file: a Swagger 2.0 server without a scheme (`//host`) has none to take.
  const first = openapi?.servers[0];
  const server = first === undefined ? undefined : (withScheme(first, '') ?? 'unknown');
  if (first !== undefined && server === 'unknown')
    context.note(
      e,
      'spec.definition',
      `Swagger 2.0 without schemes, read from a file (no scheme to take): endpoint and protocol written as unknown (${first.slice(2)})`,
    );
  const spoken = server && /^https:/i.test(server) ? 'HTTPS' : server && /^http:/i.test(server) ? 'HTTP' : undefined;
  f.unread('metadata', [...COMMON, 'tags', 'links']);
  f.unreadAnnotations([]);
  f.unread('spec', ['type', 'lifecycle', 'owner', 'system', 'definition']);
  if (text(spec.system)) context.note(e, 'spec.system', `integrations keep no system (${String(spec.system)})`);
  if (list(metadata.tags).length > 0) context.note(e, 'metadata.tags', `integrations keep no tags (${list(metadata.tags).map(String).join(', ')})`);
  const docs = list(metadata.links)
    .map((l) => text(record(l).url))
    .filter((u): u is string => !!u && /^https?:\/\//.test(u));
  return [
    {
      collection: 'integrations',
      id: e.id,
      owned: {
        title: f.title,
        // No component lists it in providesApis: the catalog does not say who provides it.
        provider: provided[0] ?? 'unknown',
        consumers: context.consumers.get(e.ref) ?? [],
        purpose: f.purpose(),
        type,
        protocol: spoken ?? protocol,
        owner: f.owner?.id ?? 'unknown',
        status: status ?? 'unknown',
        docs: docs.length > 0 ? docs : undefined,
        spec: definition?.path,
        'connection.endpoint': server,
        operations: openapi?.operations.map((o) => ({ method: o.method, path: o.path, summary: o.summary, operationId: o.operationId })),
      },
      provenance: context.source(e),
    },
  ];
}

function systemOrDomain(e: CatalogEntity, context: Context): Planned[] {
  const f = facts(e, context);
  const domain = e.kind === 'System' && text(f.spec.domain) ? context.target(e, ['spec', 'domain'], f.spec.domain, 'domain') : undefined;
  f.unread('metadata', COMMON);
  f.unreadAnnotations([]);
  f.unread('spec', ['owner', 'domain']);
  return [
    {
      collection: e.kind === 'System' ? 'systems' : 'domains',
      id: e.id,
      owned: { name: f.title, description: f.description, domain: domain?.id, owner: f.owner?.id },
      provenance: context.source(e),
    },
  ];
}

function team(e: CatalogEntity, context: Context): Planned[] {
  const f = facts(e, context);
  const profile = record(f.spec.profile);
  const shown = text(profile.displayName) ?? f.title;
  if (e.kind === 'User' && !context.ownerRefs.has(e.ref)) {
    context.note(e, 'kind', `Plexus keeps teams, not people: ${shown} owns nothing here, so is not imported`);
    return [];
  }
  const email = text(profile.email);
  f.unread('metadata', COMMON);
  f.unreadAnnotations([]);
  // The hierarchy: spec.parent, or the group whose spec.children lists this one; a child is written with its parent.
  const named = e.kind === 'Group' && text(f.spec.parent) ? context.target(e, ['spec', 'parent'], f.spec.parent, 'parent') : undefined;
  const listedBy = context.parents.get(e.ref);
  if (named && listedBy && listedBy.id !== named.id)
    context.note(e, 'spec.parent', `${named.ref}, though ${listedBy.ref} lists it among its children: ${named.id} is written as the parent`);
  const parent = named?.id ?? listedBy?.id;
  for (const key of Object.keys(f.spec))
    if (key === 'type') {
      if (f.spec.type !== 'team') context.note(e, 'spec.type', `"${String(f.spec.type)}": Plexus keeps teams only, so it is written as a team`);
    } else if (e.kind === 'Group' && (key === 'parent' || key === 'children')) {
      // Mapped: parent here, children as each child's parent.
    } else if (key !== 'profile')
      context.note(e, `spec.${key}`, key === 'members' || key === 'memberOf' ? 'Plexus keeps no team members' : 'no Plexus field for it');
  for (const key of Object.keys(profile)) if (key !== 'displayName' && key !== 'email') context.note(e, `spec.profile.${key}`, 'no Plexus field for it');
  if (email && !EMAIL.test(email)) context.note(e, 'spec.profile.email', `"${email}" is not an email address`);
  return [
    {
      collection: 'teams',
      id: e.id,
      owned: {
        name: shown,
        lead: e.kind === 'User' ? shown : undefined,
        description: f.description,
        'contacts.email': email && EMAIL.test(email) ? email : undefined,
        parent,
      },
      provenance: context.source(e),
    },
  ];
}

/** Mappings by kind; Resource is mapped after every component (`mapResource`), Location is followed while reading. */
export const MAPPERS: Record<string, (e: CatalogEntity, context: Context) => Planned[]> = {
  Component: component,
  API: api,
  System: systemOrDomain,
  Domain: systemOrDomain,
  Group: team,
  User: team,
};

/**
 * Plexus records the one repository that owns a resource; Backstage, who depends on it. With no one
 * component to own it (none or several depend on it), the owner is unknown and the team (spec.owner)
 * and system say who keeps it.
 */
export function mapResource(e: CatalogEntity, context: Context): Planned[] {
  const f = facts(e, context);
  const { spec, metadata } = f;
  const users = [...(context.dependents.get(e.ref) ?? [])];
  // spec.dependencyOf says the same from this side: each component named there uses it too.
  list(spec.dependencyOf).forEach((v, i) => {
    const t = context.target(e, ['spec', 'dependencyOf', i], v, 'dependencyOf');
    if (t?.entity?.kind === 'Component') {
      if (!users.includes(t.entity)) users.push(t.entity);
    } else if (t) context.note(e, `spec.dependencyOf[${i}]`, `${t.ref} is not a component: no Plexus form`);
  });
  const system = text(spec.system);
  const sameSystem = (u: CatalogEntity) =>
    !!system && !!text(record(u.data.spec).system) && normaliseRef(String(record(u.data.spec).system), 'system') === normaliseRef(system, 'system');
  const inSystem = users.filter(sameSystem);
  const owner = users.length === 1 ? users[0] : inSystem.length === 1 ? inSystem[0] : undefined;
  const inside = system ? context.target(e, ['spec', 'system'], system, 'system') : undefined;
  const kind = RESOURCE_KIND[text(spec.type) ?? ''];
  if (!kind) context.note(e, 'spec.type', `"${String(spec.type)}" has no Plexus resource kind: written as other`);
  f.unread('metadata', COMMON);
  f.unreadAnnotations([]);
  f.unread('spec', ['type', 'owner', 'system', 'dependencyOf']);
  const others = users.filter((u) => u !== owner).map((u) => ({ repository: u.id }));
  return [
    {
      collection: 'resources',
      id: e.id,
      owned: {
        name: text(metadata.title) ?? text(metadata.name),
        kind: kind ?? 'other',
        technology: kind ? undefined : text(spec.type),
        owner: owner?.id ?? 'unknown',
        system: inside?.id,
        description: f.description,
        users: others.length > 0 ? others : undefined,
        team: f.owner?.id,
      },
      provenance: context.source(e),
    },
  ];
}
