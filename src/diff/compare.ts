// Two states of a registry compared: every entity added, removed or changed (the fields, old →
// new), whom each change reaches (the consumers, then everything downstream of them, as the blast
// radius computes it), whom to notify, and the changes that break consumers against the
// registry's own policy (policies.deprecationNoticeMonths). Pure: both models are built already.
import { sortDiagnostics, type Diagnostic } from '../core/diagnostics.ts';
import type { Entity, Model } from '../core/model.ts';
import type { Contacts } from '../core/schemas/index.ts';
import type { Schema, Spec } from '../specs/read.ts';
import { type FieldChange, fieldChanges, type Plain } from './fields.ts';
import { findBreaks, judge, sortedUnique, specLinkPath } from './breaks.ts';

/** The kinds compared, in the order reports list them. */
export const KINDS = [
  ['ecosystem', 'ecosystem'],
  ['team', 'teams'],
  ['repository', 'repositories'],
  ['integration', 'integrations'],
  ['event', 'events'],
  ['resource', 'resources'],
  ['pattern', 'patterns'],
  ['protocol', 'protocols'],
  ['docset', 'docsets'],
  ['system', 'systems'],
  ['domain', 'domains'],
  ['document', 'documents'],
  ['spec', 'specs'],
] as const;
export type Kind = (typeof KINDS)[number][0];

