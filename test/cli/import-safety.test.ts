// plexus import reads only what it was pointed at, plans every file before writing one, writes
// each whole, repairs what a killed run left, and prints catalog text as data (issue #22).
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaComment } from '../../src/core/schema-comment.ts';
import { runIn } from './harness.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const root = await mkdtemp(join(tmpdir(), 'plexus-import-safety-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await cp(join(FIXTURES, 'backstage'), join(root, 'catalog'), { recursive: true });
await cp(join(FIXTURES, 'specs'), join(root, 'specs'), { recursive: true });

const run = (...args: string[]) => runIn(root, args, { PLEXUS_TODAY: '2026-11-24' });

/** A registry of an ecosystem.yaml only (so the import writes none, and these tests see only what the catalog brings). */
async function emptyRegistry(name: string): Promise<string> {
  await mkdir(join(root, name), { recursive: true });
  await writeFile(join(root, name, 'ecosystem.yaml'), 'name: Fenced\n');
  return name;
}
const read = (path: string) => readFile(join(root, path), 'utf8');
const filesIn = async (dir: string) =>
  (await readdir(join(root, dir), { recursive: true, withFileTypes: true }))
    .filter((e) => !e.isDirectory() && !(e.parentPath === join(root, dir) && e.name === 'ecosystem.yaml'))
    .map((e) => join(e.parentPath, e.name).slice(join(root, dir).length + 1))
    .sort();
const group = (name: string) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${name}\n  description: The ${name} team\nspec:\n  type: team\n`;
const location = (name: string, spec: string) => `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const mkfifo = (path: string) => execFileSync('mkfifo', [join(root, path)]);

describe('plexus import backstage reads only inside the folders it is given', () => {
  it('does not follow Location targets out of the folder, into pipes or over the size cap; says why at each target', async () => {
    await mkdir(join(root, 'fenced/.hidden'), { recursive: true });
    await writeFile(join(root, 'outside.yaml'), group('stolen'));
    await writeFile(join(root, 'fenced/inside.yaml'), group('inside'));
    await writeFile(join(root, 'fenced/.hidden/secret.yaml'), group('secret'));
    await writeFile(join(root, 'fenced/big.yaml'), `${group('big')}# ${'x'.repeat(1024 * 1024)}\n`);
    await symlink(join(root, 'outside.yaml'), join(root, 'fenced/link-out.yaml'));
    mkfifo('fenced/fifo.yaml');
    await writeFile(
      join(root, 'fenced/catalog-info.yaml'),
      [
        location(
          'root',
          `  targets: [../outside.yaml, ${join(root, 'outside.yaml')}, /etc/passwd, ./inside.yaml, ./big.yaml, ./.hidden/secret.yaml, ./link-out.yaml]\n`,
        ),
        location('pipe', '  target: ./fifo.yaml\n'),
      ].join('---\n'),
    );
    const reg = await emptyRegistry('fenced-reg');
    const { code, out, err } = await run('import', 'backstage', 'fenced/catalog-info.yaml', '--content', reg);
    expect([code, err]).toEqual([0, '']);
    expect(out).toBe(
      [
        'Imported 1 catalog entity into 1 file under fenced-reg: 1 new, 0 updated, 0 unchanged.',
        'Not mapped (7):',
        '  Location spec.target (1):',
        '    location:default/pipe: not followed: ./fifo.yaml: it is not a regular file (a folder, pipe, socket or device)',
        '  Location spec.targets[] (6):',
        '    location:default/root spec.targets[0]: not followed: ../outside.yaml: it is outside fenced, the folder the catalog is read from',
        `    location:default/root spec.targets[1]: not followed: ${join(root, 'outside.yaml')}: it is outside fenced, the folder the catalog is read from`,
        '    location:default/root spec.targets[2]: not followed: /etc/passwd: it is outside fenced, the folder the catalog is read from',
        '    location:default/root spec.targets[4]: not followed: ./big.yaml: it is larger than 1 MiB, the most Plexus reads',
        '    location:default/root spec.targets[5]: not followed: ./.hidden/secret.yaml: it is in a dot-folder or node_modules, which Plexus does not read',
        '    location:default/root spec.targets[6]: not followed: ./link-out.yaml: it is a symbolic link that leads out of the folder Plexus reads',
        'Check of the imported files: No problems in 1 file.',
      ].join('\n'),
    );
    expect(await filesIn(reg)).toEqual(['teams/inside.yaml']);
  });

  it('stops at a Location target that does not exist, exit 2, nothing written', async () => {
    await mkdir(join(root, 'typo'), { recursive: true });
    await writeFile(join(root, 'typo/catalog-info.yaml'), location('root', '  targets: [./nope.yaml]\n'));
    const reg = await emptyRegistry('typo-reg');
    expect(await run('import', 'backstage', 'typo', '--content', reg)).toEqual({
      code: 2,
      out: '',
      err: 'typo/catalog-info.yaml: spec.targets[0]: ./nope.yaml: there is no such file\nNothing written.',
    });
    expect(await filesIn(reg)).toEqual([]);
  });

  it('walks a folder without following a linked folder or file out of it, and reads no pipe', async () => {
    await mkdir(join(root, 'walked/teams'), { recursive: true });
    await mkdir(join(root, 'elsewhere'), { recursive: true });
    await writeFile(join(root, 'elsewhere/stolen.yaml'), group('stolen'));
    await writeFile(join(root, 'walked/teams/real.yaml'), group('real'));
    await symlink(join(root, 'elsewhere'), join(root, 'walked/linked'));
    await symlink(join(root, 'elsewhere/stolen.yaml'), join(root, 'walked/link.yaml'));
    mkfifo('walked/pipe.yaml');
    const reg = await emptyRegistry('walked-reg');
    const { code, out, err } = await run('import', 'backstage', 'walked', '--content', reg);
    expect([code, err]).toEqual([0, '']);
    expect(out).toBe(
      ['Imported 1 catalog entity into 1 file under walked-reg: 1 new, 0 updated, 0 unchanged.', 'Check of the imported files: No problems in 1 file.'].join(
        '\n',
      ),
    );
    expect(await filesIn(reg)).toEqual(['teams/real.yaml']);
  });

  it('fences a glob at its fixed folder', async () => {
    await mkdir(join(root, 'globbed/sub'), { recursive: true });
    await writeFile(join(root, 'globbed/sub/catalog-info.yaml'), location('root', '  targets: [../../outside.yaml, ../team.yaml]\n'));
    await writeFile(join(root, 'globbed/team.yaml'), group('globbed'));
    const reg = await emptyRegistry('globbed-reg');
    const { code, out, err } = await run('import', 'backstage', 'globbed/*/catalog-info.yaml', '--content', reg);
    expect([code, err]).toEqual([0, '']);
    expect(out.split('\n').slice(0, 3)).toEqual([
      'Imported 1 catalog entity into 1 file under globbed-reg: 1 new, 0 updated, 0 unchanged.',
      'Not mapped (1):',
      '  Location spec.targets[] (1):',
    ]);
    expect(out.split('\n')[3]).toBe(
      '    location:default/root spec.targets[0]: not followed: ../../outside.yaml: it is outside globbed, the folder the catalog is read from',
    );
  });
});

