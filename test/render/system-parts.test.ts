// How a big registry's system page is split (issue 25): by domain, then a domain over 100
// integrations by its systems; the registry that fits one page is not split. A model of just the
// fields the split reads, so sizes are cheap to make.
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/core/model.ts';
import { naturalSorted } from '../../src/render/sort.ts';
import { allSystemParts, partOverview, partPages, systemParts } from '../../src/render/views/system-parts.ts';

/** `counts[system]` integrations provided by a repository of each system; systems `s<n>` in domain `d<n>`. */
function model(counts: Record<string, number>, domainOf: Record<string, string>): Model {
  const entity = <T>(id: string, data: T) => [id, { id, data }] as const;
  const integrations = Object.entries(counts).flatMap(([system, n]) =>
    Array.from({ length: n }, (_, k) =>
      entity(`${system}-i${k}`, { title: `${system} integration ${k}`, provider: `${system}-repo`, consumers: [], type: 'rest' }),
    ),
  );
  return {
    integrations: new Map(integrations),
    repositories: new Map(Object.keys(counts).map((s) => entity(`${s}-repo`, { name: `${s} repo`, system: s, team: 't', kind: 'service' }))),
    systems: new Map(Object.keys(counts).map((s) => entity(s, { name: `System ${s}`, domain: domainOf[s] }))),
    domains: new Map([...new Set(Object.values(domainOf))].map((d) => entity(d, { name: `Domain ${d}` }))),
    teams: new Map(),
    analysis: { consumersOf: new Map() },
  } as unknown as Model;
}

describe('systemParts', () => {
  it('leaves a registry of 100 integrations or fewer on one page', () => {
    expect(systemParts(model({ a: 60, b: 40 }, { a: 'x', b: 'y' }))).toEqual([]);
  });

  it('splits by domain, and a domain over 100 integrations with several systems by its systems', () => {
    const m = model({ a: 70, b: 50, c: 30 }, { a: 'x', b: 'x', c: 'y' });
    const parts = systemParts(m).map((p) => [p.slug, p.label, p.integrations.size, p.parts.map((s) => [s.slug, s.label, s.integrations.size])]);
    expect(parts).toEqual([
      [
        'domain/x',
        'Domain x',
        120,
        [
          ['system/a', 'System a', 70],
          ['system/b', 'System b', 50],
        ],
      ],
      ['domain/y', 'Domain y', 30, []],
    ]);
    expect(allSystemParts(m).map((p) => p.slug)).toEqual(['domain/x', 'system/a', 'system/b', 'domain/y']);
  });

  it('pages a part of more than 50 integrations, in natural order of title', () => {
    const m = model({ a: 120 }, { a: 'x' });
    const [part] = systemParts(m);
    expect(part!.parts).toEqual([]);
    expect(partPages(part!)).toBe(3);
    const titles = (n: number) =>
      naturalSorted(partOverview(m, part!, n).sides.flatMap((s) => s.kinds.flatMap((k) => k.integrations.map((i) => i.data.title))));
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => `a integration ${from + k}`);
    expect(titles(1)).toEqual(range(0, 50));
    expect(titles(2)).toEqual(range(50, 100));
    expect(titles(3)).toEqual(range(100, 120));
  });
});
