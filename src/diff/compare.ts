// Two states of a registry compared: every entity added, removed or changed (the fields, old →
// new), whom each change reaches (the consumers, then everything downstream of them, as the blast
// radius computes it), whom to notify, and the changes that break consumers against the
// registry's own policy (policies.deprecationNoticeMonths). Pure: both models are built already.
import { diagnostic } from '../core/codes.ts';
import { addMonths } from '../core/dates.ts';
import { sortDiagnostics, type Diagnostic, type Position } from '../core/diagnostics.ts';
import type { Entity, Model } from '../core/model.ts';
import type { Contacts, Integration } from '../core/schemas/index.ts';
import type { AsyncApiSpec, OpenApiSpec, Schema, Spec } from '../specs/read.ts';
import { messageMatches, specLink } from '../specs/link.ts';
import { equal, type FieldChange, fieldChanges, type Plain } from './fields.ts';
import { asyncApiBreaks, openApiBreaks } from './spec-diff.ts';

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

type AnyEntity = Entity<unknown> & { body?: string };

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

const sortedUnique = (xs: Iterable<string>) => [...new Set(xs)].sort();

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

/** How many whole months of notice a deprecation gives, and whether that meets the policy. */
function deprecationAllows(integration: Integration | undefined, months: number, today: string): { allowed?: string; because?: string } {
  const dep = integration?.lifecycle?.deprecation;
  if (!dep) return {};
  const earliest = addMonths(dep.announced, months);
  if (dep.sunset < earliest)
    return {
      because: `its deprecation (announced ${dep.announced}, sunset ${dep.sunset}) gives less than ${months} months' notice: the sunset could be ${earliest} at the earliest`,
    };
  if (dep.sunset > today) return { because: `its deprecation's sunset, ${dep.sunset}, has not passed (today is ${today})` };
  return { allowed: `deprecation (announced ${dep.announced}, sunset ${dep.sunset}, passed)` };
}

const major = (v: string | undefined) => (v && /^\d+\./.test(v) ? Number(v.split('.')[0]) : undefined);

interface Break {
  change: string;
  consumers: string[];
  /** The integrations whose deprecation or version could allow the change. */
  through: string[];
  file: string;
  at: Position;
  /** An end, not a change (a removal or a retirement): a new major version does not allow it, only a deprecation. */
  end?: true;
}

const START = { line: 1, col: 1 };

/** The path under the registry a spec link names, or undefined for a URL. */
function specLinkPath(link: string | undefined): string | undefined {
  if (link === undefined) return undefined;
  const target = specLink(link);
  return 'path' in target ? target.path : undefined;
}

/** The spec a registry link names, as this side read it (URLs are not read). */
function specAt(model: Model, link: string | undefined) {
  if (link === undefined) return undefined;
  const target = specLink(link);
  return 'path' in target ? model.specs.get(target.path) : undefined;
}

/** Where `path` is written in an entity, or its first line. */
function locate(e: AnyEntity | undefined, path: (string | number)[]): Position {
  try {
    return e ? e.locate(path, 'key') : START;
  } catch {
    return START;
  }
}