describe('plexus import writes nothing half', () => {
  it('rewrites the empty files an interrupted run left, and says so', async () => {
    const reg = await emptyRegistry('repair');
    await run('import', 'backstage', 'catalog', '--content', reg);
    const team = await read(`${reg}/teams/payments.yaml`);
    const repository = await read(`${reg}/repositories/orders.yaml`);
    // What `kill -9` left before writes were atomic: files created, nothing in them.
    await writeFile(join(root, reg, 'teams/payments.yaml'), '');
    await writeFile(join(root, reg, 'repositories/orders.yaml'), '\n  \n');
    const { code, out, err } = await run('import', 'backstage', 'catalog', '--content', reg);
    expect([code, err]).toEqual([0, '']);
    expect(out.split('\n')[0]).toBe('Imported 9 catalog entities into 10 files under repair: 0 new, 2 repaired (found empty), 0 updated, 8 unchanged.');
    expect(out.split('\n').at(-1)).toBe('Check of the imported files: No problems in 10 files.');
    expect(await read(`${reg}/teams/payments.yaml`)).toBe(team);
    expect(await read(`${reg}/repositories/orders.yaml`)).toBe(repository);
    expect((await run('import', 'backstage', 'catalog', '--content', reg)).out.split('\n')[0]).toBe(
      'Imported 9 catalog entities into 10 files under repair: 0 new, 0 updated, 10 unchanged.',
    );
  });
});

