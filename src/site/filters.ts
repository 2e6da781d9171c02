import type { Model } from '../core/model.ts';
import { naturalCompare } from '../render/sort.ts';
import { pageCount } from './list-data.ts';

/** Each filter value that has integrations, with its count, most used first. */
export function integrationFilters(model: Model): Record<'type' | 'status' | 'team', [string, number][]> {
  const count = (key: (i: Model['integrations'] extends Map<string, infer E> ? E : never) => string) => {
    const counts = new Map<string, number>();
    for (const i of model.integrations.values()) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || naturalCompare(a[0], b[0]));
  };
  return { type: count((i) => i.data.type), status: count((i) => i.data.status), team: count((i) => i.data.owner) };
}

/** The list filter a filter page holds fixed: a team page fixes the owner. */
export const FILTER_NAME = { type: 'type', status: 'status', team: 'owner' } as const;

/** Every static filter page, `n` from 1: each filter value's integrations, PAGE_SIZE a page. */
export function filterPages(model: Model): { by: 'type' | 'status' | 'team'; value: string; n: number }[] {
  const groups = integrationFilters(model);
  return (['type', 'status', 'team'] as const).flatMap((by) =>
    groups[by].flatMap(([value, count]) => Array.from({ length: pageCount(count) }, (_, k) => ({ by, value, n: k + 1 }))),
  );
}
