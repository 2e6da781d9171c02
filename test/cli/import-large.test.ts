// A large catalog is parsed, and its new files printed, on two threads (src/core/second-thread.ts)
// and flushed to disk at once (src/core/flush.ts): what the import writes and says, positions
// included, is what a small import of the same entities writes and says.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { parseYamlStream } from '../../src/core/source.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-import-large-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const component = (name: string, owner = 'group:team-a') =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  description: The ${name} service, described at the length a real catalog describes one.\nspec:\n  type: service\n  lifecycle: production\n  owner: ${owner}\n`;
const group = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n';
const environment = 'apiVersion: backstage.io/v1alpha1\nkind: Environment\nmetadata:\n  name: staging\nspec:\n  type: cloud\n';
const location = 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: more\nspec:\n  target: ./more/d.yaml\n';
const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => component(`${prefix}-${i}`));

/** Line and column (1-based) of the first `needle` in `text`, plus `shift` columns. */
function at(text: string, needle: string, shift = 0): string {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1 + shift}`;
}

async function importing(name: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, name, 'catalog', path, '..'), { recursive: true });
    await writeFile(join(root, name, 'catalog', path), text);
  }
  await mkdir(join(root, name, 'registry'));
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { cwd: join(root, name), env: { PLEXUS_TODAY: '2026-12-06' }, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runMain(['import', 'backstage', 'catalog', '--content', 'registry'], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('plexus import backstage on a large catalog', () => {
  it('writes every entity and puts each warning where it is in its file', async () => {
    const bDocs = many('b', 1500);
    bDocs.splice(1000, 0, component('haunted', 'group:ghost'));
    bDocs.splice(1200, 0, environment);
    const b = bDocs.join('---\n');
    const { code, out, err } = await importing('clean', {
      'a.yaml': [group, ...many('a', 1500)].join('---\n'),
      'b.yaml': b,
      'c.yaml': location,
      'more/d.yaml': many('d', 10).join('---\n'),
    });
    expect([code, err]).toEqual([0, '']);
    const lines = out.split('\n');
    expect(lines.filter((l) => / warning PLX/.test(l))).toEqual([
      `catalog/b.yaml:${at(b, 'kind: Environment', 6)} warning PLX046 "Environment" is not a kind Plexus reads.`,
      `catalog/b.yaml:${at(b, 'owner: group:ghost', 7)} warning PLX047 owner names group:default/ghost, which is not in the catalog files given or in the registry.`,
    ]);
    // 3,011 repositories and one team, read in two waves (d.yaml through the Location), and an ecosystem.yaml.
    expect(lines.find((l) => l.startsWith('Imported'))).toBe(
      'Imported 3012 catalog entities into 3013 files under registry: 3013 new, 0 updated, 0 unchanged.',
    );
    expect(lines.at(-1)).toBe('Check of the imported files: No problems in 3013 files.');
    const repositories = await readdir(join(root, 'clean', 'registry', 'repositories'));
    expect(repositories).toHaveLength(3011);
    expect(repositories).toEqual(expect.arrayContaining(['a-1499.yaml', 'b-0.yaml', 'haunted.yaml', 'd-9.yaml']));
  });

  it('reports a syntax error in one document of a large file where it is, and writes nothing', async () => {
    const bDocs = many('b', 1500);
    bDocs[700] = bDocs[700]!.replace('lifecycle: production', 'lifecycle: [production');
    const b = bDocs.join('---\n');
    const { code, out, err } = await importing('broken', { 'a.yaml': [group, ...many('a', 1500)].join('---\n'), 'b.yaml': b });
    const expected = parseYamlStream('catalog/b.yaml', b).diagnostics.map(formatDiagnostic);
    // The flow sequence left open is found where the next line starts.
    expect(expected[0]).toMatch(new RegExp(`^catalog/b.yaml:${Number(at(b, '[production').split(':')[0]) + 1}:3 error PLX001 `));
    expect([code, out, err]).toEqual([1, '', [...expected, 'Nothing written: fix the input first.'].join('\n')]);
    expect(await readdir(join(root, 'broken', 'registry'))).toEqual([]);
  });
});
