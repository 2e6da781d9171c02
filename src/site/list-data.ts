import type { Model } from '../core/model.ts';
import { INTEGRATION_TYPE } from '../render/labels.ts';
import { naturalCompare } from '../render/sort.ts';
import { namer } from '../render/views/common.ts';

/** Rows a list page shows at most; more go to further pages, so a page stays light at thousands. */
export const PAGE_SIZE = 100;

/** One integration as the list shows it and as its script filters and sorts it (short keys: the file is fetched). */
export interface IntegrationRow {
  /** id */
  i: string;
  /** title */
  t: string;
  /** provider id and name */
  p: string;
  pn: string;
  /** consumers: [id, name] pairs, or "all" for all client applications */
  c: [string, string][] | 'all';
  /** type key and label */
  y: string;
  yl: string;
  /** owning team id and name */
  o: string;
  on: string;
  /** status */
  s: string;
  /** the provider's domain and system, where recorded */
  d: string;
  sy: string;
}

/** Every integration as a list row, in natural order of title: the order of the static pages. */
export function integrationRows(model: Model): IntegrationRow[] {
  const name = namer(model);
  return [...model.integrations.values()]
    .map((e) => {
      const d = e.data;
      const provider = model.repositories.get(d.provider)?.data;
      return {
        i: e.id,
        t: d.title,
        p: d.provider,
        pn: name.repo(d.provider),
        c: d.consumers === 'all-clients' ? ('all' as const) : d.consumers.map((r) => [r, name.repo(r)] as [string, string]),
        y: d.type,
        yl: INTEGRATION_TYPE[d.type],
        o: d.owner,
        on: name.team(d.owner),
        s: d.status,
        d: provider?.domain ?? '',
        sy: provider?.system ? (model.systems.get(provider.system)?.data.name ?? provider.system) : '',
      };
    })
    .sort((a, b) => naturalCompare(a.t, b.t));
}

/** How many static pages the full list takes. */
export function pageCount(rows: number): number {
  return Math.max(1, Math.ceil(rows / PAGE_SIZE));
}
