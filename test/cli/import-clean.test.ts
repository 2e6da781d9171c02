// An imported registry checks clean (issue 26): an import into a folder without ecosystem.yaml
// writes one from what the catalog says (a name from its one domain or system, every other fact
// `unknown`), never over a file that is there, and a deprecation that a catalog states without
// dates is a warning that says where it came from, not an error nobody here made.
import { cp, lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaComment } from '../../src/core/schema-comment.ts';
import { runIn } from './harness.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const root = await mkdtemp(join(tmpdir(), 'plexus-import-clean-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await cp(join(FIXTURES, 'backstage'), join(root, 'catalog'), { recursive: true });
await cp(join(FIXTURES, 'backstage-definitions'), join(root, 'definitions'), { recursive: true });
await cp(join(FIXTURES, 'backstage-partial'), join(root, 'partial'), { recursive: true });

const run = (...args: string[]) => runIn(root, args, { PLEXUS_TODAY: '2026-12-06' });
const read = (path: string) => readFile(join(root, path), 'utf8');
async function empty(name: string): Promise<string> {
  await mkdir(join(root, name), { recursive: true });
  return name;
}
const entity = (kind: string, name: string, spec: string) => `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}`;

describe('an imported registry checks clean', () => {
  it.each([
    ['catalog', 11],
    ['definitions', 9],
    // A component whose owner (group:default/guest) is in no file: its repository is written with team unknown.
    ['partial', 12],
  ])('import backstage %s into an empty folder, then check: exit 0, no problems', async (catalog, files) => {
    const reg = await empty(`${catalog}-reg`);
    const imported = await run('import', 'backstage', catalog, '--content', reg);
    expect([imported.code, imported.err, imported.out.split('\n').at(-1)]).toEqual([0, '', `Check of the imported files: No problems in ${files} files.`]);
    expect(await run('check', '--content', reg)).toEqual({ code: 0, out: `No problems in ${files} files.`, err: '' });
  });

  it('writes ecosystem.yaml with the name of the one domain and unknown for the rest', async () => {
    expect(await read('catalog-reg/ecosystem.yaml')).toBe(
      [
        schemaComment(join(root, 'catalog-reg/ecosystem.yaml'), 'ecosystem').trimEnd(),
        '# Written by plexus import because this registry had none: each `unknown` is a fact the import',
        '# did not have; fill it in. Imports never rewrite this file.',
        'name: commerce',
        'description: unknown',
        'currentProject: unknown',
        'referenceProject: unknown',
        'maintainedBy: unknown',
        'registryVersion: unknown',
        'lastUpdated: 2026-12-06',
        'nextReview: unknown',
        'policies:',
        '  deprecationNoticeMonths: unknown',
        '  parallelSupportMonths: unknown',
        '',
      ].join('\n'),
    );
  });

  it('exports the registry document without the unknowns as facts: no description paragraph, no reference project', async () => {
    expect((await run('export', '--md', 'catalog-md', '--content', 'catalog-reg')).code).toBe(0);
    const text = await read('catalog-md/integration-registry.md');
    expect(text.split('\n').slice(0, 5)).toEqual([
      '# Integration Registry',
      '',
      'This document maintains a comprehensive registry of all integrations, cross-repository dependencies, and architectural patterns within the commerce ecosystem.',
      '',
      '## 🎯 Purpose',
    ]);
    // The overview, which the ecosystem fills, says no `unknown` (an integration's own purpose may).
    expect(text.split('## 🔗 Active Integrations')[0]).not.toMatch(/\bunknown\b/);
  });

  it('names the ecosystem unknown when the catalog has two systems and no domain', async () => {
    await mkdir(join(root, 'two'), { recursive: true });
    await writeFile(
      join(root, 'two/catalog-info.yaml'),
      [entity('System', 'a', '  owner: t\n'), entity('System', 'b', '  owner: t\n'), entity('Group', 't', '  type: team\n')].join('---\n'),
    );
    const reg = await empty('two-reg');
    expect((await run('import', 'backstage', 'two', '--content', reg)).code).toBe(0);
    expect((await read('two-reg/ecosystem.yaml')).split('\n').find((l) => l.startsWith('name:'))).toBe('name: unknown');
    expect(await run('check', '--content', reg)).toEqual({ code: 0, out: 'No problems in 4 files.', err: '' });
  });

  it('writes team: unknown for a component that names no owner, reports it, and check exits 0', async () => {
    await mkdir(join(root, 'ownerless'), { recursive: true });
    await writeFile(join(root, 'ownerless/catalog-info.yaml'), entity('Component', 'lonely', '  type: service\n  lifecycle: production\n'));
    const reg = await empty('ownerless-reg');
    const imported = await run('import', 'backstage', 'ownerless', '--content', reg);
    expect([imported.code, imported.out.split('\n').at(-1)]).toEqual([0, 'Check of the imported files: No problems in 2 files.']);
    expect(imported.out).toContain('  Component spec.owner (1):\n    component:default/lonely: no owner: team written as unknown\n');
    expect(await read('ownerless-reg/repositories/lonely.yaml')).toMatch(/^team: unknown$/m);
  });

  it('never writes over an ecosystem.yaml that is there, broken or a link', async () => {
    const broken = await empty('broken-reg');
    await writeFile(join(root, broken, 'ecosystem.yaml'), 'name: [\n');
    expect((await run('import', 'backstage', 'catalog', '--content', broken)).out.split('\n')[0]).toBe(
      'Imported 9 catalog entities into 10 files under broken-reg: 10 new, 0 updated, 0 unchanged.',
    );
    expect(await read('broken-reg/ecosystem.yaml')).toBe('name: [\n');
    const linked = await empty('linked-reg');
    await symlink(join(root, 'nowhere.yaml'), join(root, linked, 'ecosystem.yaml'));
    expect((await run('import', 'backstage', 'catalog', '--content', linked)).code).toBe(0);
    expect((await lstat(join(root, linked, 'ecosystem.yaml'))).isSymbolicLink()).toBe(true);
    await expect(lstat(join(root, 'nowhere.yaml'))).rejects.toThrow(/ENOENT/);
  });

  it('a deprecated API from a catalog is a warning that names the catalog, and check exits 0', async () => {
    await mkdir(join(root, 'old'), { recursive: true });
    await writeFile(
      join(root, 'old/catalog-info.yaml'),
      [
        entity('Group', 'team', '  type: team\n'),
        entity('Component', 'shop', '  type: service\n  lifecycle: production\n  owner: team\n  providesApis: [shop-api]\n'),
        entity('API', 'shop-api', '  type: openapi\n  lifecycle: deprecated\n  owner: team\n'),
      ].join('---\n'),
    );
    const reg = await empty('old-reg');
    expect((await run('import', 'backstage', 'old', '--content', reg)).code).toBe(0);
    const warning = [
      'old-reg/integrations/shop-api.yaml:9:9 warning PLX032 Integration "shop-api" is deprecated, as ../old/catalog-info.yaml says, but nothing says when or how it goes.',
      '  hint: Ask its owners, then add lifecycle.deprecation with announced, sunset and migration; until then this is a warning, since the import could not know them (an error once a person writes the status: remove status from imported.fields).',
    ];
    expect(await run('check', '--content', reg)).toEqual({ code: 0, out: [...warning, '0 errors, 1 warning in 4 files.'].join('\n'), err: '' });
    // Taken over by hand, the same gap is the person's: an error again.
    const file = join(root, reg, 'integrations/shop-api.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n {4}- status$/m, ''));
    const after = await run('check', '--content', reg);
    expect([after.code, after.out.split('\n')[0]]).toEqual([
      1,
      'old-reg/integrations/shop-api.yaml:9:9 error PLX032 Integration "shop-api" is deprecated but says nothing of its deprecation.',
    ]);
  });
});
