import { blastRadii } from './blast-radius.ts';
import { diagnostic } from './codes.ts';
import { addDays, addMonths, monthsBetween } from './dates.ts';
import type { Diagnostic } from './diagnostics.ts';
import { mermaidConfigProblems } from './mermaid-config.ts';
import type { Analysis, Entity, Registry, RepositoryLinks } from './model.ts';
import { ALL_CLIENTS, type Docset, importRecords, type Integration, PHASES_BY_STATUS, UNKNOWN } from './schemas/index.ts';
import { requiredFields } from './quality.ts';
import { resolveWikiTarget, wikiTargets } from './wiki.ts';

/** Repository kinds that count as client applications when an integration goes to "all-clients". */
const CLIENT_KINDS = new Set(['frontend', 'monorepo']);

const REVIEW_PERIOD: Record<Docset['frequency'], ((date: string) => string) | undefined> = {
  weekly: (d) => addDays(d, 7),
  monthly: (d) => addMonths(d, 1),
  quarterly: (d) => addMonths(d, 3),
  yearly: (d) => addMonths(d, 12),
  'as-needed': undefined,
  unknown: undefined,
};

function sortedUnique(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}

/** Upstream/downstream, blast radius and event roles of each repository. */
function deriveLinks(registry: Registry, consumersOf: Map<string, string[]>): Map<string, RepositoryLinks> {
  const links = new Map<string, RepositoryLinks>();
  const get = (id: string) => {
    let l = links.get(id);
    if (!l) links.set(id, (l = { provides: [], consumes: [], upstream: [], downstream: [], blastRadius: [], produces: [], consumesEvents: [] }));
    return l;
  };
  for (const id of registry.repositories.keys()) get(id);
  for (const [id, integration] of registry.integrations) {
    const { provider: from, direction } = integration.data;
    // Provider unknown: its consumers use it, and no repository is upstream of them through it.
    if (from === UNKNOWN) {
      for (const consumer of consumersOf.get(id)!) get(consumer).consumes.push(id);
      continue;
    }
    const provider = get(from);
    provider.provides.push(id);
    for (const consumer of consumersOf.get(id)!) {
      const c = get(consumer);
      c.consumes.push(id);
      c.upstream.push(from);
      provider.downstream.push(consumer);
      if (direction === 'both-ways') {
        provider.upstream.push(consumer);
        c.downstream.push(from);
      }
    }
  }
  for (const [id, event] of registry.events) {
    for (const p of event.data.producers) get(p).produces.push(id);
    for (const c of event.data.consumers) get(c.repository).consumesEvents.push(id);
  }
  for (const l of links.values()) {
    l.upstream = sortedUnique(l.upstream);
    l.downstream = sortedUnique(l.downstream);
    l.produces = sortedUnique(l.produces);
    l.consumesEvents = sortedUnique(l.consumesEvents);
  }
  // Worked out for all when one is first read (a page, a diff): a check reads none, and at 2,000
  // repositories they were a third of a second of every check and import.
  let radii: Map<string, string[]> | undefined;
  for (const [id, l] of links)
    Object.defineProperty(l, 'blastRadius', { get: () => (radii ??= blastRadii(links)).get(id) ?? [], enumerable: true, configurable: true });
  return links;
}

