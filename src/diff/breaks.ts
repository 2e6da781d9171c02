// The changes between two registries that break consumers, judged against the registry's own
// deprecation policy (policies.deprecationNoticeMonths): an operation, message or event removed or
// renamed, a major version raised, a field consumers read taken away. compare.ts reports them.
import { diagnostic } from '../core/codes.ts';
import { addMonths } from '../core/dates.ts';
import type { Diagnostic, Position } from '../core/diagnostics.ts';
import type { Model } from '../core/model.ts';
import type { Integration } from '../core/schemas/index.ts';
import type { AsyncApiSpec, OpenApiSpec } from '../specs/read.ts';
import { messageMatches, specLink } from '../specs/link.ts';
import { equal } from './fields.ts';
import { asyncApiBreaks, openApiBreaks } from './spec-diff.ts';
import type { AnyEntity } from './compare.ts';

export const sortedUnique = (xs: Iterable<string>) => [...new Set(xs)].sort();

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
export function specLinkPath(link: string | undefined): string | undefined {
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
export function locate(e: AnyEntity | undefined, path: (string | number)[]): Position {
  try {
    return e ? e.locate(path, 'key') : START;
  } catch {
    return START;
  }
}

/** Changes that break what consumers use, found between the two models. */
export function findBreaks(base: Model, head: Model): Break[] {
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
export function judge(b: Break, base: Model, head: Model, months: number): Diagnostic {
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
