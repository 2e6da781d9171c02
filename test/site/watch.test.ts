import { describe, expect, it } from 'vitest';
import { watchIgnored } from '../../src/site/watch.ts';

describe('the dev server watches Plexus’s sources and the registry, nothing else of its folder', () => {
  const ignored = watchIgnored('/p', '/p/.bench/dev-registry-1000');
  const cases: [string, boolean][] = [
    ['/p', false],
    ['/p/src', false],
    ['/p/src/pages/index.astro', false],
    ['/p/public/site.css', false],
    ['/p/templates/repository.md.hbs', false],
    ['/p/astro.config.mjs', false],
    ['/p/package.json', false],
    ['/p/.env.local', false],
    // On the way to the registry, and the registry itself.
    ['/p/.bench', false],
    ['/p/.bench/dev-registry-1000', false],
    ['/p/.bench/dev-registry-1000/repositories/repo-1.yaml', false],
    // Everything else under Plexus's folder.
    ['/p/.bench/dist-1000', true],
    ['/p/.bench/dev-registry-10', true],
    ['/p/.cache', true],
    ['/p/.cache/plexus/diagrams/0a1b.svg', true],
    ['/p/test/site/watch.test.ts', true],
    ['/p/README.md', true],
    ['/p/src-old/x.ts', true],
    // Outside Plexus's folder: not its business.
    ['/elsewhere/content/team.yaml', false],
    ['/pp/x', false],
  ];
  it.each(cases)('%s ignored: %s', (path, expected) => {
    expect(ignored(path)).toBe(expected);
  });

  it('takes paths relative to Plexus’s folder too', () => {
    expect(ignored('.cache/plexus')).toBe(true);
    expect(ignored('src/site/data.ts')).toBe(false);
  });

  it('watches everything when the registry is Plexus’s folder itself', () => {
    expect(watchIgnored('/p', '/p')('/p/.cache/x')).toBe(false);
  });

  it('keeps a registry that lies outside Plexus’s folder untouched and ignores the rest as usual', () => {
    const outside = watchIgnored('/p', '/work/registry');
    expect(outside('/work/registry/team.yaml')).toBe(false);
    expect(outside('/p/content/team.yaml')).toBe(true);
    expect(outside('/p/src/site/data.ts')).toBe(false);
  });
});