describe('plexus import writes nothing check would refuse', () => {
  it('refuses a file over the 1 MiB a registry file may be, before writing any', async () => {
    await mkdir(join(root, 'huge'), { recursive: true });
    // The catalog file is exactly 1 MiB, which Plexus reads; the team file it becomes, with its schema comment and import record, is more.
    const description = 'x'.repeat(1024 * 1024 - (group('huge').length - 'The huge team'.length));
    await writeFile(join(root, 'huge/catalog-info.yaml'), group('huge').replace('The huge team', description));
    const reg = await emptyRegistry('huge-reg');
    const { code, out, err } = await run('import', 'backstage', 'huge', '--content', reg);
    expect([code, out]).toEqual([1, '']);
    const lines = err.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^Cannot write huge-reg\/teams\/huge\.yaml: it would be 1,048,\d{3} bytes, and Plexus reads such a file only up to 1 MiB \(1,048,576 bytes\); shorten what the source writes there\.$/,
    );
    expect(Number(lines[0]!.match(/be ([\d,]+) bytes/)![1]!.replaceAll(',', ''))).toBeGreaterThan(1024 * 1024);
    expect(lines[1]).toBe('Nothing written.');
    expect(await filesIn(reg)).toEqual([]);
  });
});

describe('plexus import cleans up after a killed run', () => {
  it("removes the temporary files a killed import left, says so, and leaves a team's look-alikes and links alone", async () => {
    const reg = await emptyRegistry('leftovers');
    await run('import', 'backstage', 'catalog', '--content', reg);
    // 4194999 is above Linux's largest pid: no process runs with it.
    await writeFile(join(root, reg, 'teams/.payments.yaml.plexus-4194999-0-abc123'), 'half');
    await writeFile(join(root, reg, 'teams/.roadmap.plexus-2025-q3'), 'ours');
    await symlink(join(root, 'catalog'), join(root, reg, 'teams/.link.yaml.plexus-4194999-0-abc123'));
    const { code, out, err } = await run('import', 'backstage', 'catalog', '--content', reg);
    expect([code, err]).toEqual([0, '']);
    expect(out.split('\n').slice(0, 2)).toEqual([
      'Removed 1 temporary file an interrupted import left.',
      'Imported 9 catalog entities into 10 files under leftovers: 0 new, 0 updated, 10 unchanged.',
    ]);
    expect((await readdir(join(root, reg, 'teams'))).filter((n) => n.startsWith('.')).sort()).toEqual([
      '.link.yaml.plexus-4194999-0-abc123',
      '.roadmap.plexus-2025-q3',
    ]);
  });
});

describe('plexus import reads the registry through the gate', () => {
  it('does not read a spec copy through a specs folder that links out of the registry', async () => {
    const reg = await emptyRegistry('specs-link-reg');
    await mkdir(join(root, 'outside-specs'), { recursive: true });
    await writeFile(join(root, 'outside-specs/orders.yaml'), 'secret: not the registry\n');
    await symlink(join(root, 'outside-specs'), join(root, reg, 'specs'));
    await mkdir(join(root, reg, 'repositories'));
    await mkdir(join(root, reg, 'teams'));
    await writeFile(join(root, reg, 'teams/shop-team.yaml'), 'name: Shop team\n');
    await writeFile(join(root, reg, 'repositories/shop.yaml'), 'name: Shop\npurpose: Sells\nkind: service\nstatus: active\nurl: unknown\nteam: shop-team\n');
    const { code, out, err } = await run(
      'import',
      'openapi',
      'specs/orders-3.1.yaml',
      '--provider',
      'shop',
      '--integration',
      'orders',
      '--owner',
      'shop-team',
      '--content',
      reg,
    );
    expect([code, out]).toEqual([2, '']);
    expect(err).toBe(
      [`${reg}/specs/orders.yaml: it is a symbolic link that leads out of the folder Plexus reads; Plexus will not write there`, 'Nothing written.'].join('\n'),
    );
  });
});