export interface EntityChange {
  kind: Kind;
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** The file as the head has it (the base's for a removal). */
  file: string;
  /** For a change: every field that changed, in the order the files write them. */
  fields: FieldChange[];
}

/** Whom a changed integration, event or resource reaches. */
export interface Impact {
  kind: 'integration' | 'event' | 'resource';
  id: string;
  /** Repositories that use it directly (before or after the change). */
  consumers: string[];
  /** Repositories downstream of those, reached through them (the blast radius), not already above. */
  transitive: string[];
}

/** The name of the notice for repositories whose team is `unknown`. */
export const NOBODY = 'Team unknown: nobody is recorded to tell';
const UNKNOWN_TEAM = 'unknown';
/** Someone to tell: a team (with how to reach it), or a contact an integration names. Each appears once. */
export type Notify = { team: string; name: string; lead?: string; contacts?: Contacts; because: string[] } | { contact: string; because: string[] };

export interface DiffReport {
  base: string;
  head: string;
  /** Errors `plexus check` finds in each side: what failed validation is missing from the comparison. */
  checkErrors: { base: number; head: number };
  summary: { added: number; removed: number; changed: number; breaking: number; allowed: number };
  changes: EntityChange[];
  impact: Impact[];
  notify: Notify[];
  /** Breaking changes: PLX058 errors, PLX059 warnings for those the policy allows. */
  diagnostics: Diagnostic[];
}

export type AnyEntity = Entity<unknown> & { body?: string };

/** A schema's shape to a depth: its type, and its properties' (a schema may contain itself, so never all of it). */
function shape(schema: Schema | undefined, depth = 0): unknown {
  if (!schema) return undefined;
  const props = schema.properties as Record<string, Schema> | undefined;
  if (props && typeof props === 'object') return depth >= 2 ? 'object' : Object.fromEntries(Object.entries(props).map(([k, v]) => [k, shape(v, depth + 1)]));
  if (schema.items) return depth >= 2 ? 'array' : [shape(schema.items as Schema, depth + 1)];
  return Array.isArray(schema.type) ? schema.type.join('|') : (schema.type as string | undefined);
}

/** What is compared of a spec: what callers see of each operation or message, not its prose. */
function specSummary(spec: Spec): unknown {
  if (spec.kind === 'openapi')
    return {
      version: spec.version,
      apiVersion: spec.apiVersion,
      servers: spec.servers,
      operations: spec.operations.map((o) => ({
        method: o.method,
        path: o.path,
        operationId: o.operationId,
        deprecated: o.deprecated,
        auth: o.auth,
        parameters: o.parameters.map((p) => ({ name: `${p.name} (${p.in})`, required: p.required, type: shape(p.schema) })),
        request: o.request && { contentType: o.request.contentType, required: o.request.required, schema: shape(o.request.schema) },
        responses: o.responses.map((r) => ({ status: r.status, contentType: r.contentType, schema: shape(r.schema) })),
      })),
    };
  return {
    version: spec.version,
    apiVersion: spec.apiVersion,
    messages: spec.messages.map((m) => ({ name: m.name, channel: m.channel, sends: m.sends, receives: m.receives, payload: shape(m.payload) })),
  };
}

function entitiesOf(model: Model, kind: Kind): Map<string, AnyEntity> {
  if (kind === 'ecosystem') return new Map(model.ecosystem ? [['ecosystem', model.ecosystem as AnyEntity]] : []);
  if (kind === 'spec') {
    const specs = new Map<string, AnyEntity>();
    for (const [path, spec] of model.specs) if (spec) specs.set(path, { id: path, file: spec.file, data: specSummary(spec), locate: spec.locate });
    return specs;
  }
  const collection = KINDS.find(([k]) => k === kind)![1] as Exclude<(typeof KINDS)[number][1], 'ecosystem' | 'specs'>;
  return model[collection] as unknown as Map<string, AnyEntity>;
}

/** What is compared of an entity: its data, and a document's text. */
const comparable = (e: AnyEntity): unknown => (e.body !== undefined ? { ...(e.data as Plain), body: e.body } : e.data);

function directConsumers(model: Model, kind: Impact['kind'], id: string): string[] {
  if (kind === 'integration') return model.analysis.consumersOf.get(id) ?? [];
  if (kind === 'event') return model.events.get(id)?.data.consumers.map((c) => c.repository) ?? [];
  return model.resources.get(id)?.data.users?.map((u) => u.repository) ?? [];
}

/** The repositories on the providing side of an entity: they are not its consumers' downstream. */
function providers(model: Model, kind: Impact['kind'], id: string): string[] {
  if (kind === 'integration') return [model.integrations.get(id)?.data.provider ?? ''];
  if (kind === 'event') return model.events.get(id)?.data.producers ?? [];
  return [model.resources.get(id)?.data.owner ?? ''];
}

/** Compares two built registries. `base` and `head` label them in reports. */
export function compareModels(
  base: Model,
  head: Model,
  labels: { base: string; head: string },
  checkErrors: DiffReport['checkErrors'] = { base: 0, head: 0 },
): DiffReport {
  const changes: EntityChange[] = [];
  for (const [kind] of KINDS) {
    const before = entitiesOf(base, kind);
    const after = entitiesOf(head, kind);
    const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
    for (const id of ids) {
      const [a, b] = [before.get(id), after.get(id)];
      if (a && b) {
        const fields = fieldChanges(comparable(a), comparable(b));
        if (fields.length > 0) changes.push({ kind, id, change: 'changed', file: b.file, fields });
      } else if (b) changes.push({ kind, id, change: 'added', file: b.file, fields: [] });
      else if (a && !head.invalid.has(`${kind}/${id}`)) changes.push({ kind, id, change: 'removed', file: a.file, fields: [] });
    }
  }

  const impact: Impact[] = [];
  const notify = new Map<string, { entry: Notify; roles: Map<string, string[]> }>();
  /** Records that `key` hears about `what` in `role`; roles are gathered per change: "integration x: owner, consumer y". */
  const tell = (key: string, make: () => Notify, because: string) => {
    const [what, role] = because.split(': ') as [string, string];
    const found = notify.get(key) ?? { entry: make(), roles: new Map<string, string[]>() };
    const roles = found.roles.get(what) ?? [];
    if (!roles.includes(role)) roles.push(role);
    found.roles.set(what, roles);
    notify.set(key, found);
  };
  const teamOf = (repository: string) => head.repositories.get(repository)?.data.team ?? base.repositories.get(repository)?.data.team;
  const tellTeam = (team: string | undefined, because: string) => {
    if (!team) return;
    const t = (head.teams.get(team) ?? base.teams.get(team))?.data;
    tell(
      `team:${team}`,
      () => ({
        team,
        // A repository no team is known to own: the notice says nobody is recorded to tell, not a team called unknown.
        name: t?.name ?? (team === UNKNOWN_TEAM ? NOBODY : team),
        ...(t?.lead && t.lead !== 'unknown' ? { lead: t.lead } : {}),
        ...(t?.contacts ? { contacts: t.contacts } : {}),
        because: [],
      }),
      because,
    );
  };
  // A changed spec reaches through the integrations and events that link it, whether or not their files changed.
  const reached: EntityChange[] = [...changes];
  for (const c of changes) {
    if (c.kind !== 'spec') continue;
    for (const model of [base, head]) {
      for (const [id, i] of model.integrations)
        if (specLinkPath(i.data.spec) === c.id && !reached.some((r) => r.kind === 'integration' && r.id === id))
          reached.push({ ...c, kind: 'integration', id });
      for (const [id, e] of model.events)
        if (specLinkPath(e.data.spec) === c.id && !reached.some((r) => r.kind === 'event' && r.id === id)) reached.push({ ...c, kind: 'event', id });
    }
  }
  for (const c of reached) {
    if (c.kind === 'repository') {
      for (const model of [base, head]) tellTeam(model.repositories.get(c.id)?.data.team, `repository ${c.id}: owner`);
      continue;
    }
    if (c.kind !== 'integration' && c.kind !== 'event' && c.kind !== 'resource') continue;
    const kind = c.kind;
    const what = `${kind} ${c.id}`;
    const consumers = sortedUnique([...directConsumers(base, kind, c.id), ...directConsumers(head, kind, c.id)]);
    const own = new Set([...providers(base, kind, c.id), ...providers(head, kind, c.id), ...consumers]);
    const reach = new Set<string>();
    for (const r of consumers) for (const x of (head.analysis.links.get(r) ?? base.analysis.links.get(r))?.blastRadius ?? []) if (!own.has(x)) reach.add(x);
    impact.push({ kind, id: c.id, consumers, transitive: [...reach].sort() });
    for (const model of [base, head]) {
      if (kind === 'integration') {
        const i = model.integrations.get(c.id)?.data;
        if (!i) continue;
        tellTeam(i.owner, `${what}: owner`);
        tellTeam(teamOf(i.provider), `${what}: provider ${i.provider}`);
        for (const role of ['primary', 'secondary', 'escalation'] as const) {
          const contact = i.contacts?.[role];
          if (contact) tell(`contact:${contact}`, () => ({ contact, because: [] }), `${what}: ${role} contact`);
        }
      } else if (kind === 'event') {
        for (const p of model.events.get(c.id)?.data.producers ?? []) tellTeam(teamOf(p), `${what}: producer ${p}`);
      } else {
        const r = model.resources.get(c.id)?.data;
        if (!r) continue;
        tellTeam(r.team ?? teamOf(r.owner), `${what}: owner ${r.owner}`);
      }
    }
    for (const r of consumers) tellTeam(teamOf(r), `${what}: consumer ${r}`);
  }

  // A policy not recorded asks for no notice, as a registry without one does.
  const notice = (head.ecosystem ?? base.ecosystem)?.data.policies.deprecationNoticeMonths;
  const months = typeof notice === 'number' ? notice : 0;
  const diagnostics = sortDiagnostics(findBreaks(base, head).map((b) => judge(b, base, head, months)));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    base: labels.base,
    head: labels.head,
    checkErrors,
    summary: {
      added: changes.filter((c) => c.change === 'added').length,
      removed: changes.filter((c) => c.change === 'removed').length,
      changed: changes.filter((c) => c.change === 'changed').length,
      breaking: errors,
      allowed: diagnostics.length - errors,
    },
    changes,
    impact,
    notify: [...notify.values()]
      .map(({ entry, roles }) => ({ ...entry, because: [...roles].map(([what, r]) => `${what}: ${r.join(', ')}`) }))
      .sort((x, y) => {
        const [a, b] = ['team' in x ? `0${x.name}` : `1${x.contact}`, 'team' in y ? `0${y.name}` : `1${y.contact}`];
        return a < b ? -1 : a > b ? 1 : 0;
      }),
    diagnostics,
  };
}