/** Events carried by integrations must agree with the producers and consumers the events declare. */
function checkEvents(registry: Registry, consumersOf: Map<string, string[]>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Where a reference dangles, agreement cannot be judged; the dangling reference is the one report.
  const repoKnown = (id: string) => registry.repositories.has(id) || registry.invalid.has(`repositories/${id}`);
  const uncertainEvents = new Set(
    [...registry.events].filter(([, e]) => !e.data.producers.every(repoKnown) || !e.data.consumers.every((c) => repoKnown(c.repository))).map(([id]) => id),
  );
  const uncertain = new Set(
    [...registry.integrations]
      .filter(
        ([
          ,
          {
            data: { provider: from, consumers: to, events },
          },
        ]) => !repoKnown(from) || (to !== ALL_CLIENTS && !to.every(repoKnown)) || !(events ?? []).every((e) => registry.events.has(e)),
      )
      .map(([id]) => id),
  );
  const carriedFrom = new Map<string, Set<string>>();
  const carriedTo = new Map<string, Set<string>>();
  for (const [id, integration] of registry.integrations) {
    if (uncertain.has(id)) continue;
    integration.data.events?.forEach((eventId, i) => {
      const event = registry.events.get(eventId);
      if (!event || uncertainEvents.has(eventId)) return; // a dangling reference was reported instead
      const { provider: from } = integration.data;
      (carriedFrom.get(eventId) ?? carriedFrom.set(eventId, new Set()).get(eventId)!).add(from);
      const to = carriedTo.get(eventId) ?? carriedTo.set(eventId, new Set()).get(eventId)!;
      for (const c of consumersOf.get(id)!) to.add(c);
      if (!event.data.producers.includes(from)) {
        diagnostics.push(
          diagnostic('EventMismatch', integration.file, integration.locate(['events', i]), {
            integration: id,
            event: eventId,
            from,
            eventFile: event.file,
            notProducer: true,
          }),
        );
      }
      if (integration.data.consumers === ALL_CLIENTS) return;
      const declared = new Set(event.data.consumers.map((c) => c.repository));
      for (const c of integration.data.consumers.filter((t) => !declared.has(t))) {
        diagnostics.push(
          diagnostic('EventMismatch', integration.file, integration.locate(['events', i]), {
            integration: id,
            event: eventId,
            to: c,
            eventFile: event.file,
            notConsumer: true,
          }),
        );
      }
    });
  }
  // An integration that failed validation may carry any event: judge events only on a whole picture.
  if (uncertain.size > 0 || [...registry.invalid].some((k) => k.startsWith('integrations/'))) return diagnostics;
  for (const [id, event] of registry.events) {
    if (uncertainEvents.has(id)) continue;
    const from = carriedFrom.get(id);
    if (!from) {
      // An event nobody is said to receive needs no integration yet (a new one, one whose listeners are not known).
      if (event.data.consumers.length > 0) diagnostics.push(diagnostic('UnusedEvent', event.file, event.locate([], 'key'), { event: id }));
      continue;
    }
    event.data.producers.forEach((p, i) => {
      if (!from.has(p) && registry.repositories.has(p)) {
        diagnostics.push(diagnostic('EventMismatch', event.file, event.locate(['producers', i, 'repository']), { producer: p, event: id }));
      }
    });
    const to = carriedTo.get(id)!;
    event.data.consumers.forEach((c, i) => {
      if (!to.has(c.repository) && registry.repositories.has(c.repository)) {
        diagnostics.push(diagnostic('EventMismatch', event.file, event.locate(['consumers', i, 'repository']), { consumer: c.repository, event: id }));
      }
    });
  }
  return diagnostics;
}

/** Types where a consumer sends the request and the provider answers it. */
const REQUEST_RESPONSE = new Set(['rest', 'graphql', 'grpc']);

/**
 * Interaction steps must agree with the roles: for a request/response type a request goes from
 * a consumer to the provider, and the provider only answers. A step that has the provider send a
 * request to a consumer means the roles (or the steps) are the wrong way round.
 */
function stepsAgainstRoles(id: string, integration: Entity<Integration>, consumers: string[]): Diagnostic[] {
  const { provider, type, direction, steps } = integration.data;
  if (!REQUEST_RESPONSE.has(type) || direction === 'both-ways' || !steps) return [];
  const out: Diagnostic[] = [];
  steps.forEach((step, i) => {
    if (step.reply || step.from !== provider || !consumers.includes(step.to)) return;
    out.push(
      diagnostic('RoleContradiction', integration.file, integration.locate(['steps', i, 'from']), {
        integration: id,
        provider,
        consumer: step.to,
        step: i + 1,
        type,
      }),
    );
  });
  return out;
}