describe('plexus import plans every path before writing one', () => {
  it('refuses to write through a folder that is a link: exit 1, nothing written there or where it leads', async () => {
    const reg = await emptyRegistry('linked-reg');
    await mkdir(join(root, 'team-store'), { recursive: true });
    await symlink(join(root, 'team-store'), join(root, reg, 'teams'));
    const { code, out, err } = await run('import', 'backstage', 'catalog', '--content', reg);
    expect([code, out]).toEqual([1, '']);
    const why = 'teams is not a real folder (a link?); Plexus writes and deletes only through real folders';
    expect(err).toBe(
      [`Cannot write linked-reg/teams/payments.yaml: ${why}.`, `Cannot write linked-reg/teams/jdoe.yaml: ${why}.`, 'Nothing written.'].join('\n'),
    );
    expect([await filesIn(reg), await filesIn('team-store')]).toEqual([['teams'], []]);
  });

  it('reports an entity whose name cannot be a file name under "Not mapped", and writes the rest', async () => {
    const long = 'a'.repeat(300);
    await mkdir(join(root, 'long'), { recursive: true });
    await writeFile(join(root, 'long/catalog-info.yaml'), [group('short'), group(long)].join('---\n'));
    const reg = await emptyRegistry('long-reg');
    expect(await run('import', 'backstage', 'long', '--content', reg)).toEqual({
      code: 0,
      out: [
        'Imported 2 catalog entities into 1 file under long-reg: 1 new, 0 updated, 0 unchanged.',
        'Not mapped (1):',
        '  Group metadata.name (1):',
        `    group:default/${long}: "${'a'.repeat(20)}…${'a'.repeat(20)}" is too long for a file name (305 bytes with .yaml; at most 255): not imported`,
        'Check of the imported files: No problems in 1 file.',
      ].join('\n'),
      err: '',
    });
    expect(await filesIn(reg)).toEqual(['teams/short.yaml']);
  });

  it('refuses a file name too long before writing anything: exit 1, nothing written', async () => {
    const reg = await emptyRegistry('long-oa');
    await run('import', 'backstage', 'catalog', '--content', reg);
    const before = await filesIn(reg);
    const long = 'b'.repeat(300);
    const { code, out, err } = await run('import', 'openapi', 'specs/orders-3.1.yaml', '--provider', 'payments', '--integration', long, '--content', reg);
    expect([code, out]).toEqual([1, '']);
    expect(err).toBe(
      [
        `Cannot write long-oa/integrations/${'b'.repeat(39)}…${'b'.repeat(55)}.yaml: its name is 305 bytes long; a file name can be at most 255.`,
        `Cannot write long-oa/specs/${'b'.repeat(46)}…${'b'.repeat(55)}.yaml: its name is 305 bytes long; a file name can be at most 255.`,
        'Nothing written.',
      ].join('\n'),
    );
    expect(await filesIn(reg)).toEqual(before);
  });
});

describe('plexus import prints catalog text as data', () => {
  const evil = '\u001b[31m\u202e';
  it('escapes control characters and bidi overrides in the summary, "Not mapped" and a --dry-run diff', async () => {
    await mkdir(join(root, 'evil'), { recursive: true });
    await writeFile(
      join(root, 'evil/catalog-info.yaml'),
      [
        location('root', `  targets: ["https://x.example/${evil}.yaml"]\n`),
        `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: "red${evil}"\n  title: "Red ${evil} team"\n  description: "Paints ${evil} red"\n  annotations:\n    "x.io/${evil}": "1"\nspec:\n  type: team\n`,
      ].join('---\n'),
    );
    const reg = await emptyRegistry('evil-reg');
    const dry = await run('import', 'backstage', 'evil', '--content', reg, '--dry-run');
    expect(dry).toEqual({
      code: 0,
      out: [
        '--- /dev/null',
        '+++ b/evil-reg/teams/red-31m-.yaml',
        '@@ -0,0 +1,10 @@',
        `+${schemaComment(join(root, 'evil-reg/teams/red-31m-.yaml'), 'team').trimEnd()}`,
        '+name: "Red \\e[31m\\u202E team"',
        '+description: "Paints \\e[31m\\u202E red"',
        '+imported:',
        '+  from: backstage',
        '+  source: ../evil/catalog-info.yaml',
        '+  ref: "group:default/red\\e[31m\\u202E"',
        '+  fields:',
        '+    - name',
        '+    - description',
        'Would import 1 catalog entity into 1 file under evil-reg: 1 new, 0 updated, 0 unchanged.',
        'Not mapped (2):',
        '  Group metadata.annotations.x.io/\\x1B[31m\\u202E (1):',
        '    group:default/red\\x1B[31m\\u202E: no Plexus field for it',
        '  Location spec.targets[] (1):',
        '    location:default/root spec.targets[0]: not followed: only relative targets are read (https://x.example/\\x1B[31m\\u202E.yaml)',
      ].join('\n'),
      err: '',
    });
    const real = await run('import', 'backstage', 'evil', '--content', reg);
    expect([real.out.includes('\u001b'), real.out.includes('\u202e')]).toEqual([false, false]);
    expect(real.out.split('\n').slice(0, 2)).toEqual([
      'Imported 1 catalog entity into 1 file under evil-reg: 1 new, 0 updated, 0 unchanged.',
      'Not mapped (2):',
    ]);
  });
});
