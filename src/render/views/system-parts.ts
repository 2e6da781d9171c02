import type { Model } from '../../core/model.ts';
import { areaOf } from '../../diagrams/areas.ts';
import { naturalCompare } from '../sort.ts';
import { systemOverview } from './system.ts';

/** Integrations one system page holds at most before it is split: by domain, then by system. */
export const SPLIT_AT = 100;
/** Integrations a part's page holds; a part with more (a big domain without systems) has numbered pages. */
export const PART_PAGE = 50;

/** A part of the system integrations page: a domain (or the area the landscape draws) or a system in it. */
export interface SystemPart {
  /** Its place in the address: `domain/commerce`, `system/payments`, `team/team-1`, `none/-`. */
  slug: string;
  kind: 'domain' | 'system' | 'team' | 'none';
  label: string;
  /** The integrations it holds: those its repositories provide. */
  integrations: Set<string>;
  /** Its systems, when it holds more than SPLIT_AT integrations across more than one. */
  parts: SystemPart[];
}

const slugOf = (key: string) => {
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  return kind === 'system' && id === '-' ? 'none/-' : `${kind}/${id}`;
};

/**
 * The parts a big registry's system page is split into, as the landscape groups it: each domain
 * (the parent of a system, else a domain word, else a team), and a domain still over SPLIT_AT
 * split by its systems. None when the registry fits one page.
 */
export function systemParts(model: Model): SystemPart[] {
  if (model.integrations.size <= SPLIT_AT) return [];
  const parts = new Map<string, SystemPart & { systems: Map<string, SystemPart> }>();
  for (const i of model.integrations.values()) {
    const area = areaOf(model, i.data.provider);
    const top = area.parent ?? area;
    const slug = slugOf(top.key);
    let part = parts.get(slug);
    if (!part) {
      const kind = slug.startsWith('none/') ? 'none' : (top.kind as SystemPart['kind']);
      part = { slug, kind, label: kind === 'none' ? 'No system recorded' : top.label, integrations: new Set(), parts: [], systems: new Map() };
      parts.set(slug, part);
    }
    part.integrations.add(i.id);
    if (area.parent) {
      const s = slugOf(area.key);
      const sub = part.systems.get(s) ?? part.systems.set(s, { slug: s, kind: 'system', label: area.label, integrations: new Set(), parts: [] }).get(s)!;
      sub.integrations.add(i.id);
    }
  }
  const byLabel = (a: SystemPart, b: SystemPart) => (a.kind === 'none' ? 1 : b.kind === 'none' ? -1 : naturalCompare(a.label, b.label));
  return [...parts.values()]
    .map(({ systems, ...part }) => ({ ...part, parts: part.integrations.size > SPLIT_AT && systems.size > 1 ? [...systems.values()].sort(byLabel) : [] }))
    .sort(byLabel);
}

/** Every part with a page of its own, domains and their systems. */
export function allSystemParts(model: Model): SystemPart[] {
  return systemParts(model).flatMap((p) => [p, ...p.parts]);
}

/** How many pages a part's integrations take. */
export const partPages = (part: SystemPart) => Math.max(1, Math.ceil(part.integrations.size / PART_PAGE));

/**
 * The system page's view of page `n` of one part: the same view, over that page's integrations
 * (PART_PAGE of the part's, in natural order of title).
 */
export function partOverview(model: Model, part: SystemPart, n = 1): ReturnType<typeof systemOverview> {
  const ids = [...part.integrations].sort((a, b) => naturalCompare(model.integrations.get(a)!.data.title, model.integrations.get(b)!.data.title));
  const shown = new Set(ids.slice((n - 1) * PART_PAGE, n * PART_PAGE));
  return systemOverview({ ...model, integrations: new Map([...model.integrations].filter(([id]) => shown.has(id))) });
}
