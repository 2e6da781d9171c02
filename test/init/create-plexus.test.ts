// npm create plexus: the create-plexus package as npm packs it, run on the system's Node 20 (plain
// JavaScript, nothing installed), writes byte for byte what `plexus init` writes, depending on
// the Plexus of its own version.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli/main.ts';

const exec = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
// The oldest Node it claims: the system one here (20), not the repository's pinned 24.
const NODE = existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PLEXUS_TODAY: '2026-11-22' };
let temp = '';
let unpacked = '';
let packed: { files: { path: string }[] } = { files: [] };

/** `create-plexus ARGS` from the unpacked package, in `cwd`: exit code, stdout, stderr. */
async function create(cwd: string, ...args: string[]) {
  return exec(NODE, [join(unpacked, 'bin', 'create-plexus.js'), ...args], { cwd, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** Every file under `dir` with its bytes, by relative path. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) files[relative(dir, join(entry.parentPath, entry.name))] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  return files;
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'create-plexus-'));
  const { stdout } = await exec('npm', ['pack', '-w', 'packages/create-plexus', '--pack-destination', temp, '--json'], { cwd: ROOT, maxBuffer: 16 << 20 });
  packed = (JSON.parse(stdout) as (typeof packed & { filename: string })[])[0]!;
  unpacked = join(temp, 'unpacked');
  await mkdir(unpacked);
  await exec('tar', ['xzf', join(temp, (packed as unknown as { filename: string }).filename), '-C', unpacked, '--strip-components', '1']);
}, 120_000);
afterAll(() => rm(temp, { recursive: true, force: true }));

describe('create-plexus', () => {
  it('packs its bin and the compiled project writer, with no dependency, and leaves no lib/ behind', async () => {
    expect(packed.files.map((f) => f.path).sort()).toEqual([
      'LICENSE',
      'README.md',
      'bin/create-plexus.js',
      'lib/core/dates.js',
      'lib/core/fs-errors.js',
      'lib/core/gate-write.js',
      'lib/core/gate.js',
      'lib/init/project.js',
      'lib/init/write.js',
      'package.json',
    ]);
    const pkg = JSON.parse(await readFile(join(unpacked, 'package.json'), 'utf8'));
    expect([pkg.dependencies, pkg.optionalDependencies, pkg.peerDependencies]).toEqual([undefined, undefined, undefined]);
    expect(pkg.bin).toEqual({ 'create-plexus': 'bin/create-plexus.js' });
    // Every import of what it ships is Node's own or one of its own files.
    for (const [path, text] of Object.entries(await tree(unpacked)).filter(([p]) => p.endsWith('.js'))) {
      const specifiers = [...text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      expect(
        specifiers.filter((s) => !s.startsWith('node:') && !s.startsWith('.')),
        path,
      ).toEqual([]);
    }
    expect(await readFile(join(unpacked, 'LICENSE'), 'utf8')).toBe(await readFile(join(ROOT, 'LICENSE'), 'utf8'));
    expect([existsSync(join(ROOT, 'packages', 'create-plexus', 'lib')), existsSync(join(ROOT, 'packages', 'create-plexus', 'LICENSE'))]).toEqual([
      false,
      false,
    ]);
  });

  it('keeps the version of plexus: the project it writes depends on the Plexus released with it', async () => {
    const root = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
    const create = JSON.parse(await readFile(join(ROOT, 'packages', 'create-plexus', 'package.json'), 'utf8'));
    expect(create.version).toBe(root.version);
    expect(create.license).toBe(root.license);
  });

  it(`writes on Node ${NODE === '/usr/bin/node' ? 'from /usr/bin' : 'this'} what plexus init writes, and says what to run next`, async () => {
    const made = await mkdtemp(join(temp, 'create-'));
    const { code, stdout, stderr } = await create(made, 'our-registry');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toBe(
      'Wrote 13 files into our-registry/: package.json, .gitignore, README.md, .github/workflows/check.yml, .github/workflows/deploy.yml, .vscode/settings.json, .vscode/extensions.json, content/ecosystem.yaml, content/teams/platform.yaml, content/repositories/web-app.yaml, content/repositories/api.yaml, content/integrations/web-app-to-api.yaml, content/docs/getting-started.md.\n' +
        '\nNext:\n  cd our-registry\n  npm install\n  npm run check\n  npm run dev\n',
    );
    const inited = await mkdtemp(join(temp, 'init-'));
    const out: string[] = [];
    expect(await runMain(['init', 'our-registry'], { cwd: inited, env, out: (t) => out.push(t), err: (t) => out.push(t) })).toBe(0);
    expect(`${out.join('\n')}\n`).toBe(stdout);
    expect(await tree(join(made, 'our-registry'))).toEqual(await tree(join(inited, 'our-registry')));
    const version = JSON.parse(await readFile(join(unpacked, 'package.json'), 'utf8')).version;
    expect(JSON.parse(await readFile(join(made, 'our-registry', 'package.json'), 'utf8')).dependencies).toEqual({ plexus: `^${version}` });
  });

  it('writes into the current folder when given none, and refuses one that is not empty', async () => {
    const here = await mkdtemp(join(temp, 'here-'));
    const first = await create(here);
    expect([first.code, first.stdout.split('\n').at(-5)]).toEqual([0, 'Next:']);
    expect(await create(here)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        '. is not empty. Start in an empty folder, or add --force to add what is missing (nothing there is replaced).\nUsage: npm create plexus@latest [DIR] [-- --force]\n',
    });
  });

  it('with --force adds what is missing and replaces nothing', async () => {
    const dir = await mkdtemp(join(temp, 'force-'));
    await writeFile(join(dir, 'README.md'), 'ours\n');
    const { code, stdout } = await create(dir, '.', '--force');
    expect(code).toBe(0);
    expect(stdout).toContain('Left as they were: README.md.\n');
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('ours\n');
  });

  it('answers a wrong command line with exit 2, the reason and the usage', async () => {
    const usage = 'Usage: npm create plexus@latest [DIR] [-- --force]\n';
    expect(await create(temp, '--bogus')).toEqual({ code: 2, stdout: '', stderr: `Unknown option --bogus.\n${usage}` });
    expect(await create(temp, 'a', 'b')).toEqual({ code: 2, stdout: '', stderr: `Give one folder.\n${usage}` });
    expect(await create(temp, 'x', '--example')).toEqual({
      code: 2,
      stdout: '',
      stderr: `The Eventful example ships with Plexus itself: start from it with npx plexus@latest init DIR --example.\n${usage}`,
    });
    const help = await create(temp, '--help');
    expect([help.code, help.stdout.endsWith(`\n\n${usage}`)]).toEqual([0, true]);
    expect(await create(temp, '--version')).toEqual({
      code: 0,
      stdout: `${JSON.parse(await readFile(join(unpacked, 'package.json'), 'utf8')).version}\n`,
      stderr: '',
    });
    expect(existsSync(join(temp, 'x'))).toBe(false);
  });
});