/** Derives the links between entities and checks what only the whole registry can show. */
export function analyse(registry: Registry, today: string): { analysis: Analysis; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const clients = [...registry.repositories.values()].filter((r) => CLIENT_KINDS.has(r.data.kind)).map((r) => r.id);
  const consumersOf = new Map<string, string[]>();
  for (const [id, integration] of registry.integrations) {
    const { provider: from, consumers: to } = integration.data;
    const consumers = to === ALL_CLIENTS ? clients.filter((c) => c !== from) : to.filter((t) => registry.repositories.has(t));
    consumersOf.set(id, [...new Set(consumers)]);
    if (to !== ALL_CLIENTS) {
      const self = to.indexOf(from);
      if (self >= 0) {
        diagnostics.push(diagnostic('SelfIntegration', integration.file, integration.locate(['consumers', self]), { integration: id, repository: from }));
      }
      to.forEach((c, i) => {
        if (to.indexOf(c) < i)
          diagnostics.push(diagnostic('RoleContradiction', integration.file, integration.locate(['consumers', i]), { integration: id, twice: c }));
      });
    }
    diagnostics.push(...stepsAgainstRoles(id, integration, consumers));
  }
  diagnostics.push(...checkEvents(registry, consumersOf));
  diagnostics.push(...requiredFields(registry));

  const overdueReviews: Analysis['overdueReviews'] = [];
  const eco = registry.ecosystem;
  if (eco && eco.data.nextReview !== UNKNOWN && eco.data.nextReview < today) {
    overdueReviews.push({ kind: 'ecosystem', id: 'ecosystem', name: `${eco.data.name} registry`, due: eco.data.nextReview });
    diagnostics.push(diagnostic('OverdueReview', eco.file, eco.locate(['nextReview']), { registryDue: eco.data.nextReview }));
  }
  for (const [id, docset] of registry.docsets) {
    const { frequency, lastReview } = docset.data;
    const due = lastReview === UNKNOWN ? undefined : REVIEW_PERIOD[frequency]?.(lastReview);
    if (due !== undefined && due < today) {
      overdueReviews.push({ kind: 'docset', id, name: docset.data.name, due });
      diagnostics.push(
        diagnostic('OverdueReview', docset.file, docset.locate(['lastReview']), {
          docset: docset.data.name,
          frequency,
          lastReview: lastReview as string,
          due,
        }),
      );
    }
  }

  const deprecations: Analysis['deprecations'] = [];
  const policy = eco?.data.policies;
  for (const [id, integration] of registry.integrations) {
    const { status, lifecycle, title } = integration.data;
    const fits = (PHASES_BY_STATUS as Partial<Record<string, readonly string[]>>)[status];
    if (lifecycle && fits && !fits.includes(lifecycle.phase)) {
      diagnostics.push(
        diagnostic('LifecycleMismatch', integration.file, integration.locate(['lifecycle', 'phase']), { status, phase: lifecycle.phase, fits: [...fits] }),
      );
    }
    const deprecation = lifecycle?.deprecation;
    if (status === 'deprecated' && !deprecation) {
      // A status an import owns came from a source that said deprecated and nothing more: a warning.
      const source = importRecords(integration.data.imported).find((r) => r.fields.includes('status'))?.source;
      diagnostics.push(
        diagnostic(
          'DeprecationMissing',
          integration.file,
          integration.locate(['status']),
          source === undefined ? { integration: id } : { integration: id, importedFrom: source },
        ),
      );
    }
    if (!deprecation) continue;
    if (status !== 'retired') deprecations.push({ id, title, ...deprecation });
    const { announced, sunset } = deprecation;
    if (sunset < announced) {
      diagnostics.push(diagnostic('DateOrder', integration.file, integration.locate(['lifecycle', 'deprecation', 'sunset']), { sunset, announced }));
      continue;
    }
    const notice = policy?.deprecationNoticeMonths;
    if (typeof notice === 'number' && monthsBetween(announced, sunset) < notice) {
      diagnostics.push(
        diagnostic('ShortDeprecationNotice', integration.file, integration.locate(['lifecycle', 'deprecation', 'sunset']), {
          sunset,
          months: monthsBetween(announced, sunset),
          announced,
          policy: notice,
          earliest: addMonths(announced, notice),
        }),
      );
    }
    if (sunset < today && status !== 'retired') {
      diagnostics.push(diagnostic('SunsetPassed', integration.file, integration.locate(['status']), { integration: id, sunset, status }));
    }
  }
  for (const doc of registry.documents.values()) {
    for (const link of wikiTargets(doc.body)) {
      if (resolveWikiTarget(registry, link.target)) continue;
      diagnostics.push(diagnostic('UnknownWikiLink', doc.file, { line: doc.bodyLine + link.line - 1, col: link.col }, { target: link.target }));
    }
    // The site draws a mermaid block without what of its configuration or statements could style, load, link or run: say so here.
    for (const r of mermaidConfigProblems(doc.body)) {
      const { what, problem, outcome, body } = r;
      diagnostics.push(diagnostic('UnsafeMermaidConfig', doc.file, { line: doc.bodyLine + r.line - 1, col: r.col }, { what, problem, outcome, body }));
    }
  }
  deprecations.sort((a, b) => (a.sunset < b.sunset ? -1 : a.sunset > b.sunset ? 1 : 0));

  return { analysis: { links: deriveLinks(registry, consumersOf), consumersOf, overdueReviews, deprecations }, diagnostics };
}
