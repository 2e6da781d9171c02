import type { Model } from '../core/model.ts';
import { INTEGRATION_TYPE, NOT_RECORDED, recorded } from '../render/labels.ts';
import { naturalCompare } from '../render/sort.ts';
import { namer } from '../render/views/common.ts';
import { label, tone } from './format.ts';
import { type ListFilter, type ListRow, type ListSpec, cellText, filterValues } from './list-data.ts';
import { pages } from './paths.ts';

/**
 * The site's big lists (integrations, repositories, events) as one kind of thing: columns,
 * filters and rows. The same component draws each as static pages and the same script filters,
 * sorts and pages it in the browser. Built once a model: every page of a list reads the same rows.
 */
const built = new WeakMap<Model, Map<string, ListSpec>>();

function once(model: Model, name: string, make: () => ListSpec): ListSpec {
  let specs = built.get(model);
  if (!specs) built.set(model, (specs = new Map()));
  let spec = specs.get(name);
  if (!spec) specs.set(name, (spec = make()));
  return spec;
}

/** A filter over `key`, its options labelled and in natural order; none when no row has a value. */
function filter(rows: ListRow[], name: string, text: string, key: string, show: (v: string) => string = (v) => v): ListFilter[] {
  const options = filterValues(rows, key)
    .map((v) => [v, show(v)] as [string, string])
    .sort((a, b) => naturalCompare(a[1], b[1]));
  return options.length === 0 ? [] : [{ name, label: text, key, options }];
}

/** A team cell: linked to its page, or, for a team that is not known (`unknown`), said in text ("team unknown"). */
function teamCell(model: Model, id: string): string | [string, string] {
  const name = namer(model);
  return name.noTeam(id) ? name.team(id) : [name.team(id), pages.team(id)];
}
const byFirst = (key: string) => (a: ListRow, b: ListRow) => naturalCompare(cellText(a[key]), cellText(b[key]));

/** Where a repository sits: its domain and its system's name, where recorded. */
function placeOf(model: Model, id: string): { domain: string; system: string } {
  const r = model.repositories.get(id)?.data;
  return { domain: r?.domain ?? '', system: r?.system ? (model.systems.get(r.system)?.data.name ?? r.system) : '' };
}

export function integrationList(model: Model): ListSpec {
  return once(model, 'integrations', () => {
    const name = namer(model);
    const rows: ListRow[] = [...model.integrations.values()]
      .map((e) => {
        const d = e.data;
        const place = placeOf(model, d.provider);
        return {
          t: [d.title, pages.integration(e.id)],
          pn: d.provider === 'unknown' ? 'provider unknown' : [name.repo(d.provider), pages.repository(d.provider)],
          c: d.consumers === 'all-clients' ? 'All client applications' : d.consumers.map((r) => [name.repo(r), pages.repository(r)] as [string, string]),
          yl: [INTEGRATION_TYPE[d.type], pages.filter('type', d.type)],
          // An owner that is not known has no page: said, not linked.
          on: teamCell(model, d.owner),
          st: [label(d.status), tone(d.status)],
          y: d.type,
          o: d.owner,
          s: d.status,
          d: place.domain,
          sy: place.system,
        } satisfies ListRow;
      })
      .sort(byFirst('t'));
    return {
      noun: ['integration', 'integrations'],
      columns: [
        { key: 't', label: 'Integration', as: 'link' },
        { key: 'pn', label: 'Provided by', as: 'link' },
        { key: 'c', label: 'Used by', as: 'links', empty: 'no registered consumers' },
        { key: 'yl', label: 'Type', as: 'link' },
        { key: 'on', label: 'Owner', as: 'link' },
        { key: 'st', label: 'Status', as: 'badge' },
      ],
      filters: [
        ...filter(rows, 'type', 'Type', 'y', (v) => INTEGRATION_TYPE[v as keyof typeof INTEGRATION_TYPE] ?? v),
        ...filter(rows, 'status', 'Status', 's', label),
        ...filter(rows, 'owner', 'Owner', 'o', name.team),
        ...filter(rows, 'domain', 'Domain', 'd'),
        ...filter(rows, 'system', 'System', 'sy'),
      ],
      rows,
      json: pages.integrationsList,
      page: pages.integrationsPage,
      textHint: 'Title, repository or team',
    };
  });
}

