// plexus import backstage on catalogs it cannot take whole: kinds Plexus does not read and relations
// that name nothing are skipped with positioned warnings and the rest is written (--strict writes
// nothing), and the report accounts for every field of every source entity: each one either lands
// in a written file or has a "Not mapped" line.
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { Io } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const root = await mkdtemp(join(tmpdir(), 'plexus-import-report-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await cp(join(FIXTURES, 'backstage'), join(root, 'catalog'), { recursive: true });
await cp(join(FIXTURES, 'backstage-partial'), join(root, 'partial'), { recursive: true });
await cp(join(FIXTURES, 'backstage-definitions'), join(root, 'definitions'), { recursive: true });

async function run(...args: string[]) {
  const content = args[args.indexOf('--content') + 1]!;
  await mkdir(join(root, content), { recursive: true });
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { cwd: root, env: { PLEXUS_TODAY: '2026-11-24' }, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runMain(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file under `dir` (relative path → parsed YAML). */
async function written(dir: string): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.yaml')) continue;
    const path = join(e.parentPath, e.name).slice(join(root, dir).length + 1);
    found.set(path, parse(await readFile(join(e.parentPath, e.name), 'utf8')));
  }
  return found;
}

describe('plexus import backstage: partial by default', () => {
  it('skips unknown kinds and dangling relations with positioned warnings and writes the rest', async () => {
    const { code, out, err } = await run('import', 'backstage', 'partial', '--content', 'reg', '--dry-run');
    expect([code, err]).toEqual([0, '']);
    const lines = out.split('\n');
    expect(lines.filter((l) => / (warning|error) PLX/.test(l))).toEqual([
      'partial/catalog-info.yaml:52:7 warning PLX046 "Environment" is not a kind Plexus reads.',
      'partial/catalog-info.yaml:59:7 warning PLX046 "AiResource" is not a kind Plexus reads. Did you mean "Resource"?',
      'partial/catalog-info.yaml:10:10 warning PLX047 owner names group:default/guest, which is not in the catalog files given or in the registry.',
      'partial/catalog-info.yaml:28:7 warning PLX047 dependsOn names component:default/missing, which is not in the catalog files given or in the registry.',
    ]);
    expect(lines.find((l) => l.startsWith('Would import'))).toBe('Would import 10 catalog entities into 12 files under reg: 12 new, 0 updated, 0 unchanged.');
    expect(out).toContain(['  AiResource kind (1):', '    airesource:default/review-rule: Plexus reads no AiResource entities: not imported'].join('\n'));
    expect(out).toContain(
      [
        '  Component spec.dependsOn[] (1):',
        '    component:default/cart spec.dependsOn[1]: names component:default/missing (partial/catalog-info.yaml:28:7), which is not in the catalog or the registry: not written',
        '  Component spec.owner (1):',
        '    component:default/shop: names group:default/guest (partial/catalog-info.yaml:10:10), which is not in the catalog or the registry: team written as unknown',
        '  Environment kind (1):',
        '    environment:default/dev: Plexus reads no Environment entities: not imported',
      ].join('\n'),
    );
  });

  it('writes every mapped entity and nothing for what it skipped', async () => {
    const { code } = await run('import', 'backstage', 'partial', '--content', 'reg');
    expect(code).toBe(0);
    expect([...(await written('reg')).keys()].sort()).toEqual([
      'ecosystem.yaml',
      'integrations/cart-depends-on-shop.yaml',
      'integrations/mcp-api.yaml',
      'integrations/orphan-api.yaml',
      'integrations/shop-api.yaml',
      'repositories/cart.yaml',
      'repositories/shop.yaml',
      'resources/artists-db.yaml',
      'resources/shared-cache.yaml',
      'systems/shop-system.yaml',
      'teams/engineering.yaml',
      'teams/team-a.yaml',
    ]);
  });

  it('writes a component whose owner dangles with team unknown', async () => {
    expect((await written('reg')).get('repositories/shop.yaml')).toMatchObject({ name: 'shop', team: 'unknown' });
  });

  it('writes an API no component provides as an integration whose provider is unknown, which checks clean', async () => {
    const files = await written('reg');
    expect(files.get('integrations/orphan-api.yaml')).toMatchObject({ provider: 'unknown', consumers: ['cart'], type: 'graphql', owner: 'team-a' });
    const { out } = await run('import', 'backstage', 'partial', '--content', 'reg');
    expect(out).not.toMatch(/orphan-api.*(not imported|PLX)/);
  });

  it('keeps the group hierarchy: a group listed in children is written with its parent, and a department is reported as written as a team', async () => {
    const files = await written('reg');
    expect(files.get('teams/team-a.yaml')).toMatchObject({ name: 'team-a', parent: 'engineering' });
    expect(files.get('teams/engineering.yaml')?.parent).toBeUndefined();
    const { out } = await run('import', 'backstage', 'partial', '--content', 'reg', '--dry-run');
    expect(out).toContain(
      ['  Group spec.type (1):', '    group:default/engineering: "department": Plexus keeps teams only, so it is written as a team'].join('\n'),
    );
    expect(out).not.toContain('spec.children');
  });

  it('writes a resource no one component owns with owner unknown, its team and system, and every component that uses it', async () => {
    const files = await written('reg');
    expect(files.get('resources/artists-db.yaml')).toMatchObject({ owner: 'unknown', team: 'team-a', system: 'shop-system', kind: 'datastore' });
    expect(files.get('resources/shared-cache.yaml')).toMatchObject({ owner: 'unknown', users: [{ repository: 'shop' }, { repository: 'cart' }] });
  });

  it("fills a repository's url from a GitHub link, and reports a consumesApis that names a component", async () => {
    const files = await written('reg');
    expect(files.get('repositories/cart.yaml')).toMatchObject({ url: 'https://github.com/acme/cart' });
    const { out } = await run('import', 'backstage', 'partial', '--content', 'reg', '--dry-run');
    expect(out).toContain(
      [
        '  Component spec.consumesApis[] (1):',
        '    component:default/cart spec.consumesApis[1]: names component:default/shop, which is not an API: no integration written (dependsOn says that a component uses another)',
      ].join('\n'),
    );
  });

  it('writes nothing with --strict: the same places as errors, exit 1', async () => {
    const { code, out, err } = await run('import', 'backstage', 'partial', '--strict', '--content', 'strict');
    expect([code, out]).toEqual([1, '']);
    expect(err.split('\n').filter((l) => / error PLX/.test(l))).toEqual([
      'partial/catalog-info.yaml:52:7 error PLX046 "Environment" is not a kind Plexus reads.',
      'partial/catalog-info.yaml:59:7 error PLX046 "AiResource" is not a kind Plexus reads. Did you mean "Resource"?',
      'partial/catalog-info.yaml:10:10 error PLX047 owner names group:default/guest, which is not in the catalog files given or in the registry.',
      'partial/catalog-info.yaml:28:7 error PLX047 dependsOn names component:default/missing, which is not in the catalog files given or in the registry.',
    ]);
    expect(err.split('\n').at(-1)).toBe('Nothing written: fix the input first.');
    expect((await written('strict')).size).toBe(0);
  });
});

describe('plexus import backstage: definitions read as specs', () => {
  it('reads inline and $openapi definitions inside the catalog folder as specs, copies them under specs/, and reports the rest', async () => {
    const { code, out, err } = await run('import', 'backstage', 'definitions', '--content', 'defs');
    expect([code, err]).toEqual([0, '']);
    expect(out).not.toContain('PLX045');
    const files = await written('defs');
    expect(files.get('integrations/pets-api.yaml')).toMatchObject({
      provider: 'store',
      type: 'rest',
      protocol: 'HTTP',
      spec: 'specs/pets-api.yaml',
      connection: { endpoint: 'http://pets.example/v1' },
      operations: [{ method: 'GET', path: '/pets', summary: 'List all pets', operationId: 'listPets' }],
    });
    expect(files.get('integrations/orders-api.yaml')).toMatchObject({
      protocol: 'HTTPS',
      spec: 'specs/orders-api.yaml',
      operations: [{ method: 'POST', path: '/orders', summary: 'Place an order', operationId: 'placeOrder' }],
    });
    expect(await readFile(join(root, 'defs/specs/orders-api.yaml'), 'utf8')).toBe(await readFile(join(root, 'definitions/specs/orders.yaml'), 'utf8'));
    expect(files.get('specs/pets-api.yaml')).toMatchObject({ openapi: '3.0.0', info: { title: 'Pets' } });
    expect(out).toContain(
      [
        '  API spec.definition (2):',
        '    api:default/outside-api: not read (../outside.yaml): it is outside the folder Plexus reads',
        '    api:default/remote-api: not read (https://example.com/openapi.yaml): a URL is not fetched; link it with plexus import openapi or asyncapi',
      ].join('\n'),
    );
    expect(files.get('integrations/outside-api.yaml')).toMatchObject({ protocol: 'unknown' });
    expect(files.get('integrations/outside-api.yaml')?.spec).toBeUndefined();
  });
});

/** The "Not mapped" lines read back: `ref field` for each entity a field did not land for. */
function reported(out: string): Set<string> {
  const found = new Set<string>();
  let field = '';
  for (const line of out.split('\n')) {
    const head = /^ {2}\S+ (\S+) \(\d+\):$/.exec(line);
    if (head) field = head[1]!;
    const entry = /^ {4}(\S+?)(?: (\S+))?: /.exec(line);
    if (entry) found.add(`${entry[1]} ${entry[2] ?? field}`);
  }
  return found;
}

/** Each leaf field of an entity: annotations and profile keys one by one, each item of a relation list. */
function leaves(entity: Record<string, unknown>): [string, unknown][] {
  const found: [string, unknown][] = [];
  const walk = (path: string, value: unknown, depth: number) => {
    if (Array.isArray(value) && /\.(providesApis|consumesApis|dependsOn|dependencyOf|targets|memberOf|children|links)$/.test(path))
      for (const [i, v] of value.entries()) found.push([`${path}[${i}]`, v]);
    else if (value && typeof value === 'object' && !Array.isArray(value) && depth < 2 && !path.endsWith('definition'))
      for (const [k, v] of Object.entries(value)) walk(`${path}.${k}`, v, depth + 1);
    else found.push([path, value]);
  };
  for (const section of ['metadata', 'spec'] as const) for (const [k, v] of Object.entries((entity[section] ?? {}) as object)) walk(`${section}.${k}`, v, 0);
  return found;
}

const nameOf = (ref: unknown) => String(ref).split(/[:/]/).at(-1)!.toLowerCase();

type Files = Map<string, Record<string, unknown>>;
/** Whether a field of an entity landed in the files written, by kind: what the README's table promises. */
const LANDED: Record<string, (field: string, value: unknown, id: string, files: Files) => boolean> = {
  Component: (field, value, id, files) => {
    const w = files.get(`repositories/${id}.yaml`);
    if (!w) return false;
    if (field === 'metadata.name') return true;
    if (field === 'metadata.title') return w.name === value;
    if (field === 'metadata.description') return w.purpose === value;
    if (field === 'metadata.tags') return JSON.stringify(w.tags) === JSON.stringify(value);
    if (field === 'metadata.annotations.github.com/project-slug') return w.url === `https://github.com/${value}`;
    if (field.startsWith('metadata.links[')) return w.url === (value as { url: string }).url;
    if (field === 'spec.type') return w.kind !== undefined;
    if (field === 'spec.lifecycle') return w.status !== undefined;
    if (field === 'spec.owner') return w.team === nameOf(value);
    if (field === 'spec.system') return w.system === nameOf(value);
    if (field.startsWith('spec.providesApis[')) return files.get(`integrations/${nameOf(value)}.yaml`)?.provider === id;
    if (field.startsWith('spec.consumesApis[')) return ((files.get(`integrations/${nameOf(value)}.yaml`)?.consumers ?? []) as string[]).includes(id);
    if (field.startsWith('spec.dependsOn[')) {
      const other = nameOf(value);
      if (String(value).startsWith('resource:')) {
        const r = files.get(`resources/${other}.yaml`);
        return r?.owner === id || JSON.stringify(r?.users ?? []).includes(`"${id}"`);
      }
      return files.has(`integrations/${id}-depends-on-${other}.yaml`);
    }
    return false;
  },
  API: (field, value, id, files) => {
    const w = files.get(`integrations/${id}.yaml`);
    if (!w) return false;
    if (field === 'metadata.name') return true;
    if (field === 'metadata.title') return w.title === value;
    if (field === 'metadata.description') return w.purpose === value;
    if (field === 'metadata.tags') return JSON.stringify(w.tags) === JSON.stringify(value);
    if (field === 'spec.type') return w.type !== undefined;
    if (field === 'spec.lifecycle') return w.status !== undefined;
    if (field === 'spec.owner') return w.owner === nameOf(value);
    return false;
  },
  Resource: (field, value, id, files) => {
    const w = files.get(`resources/${id}.yaml`);
    if (!w) return false;
    if (field === 'metadata.name') return true;
    if (field === 'metadata.description') return w.description === value;
    if (field === 'spec.type') return w.kind !== undefined;
    if (field === 'spec.owner') return w.team === nameOf(value);
    if (field === 'spec.system') return w.system === nameOf(value);
    if (field.startsWith('spec.dependencyOf[')) return w.owner === nameOf(value) || JSON.stringify(w.users ?? []).includes(`"${nameOf(value)}"`);
    return false;
  },
  System: (field, value, id, files) => {
    const w = files.get(`systems/${id}.yaml`);
    if (!w) return false;
    if (field === 'metadata.name') return true;
    if (field === 'metadata.description') return w.description === value;
    if (field === 'spec.owner') return w.owner === nameOf(value);
    if (field === 'spec.domain') return w.domain === nameOf(value);
    return false;
  },
  Domain: (field, value, id, files) => {
    const w = files.get(`domains/${id}.yaml`);
    if (!w) return false;
    if (field === 'metadata.name') return true;
    if (field === 'metadata.description') return w.description === value;
    if (field === 'spec.owner') return w.owner === nameOf(value);
    return false;
  },
  Group: (field, value, id, files) => {
    const w = files.get(`teams/${id}.yaml`);
    if (!w) return false;
    if (field === 'metadata.name') return true;
    if (field === 'metadata.description') return w.description === value;
    if (field === 'spec.profile.displayName') return w.name === value;
    if (field === 'spec.profile.email') return (w.contacts as { email?: string } | undefined)?.email === value;
    if (field === 'spec.type') return value === 'team';
    if (field === 'spec.parent') return w.parent === nameOf(value);
    if (field.startsWith('spec.children[')) return files.get(`teams/${nameOf(value)}.yaml`)?.parent === id;
    return false;
  },
  User: (field, value, id, files) => {
    const w = files.get(`teams/${id}.yaml`);
    if (!w) return false;
    if (field === 'metadata.name') return true;
    if (field === 'spec.profile.displayName') return w.name === value;
    if (field === 'spec.profile.email') return (w.contacts as { email?: string } | undefined)?.email === value;
    return false;
  },
  // A relative target is followed: its entities are imported (and checked in their own right).
  Location: (field, value) => field === 'metadata.name' || (field.startsWith('spec.target') && !/^[a-z][a-z0-9+.-]*:/i.test(String(value))),
};

describe('plexus import backstage: nothing vanishes', () => {
  it.each([
    ['catalog', 'catalog'],
    ['partial', 'partial'],
  ])('every field of every entity in %s lands in a written file or has a line in the report', async (_, dir) => {
    const reg = `complete-${dir}`;
    const { code, out } = await run('import', 'backstage', dir, '--content', reg);
    expect(code).toBe(0);
    const files = await written(reg);
    const lines = reported(out);
    const lost: string[] = [];
    for (const name of (await readdir(join(root, dir))).filter((f) => f.endsWith('.yaml'))) {
      for (const doc of parseAllDocuments(await readFile(join(root, dir, name), 'utf8'))) {
        const entity = doc.toJS() as Record<string, unknown>;
        const kind = String(entity.kind);
        const metadata = entity.metadata as { name: string; namespace?: string };
        const ref = `${kind.toLowerCase()}:${(metadata.namespace ?? 'default').toLowerCase()}/${metadata.name.toLowerCase()}`;
        const id = metadata.name.toLowerCase();
        // A kind Plexus does not read is one line for the whole entity.
        if (!LANDED[kind]) {
          if (!lines.has(`${ref} kind`)) lost.push(`${ref} (a ${kind})`);
          continue;
        }
        for (const [field, value] of leaves(entity)) {
          const unindexed = field.replace(/\[\d+\]$/, '');
          const said = lines.has(`${ref} ${field}`) || lines.has(`${ref} ${unindexed}`) || lines.has(`${ref} kind`);
          if (!said && !LANDED[kind]!(field, value, id, files)) lost.push(`${ref} ${field}`);
        }
      }
    }
    expect(lost).toEqual([]);
    // One entity is either written (perhaps "written as" something) or "not imported", never both.
    const said = new Map<string, string[]>();
    for (const m of out.matchAll(/^ {4}(\S+?)(?: \S+)?: (.*)$/gm)) said.set(m[1]!, [...(said.get(m[1]!) ?? []), m[2]!]);
    const both = [...said].filter(([, whys]) => whys.some((w) => w.includes('written as')) && whys.some((w) => w.includes('not imported')));
    expect(both).toEqual([]);
  });
});