/** Changes that break what consumers use, found between the two models. */
function findBreaks(base: Model, head: Model): Break[] {
  const found: Break[] = [];
  /** The consumers a removed integration leaves stranded: not those that consume its replacement in the head (they have moved). */
  const stranded = (data: Integration, consumers: string[]) => {
    const replacement = data.lifecycle?.deprecation?.replacement;
    const moved = new Set(replacement ? (head.analysis.consumersOf.get(replacement) ?? []) : []);
    return consumers.filter((c) => !moved.has(c));
  };
  // Integrations: removed, retired, or changed in how consumers reach them.
  for (const [id, before] of base.integrations) {
    const after = head.integrations.get(id);
    if (!after) {
      if (head.invalid.has(`integration/${id}`)) continue;
      const consumers = stranded(before.data, base.analysis.consumersOf.get(id) ?? []);
      if (consumers.length > 0) found.push({ change: `Removing integration ${id}`, consumers, through: [id], file: before.file, at: START, end: true });
      continue;
    }
    const consumers = head.analysis.consumersOf.get(id) ?? [];
    if (consumers.length === 0) continue;
    const add = (change: string, path: (string | number)[]) => found.push({ change, consumers, through: [id], file: after.file, at: locate(after, path) });
    const [a, b] = [before.data, after.data];
    // Retired while the head still lists consumers: they still use it, whatever else they consume.
    if (b.status === 'retired' && a.status !== 'retired')
      found.push({ change: `Retiring integration ${id}`, consumers, through: [id], file: after.file, at: locate(after, ['status']), end: true });
    for (const field of ['provider', 'type', 'protocol', 'auth', 'format'] as const) {
      if (a[field] !== undefined && a[field] !== b[field])
        add(`Changing the ${field} of integration ${id} from ${String(a[field])} to ${String(b[field] ?? '(none)')}`, [field]);
    }
    if (a.connection?.endpoint && a.connection.endpoint !== b.connection?.endpoint)
      add(`Changing the endpoint of integration ${id} from ${a.connection.endpoint} to ${b.connection?.endpoint ?? '(none)'}`, ['connection']);
    const [specBefore, specAfter] = [specAt(base, a.spec), specAt(head, b.spec)];
    const specBreaks =
      specBefore?.kind === 'openapi' && specAfter?.kind === 'openapi' ? openApiBreaks(specBefore as OpenApiSpec, specAfter as OpenApiSpec) : [];
    // An operation removed from the spec and from the list of operations is one break, said once (of the spec).
    const gone = new Set(specBreaks.filter((x) => x.what === 'was removed').map((x) => x.target));
    const kept = new Set((b.operations ?? []).map((o) => `${o.method} ${o.path}`));
    for (const o of a.operations ?? []) {
      const key = `${o.method} ${o.path}`;
      if (!kept.has(key) && !gone.has(key)) add(`Removing operation ${key} from integration ${id}`, ['operations']);
    }
    for (const x of specBreaks)
      add(
        x.what === 'was removed'
          ? `Removing operation ${x.target} from ${b.spec} (integration ${id})`
          : `In ${b.spec} (integration ${id}), ${x.target}: ${x.what}`,
        ['spec'],
      );
  }
  // Events: removed (or renamed), or their payload changed under their consumers.
  const carriers = (model: Model, event: string) => [...model.integrations].filter(([, i]) => i.data.events?.includes(event)).map(([id]) => id);
  for (const [id, before] of base.events) {
    const after = head.events.get(id);
    if (!after) {
      if (head.invalid.has(`event/${id}`)) continue;
      const consumers = before.data.consumers.map((c) => c.repository);
      if (consumers.length === 0) continue;
      const renamed = [...head.events].find(
        ([other, e]) => !base.events.has(other) && (e.data.channel === before.data.channel || equal(e.data.payload, before.data.payload)),
      )?.[0];
      found.push({
        change: renamed ? `Renaming event ${id} to ${renamed}` : `Removing event ${id}`,
        consumers,
        through: sortedUnique([...carriers(base, id), ...carriers(head, renamed ?? id)]),
        file: before.file,
        at: START,
      });
      continue;
    }
    const consumers = after.data.consumers.map((c) => c.repository);
    if (consumers.length === 0) continue;
    const through = sortedUnique([...carriers(base, id), ...carriers(head, id)]);
    const add = (change: string, path: (string | number)[]) => found.push({ change, consumers, through, file: after.file, at: locate(after, path) });
    for (const [field, type] of Object.entries(before.data.payload)) {
      const now = after.data.payload[field];
      if (now === undefined) add(`Removing payload field ${field} from event ${id}`, ['payload']);
      else if (now !== type) add(`Changing payload field ${field} of event ${id} from ${type} to ${now}`, ['payload', field]);
    }
    if (before.data.channel !== after.data.channel) add(`Moving event ${id} from ${before.data.channel} to ${after.data.channel}`, ['channel']);
    const [specBefore, specAfter] = [specAt(base, before.data.spec), specAt(head, after.data.spec)];
    if (specBefore?.kind === 'asyncapi' && specAfter?.kind === 'asyncapi') {
      for (const x of asyncApiBreaks(specBefore as AsyncApiSpec, specAfter as AsyncApiSpec, (name) => messageMatches(id, before.data.message, name))) {
        add(
          x.what === 'was removed'
            ? `Removing message ${x.target} from ${after.data.spec} (event ${id})`
            : `In ${after.data.spec}, message ${x.target}: ${x.what}`,
          ['spec'],
        );
      }
    }
  }
  return found;
}

/** The diagnostic for one break: an error, or a warning when a carrying integration's deprecation or new major version allows it. */
function judge(b: Break, base: Model, head: Model, months: number): Diagnostic {
  const consumers = sortedUnique(b.consumers);
  const reasons: string[] = [];
  for (const id of b.through) {
    const after = head.integrations.get(id)?.data;
    const before = base.integrations.get(id)?.data;
    const dep = deprecationAllows(after ?? before, months, head.today);
    if (dep.allowed) return diagnostic('BreakingChangeAllowed', b.file, b.at, { change: b.change, consumers, allowed: `${id}'s ${dep.allowed}` });
    const [from, to] = [major(before?.version), major(after?.version)];
    if (!b.end && from !== undefined && to !== undefined && to > from)
      return diagnostic('BreakingChangeAllowed', b.file, b.at, {
        change: b.change,
        consumers,
        allowed: `${id}'s new major version (${before!.version} → ${after!.version})`,
      });
    if (dep.because) reasons.push(b.through.length > 1 ? `${id}: ${dep.because}` : dep.because);
  }
  return diagnostic('BreakingChange', b.file, b.at, {
    change: b.change,
    consumers,
    months,
    because: reasons.length > 0 ? reasons.join('; ') : undefined,
    comply: howToComply(b, base, head, months, consumers),
  });
}

/** What would make a break allowed: wait for the sunset, announce one, or raise the major version. */
function howToComply(b: Break, base: Model, head: Model, months: number, consumers: string[]): string {
  const id = b.through[0];
  const who = consumers.length === 1 ? `${consumers[0]} has` : `${consumers.slice(0, -1).join(', ')} and ${consumers[consumers.length - 1]} have`;
  if (id === undefined) return `Keep it until ${who} moved, then make the change.`;
  const data = (head.integrations.get(id) ?? base.integrations.get(id))!.data;
  const from = major(data.version);
  const raise = b.end ? '' : from !== undefined ? `, or raise its version to ${from + 1}.0.0` : ', or give it a version and raise its major';
  const dep = data.lifecycle?.deprecation;
  if (dep) {
    const earliest = addMonths(dep.announced, months);
    return `Keep it until the sunset of ${id}'s deprecation${dep.sunset < earliest ? `, moved to ${earliest} or later,` : ` (${dep.sunset})`} has passed, then make the change${raise}; meanwhile ${who.replace(/ ha(s|ve)$/, '')} must migrate.`;
  }
  return `Keep it for now and give ${id} a lifecycle.deprecation (announced, a sunset at least ${months} months later, migration); make the change once the sunset has passed${raise}.`;
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
