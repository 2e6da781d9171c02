// Drift: where the registry and the specs it links disagree, both ways. An integration's OpenAPI
// document against its operations and auth; a repository's AsyncAPI document against the events
// it is declared to produce and consume; an event's spec against its message.
import type { Spec } from '../specs/read.ts';
import { diagnostic } from './codes.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Entity, Registry } from './model.ts';
import { eventIndex, messageMatches, specLink } from '../specs/link.ts';

/** What the registry's specs/ folder holds: each readable spec by its path, or undefined where it could not be read. */
export type Specs = ReadonlyMap<string, Spec | undefined>;

const where = (spec: Spec, path: (string | number)[]) => {
  const at = spec.locate(path, 'key');
  return `${spec.file}:${at.line}:${at.col}`;
};

/** The spec a link names, or a diagnostic when a registry path names nothing; URLs are not fetched by check. */
function linked(entity: Entity<unknown>, key: string, link: string | undefined, specs: Specs, out: Diagnostic[]): Spec | undefined {
  if (link === undefined) return undefined;
  const target = specLink(link);
  if ('url' in target) return undefined;
  const { path } = target;
  if (!specs.has(path)) {
    out.push(diagnostic('SpecNotFound', entity.file, entity.locate([key]), { path: link }));
    return undefined;
  }
  return specs.get(path);
}

export function checkDrift(registry: Registry, specs: Specs, policy: 'error' | 'warning' | 'off' = 'warning'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const drift: Diagnostic[] = [];

  for (const integration of registry.integrations.values()) {
    const i = integration.data;
    const spec = linked(integration, 'spec', i.spec, specs, out);
    if (spec?.kind !== 'openapi') continue;
    const key = (o: { method: string; path: string }) => `${o.method} ${o.path}`;
    const inSpec = new Map(spec.operations.map((o) => [key(o), o]));
    const declared = new Set((i.operations ?? []).map(key));
    if (i.operations === undefined) {
      if (spec.operations.length > 0)
        drift.push(
          diagnostic('DriftNotDeclared', integration.file, integration.locate(['spec'], 'key'), {
            what: `${spec.operations.length} operation${spec.operations.length === 1 ? '' : 's'} (none listed under operations)`,
            registry: integration.file,
          }),
        );
    } else {
      (i.operations ?? []).forEach((o, n) => {
        if (!inSpec.has(key(o)))
          drift.push(diagnostic('DriftNotInSpec', integration.file, integration.locate(['operations', n]), { what: key(o), spec: spec.file }));
      });
      for (const o of spec.operations) {
        if (!declared.has(key(o)))
          drift.push(
            diagnostic('DriftNotDeclared', spec.file, spec.locate(['paths', o.path, o.method.toLowerCase()], 'key'), {
              what: key(o),
              registry: `operations of ${integration.file}:${integration.locate(['operations'], 'key').line}`,
            }),
          );
      }
    }
    const auth = i.auth;
    if (auth !== undefined && auth !== 'unknown' && spec.operations.length > 0) {
      const methods = [...new Set(spec.operations.flatMap((o) => o.auth))];
      const secured = methods.filter((m) => m !== 'none' && m !== 'unknown');
      // A spec with no security section says nothing about auth: nothing to disagree with.
      const silent = methods.every((m) => m === 'unknown');
      const agrees = silent || (auth === 'none' ? secured.length === 0 : secured.includes(auth));
      if (!agrees) {
        const schemes = secured.length === 0 ? 'no security' : `security ${secured.join(' or ')}`;
        const at =
          spec.kind === 'openapi' && Object.keys(spec.schemes).length > 0
            ? ` (${where(spec, spec.version.startsWith('2') ? ['securityDefinitions'] : ['components', 'securitySchemes'])})`
            : '';
        drift.push(diagnostic('DriftAuth', integration.file, integration.locate(['auth']), { declared: auth, spec: `${spec.file}${at}`, schemes }));
      }
    }
  }

  for (const event of registry.events.values()) {
    const spec = linked(event, 'spec', event.data.spec, specs, out);
    if (spec?.kind !== 'asyncapi') continue;
    if (!spec.messages.some((m) => messageMatches(event.id, event.data.message, m.name)))
      drift.push(
        diagnostic('DriftNotInSpec', event.file, event.locate([event.data.message ? 'message' : 'spec']), {
          what: `Message ${event.data.message ?? event.id}`,
          spec: spec.file,
        }),
      );
  }

  const eventOf = eventIndex(registry.events.values());
  for (const repository of registry.repositories.values()) {
    const spec = linked(repository, 'asyncapi', repository.data.asyncapi, specs, out);
    if (spec?.kind !== 'asyncapi') continue;
    const id = repository.id;
    const sent = new Set<string>();
    const received = new Set<string>();
    for (const m of spec.messages) {
      const event = eventOf(m.name);
      if (event && m.sends) sent.add(event.id);
      if (event && m.receives) received.add(event.id);
      const at = spec.locate(m.at, 'key');
      if (m.sends && !event?.data.producers.includes(id))
        drift.push(
          diagnostic('DriftNotDeclared', spec.file, at, {
            what: `${id} sends ${m.name}`,
            registry: event ? `producers of ${event.file}` : 'any event of the registry',
          }),
        );
      if (m.receives && !event?.data.consumers.some((c) => c.repository === id))
        drift.push(
          diagnostic('DriftNotDeclared', spec.file, at, {
            what: `${id} receives ${m.name}`,
            registry: event ? `consumers of ${event.file}` : 'any event of the registry',
          }),
        );
    }
    for (const event of registry.events.values()) {
      const n = event.data.producers.indexOf(id);
      if (n >= 0 && !sent.has(event.id))
        drift.push(
          diagnostic('DriftNotInSpec', event.file, event.locate(['producers', n, 'repository']), { what: `${id} sending ${event.id}`, spec: spec.file }),
        );
      const c = event.data.consumers.findIndex((x) => x.repository === id);
      if (c >= 0 && !received.has(event.id))
        drift.push(diagnostic('DriftConsumer', event.file, event.locate(['consumers', c, 'repository']), { repository: id, event: event.id, spec: spec.file }));
    }
  }

  if (policy === 'off') return out;
  return [...out, ...drift.map((d) => ({ ...d, severity: policy }))];
}