export function repositoryList(model: Model): ListSpec {
  return once(model, 'repositories', () => {
    const name = namer(model);
    const rows: ListRow[] = [...model.repositories.values()]
      .map((r) => {
        const d = r.data;
        const links = model.analysis.links.get(r.id);
        const place = placeOf(model, r.id);
        return {
          n: [d.name, pages.repository(r.id)],
          p: d.purpose,
          k: label(recorded(d.kind) ?? NOT_RECORDED),
          // A team that is not known has no page: said, not linked.
          tm: teamCell(model, d.team),
          pv: links?.provides.length ?? 0,
          cn: links?.consumes.length ?? 0,
          st: [label(d.status), tone(d.status)],
          kind: d.kind,
          o: d.team,
          s: d.status,
          d: place.domain,
          sy: place.system,
        } satisfies ListRow;
      })
      .sort(byFirst('n'));
    return {
      noun: ['repository', 'repositories'],
      columns: [
        { key: 'n', label: 'Repository', as: 'link' },
        { key: 'p', label: 'Purpose', as: 'text' },
        { key: 'k', label: 'Kind', as: 'text' },
        { key: 'tm', label: 'Team', as: 'link' },
        { key: 'pv', label: 'Provides', as: 'number' },
        { key: 'cn', label: 'Consumes', as: 'number' },
        { key: 'st', label: 'Status', as: 'badge' },
      ],
      filters: [
        ...filter(rows, 'kind', 'Kind', 'kind', (v) => label(recorded(v) ?? NOT_RECORDED)),
        ...filter(rows, 'status', 'Status', 's', label),
        ...filter(rows, 'owner', 'Team', 'o', name.team),
        ...filter(rows, 'domain', 'Domain', 'd'),
        ...filter(rows, 'system', 'System', 'sy'),
      ],
      rows,
      json: pages.repositoriesList,
      page: pages.repositoriesPage,
      textHint: 'Name, purpose or team',
    };
  });
}

export function eventList(model: Model): ListSpec {
  return once(model, 'events', () => {
    const name = namer(model);
    const rows: ListRow[] = [...model.events.entries()]
      .map(([id, e]) => {
        const d = e.data;
        const places = d.producers.map((p) => placeOf(model, p));
        return {
          e: [id, pages.event(id)],
          pr: d.producers.map((p) => [name.repo(p), pages.repository(p)] as [string, string]),
          cs: d.consumers.map((c) => [name.repo(c.repository), pages.repository(c.repository)] as [string, string]),
          dl: recorded(d.delivery) ?? NOT_RECORDED,
          ch: d.channel,
          o: [...new Set(d.producers.map((p) => model.repositories.get(p)?.data.team ?? ''))],
          dv: d.delivery ?? 'unknown',
          d: [...new Set(places.map((p) => p.domain))],
          sy: [...new Set(places.map((p) => p.system))],
        } satisfies ListRow;
      })
      .sort(byFirst('e'));
    return {
      noun: ['event', 'events'],
      columns: [
        { key: 'e', label: 'Event', as: 'code-link' },
        { key: 'pr', label: 'Producers', as: 'links', empty: 'none recorded' },
        { key: 'cs', label: 'Consumers', as: 'links', empty: 'none recorded' },
        { key: 'dl', label: 'Delivery', as: 'text' },
        { key: 'ch', label: 'Channel', as: 'code' },
      ],
      filters: [
        ...filter(rows, 'owner', 'Owner', 'o', name.team),
        ...filter(rows, 'delivery', 'Delivery', 'dv', (v) => label(recorded(v) ?? NOT_RECORDED)),
        ...filter(rows, 'domain', 'Domain', 'd'),
        ...filter(rows, 'system', 'System', 'sy'),
      ],
      rows,
      json: pages.eventsList,
      page: pages.eventsPage,
      textHint: 'Event, channel or repository',
    };
  });
}
