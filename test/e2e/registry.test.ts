// "Start your own registry" as a team follows it, against a real npm registry: Verdaccio on
// 127.0.0.1, started and stopped here, proxying everything else to the npm registry. This working
// tree's plexus and create-plexus are published to it with `npm publish` (from a copy of the tree,
// so packing never races another test packing in the checkout); then, with only the registry's
// address in the user's ~/.npmrc, exactly the README's commands: npm create plexus@latest
// our-registry, npm install, npm run check, npm run build, the page in Chromium, the editor's
// schema paths; a teammate's clean clone installing from the committed lockfile (npm install and
// npm ci); a next version published, npm install plexus@latest, check and build again. Homes
// (~/.npmrc, npm's cache), the registry's storage and the projects all live in one temporary folder.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { serve } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const exec = promisify(execFile);
/** The pinned Node (the `node` devDependency): the registry and every command of the user's run on it. */
const NODE = realpathSync(join(ROOT, 'node_modules', '.bin', 'node'));
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const NEXT = VERSION.replace(/\d+$/, (patch) => String(Number(patch) + 1));
// An install through the registry's proxy with npm's cache empty takes minutes on a shared 2-core machine.
const SLOW = 900_000;

let temp = '';
let registry = ''; // http://127.0.0.1:PORT/
let verdaccio: ReturnType<typeof spawn> | undefined;
let verdaccioLog = '';
let tree = ''; // the copy of the working tree that is published
let project = ''; // the user's our-registry
let maintainer = ''; // HOME of whoever publishes: a token for the registry
let user = ''; // HOME of the team member: the registry's address, nothing else
let teammate = ''; // HOME of a second team member, with npm's cache empty
let outsideBefore = '';
const times: [string, number][] = [];

/** A clean environment: HOME in the temporary folder, and on PATH the pinned Node and the system's tools, none of this checkout's node_modules/.bin. */
function env(home: string): NodeJS.ProcessEnv {
  const system = (process.env.PATH ?? '').split(':').filter((p) => p && !p.includes('node_modules') && !p.startsWith(ROOT));
  return {
    PATH: [join(temp, 'bin'), ...system].join(':'),
    HOME: home,
    ...(process.env.PLEXUS_CHROMIUM ? { PLEXUS_CHROMIUM: process.env.PLEXUS_CHROMIUM } : {}),
  };
}

type Ran = { code: number | null; stdout: string; stderr: string };
/** Runs `command args` in `cwd` as `home`'s owner; never throws, and records its time under `label`. */
async function run(label: string, cwd: string, home: string, command: string, ...args: string[]): Promise<Ran> {
  const started = performance.now();
  const ran = await new Promise<Ran>((done, fail) => {
    const child = spawn(command, args, { cwd, env: env(home), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
  times.push([label, (performance.now() - started) / 1000]);
  return ran;
}
/** As `run`, and fails with the command's output unless it exits 0. */
async function ok(label: string, cwd: string, home: string, command: string, ...args: string[]): Promise<Ran> {
  const ran = await run(label, cwd, home, command, ...args);
  expect(ran.code, `${label} exited ${ran.code}:\n${ran.stdout}\n${ran.stderr}`).toBe(0);
  return ran;
}

const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'));
type Lock = { packages: Record<string, { version?: string; resolved?: string; integrity?: string; link?: boolean }> };

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return typeof address === 'object' && address ? address.port : 0;
}

/** What this test could change outside its folder: the checkout's package files (it packs a copy, never the checkout: no lib/ there), ~/.npmrc, and npx's cache of create-plexus. */
async function outside(): Promise<string> {
  const git = await exec('git', ['status', '--porcelain', '--untracked-files=all', '--', 'package.json', 'package-lock.json', 'packages/create-plexus'], {
    cwd: ROOT,
  });
  const npmrc = await readFile(join(homedir(), '.npmrc'), 'utf8').catch(() => '(none)');
  const npx = await readdir(join(homedir(), '.npm', '_npx')).catch(() => [] as string[]);
  const creates = npx.filter((d) => existsSync(join(homedir(), '.npm', '_npx', d, 'node_modules', 'create-plexus'))).sort();
  return JSON.stringify({ git: git.stdout, npmrc, creates });
}

/** Starts Verdaccio on a free loopback port with its storage, users and configuration in `dir`, and waits until it answers. */
async function startRegistry(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  registry = `http://127.0.0.1:${port}/`;
  const own = { access: '$all', publish: '$authenticated', unpublish: '$authenticated' };
  // Plexus's two packages live only here (no proxy: never npm's); everything else comes from the npm registry.
  const config = {
    storage: join(dir, 'storage'),
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: 10 } },
    uplinks: { npmjs: { url: 'https://registry.npmjs.org/', timeout: '60s', max_fails: 100, fail_timeout: '2s' } },
    packages: { plexus: own, 'create-plexus': own, '**': { access: '$all', publish: '$authenticated', proxy: 'npmjs' } },
    web: { enable: false },
    server: { keepAliveTimeout: 60 },
    log: { type: 'stdout', format: 'json', level: 'warn' },
  };
  await writeFile(join(dir, 'config.yaml'), JSON.stringify(config, null, 2)); // JSON is YAML
  const bin = join(ROOT, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
  // Its own process group, so that afterAll stops it and anything it started. The machine's
  // environment stays: the uplink needs its certificate settings (NODE_EXTRA_CA_CERTS) and proxy.
  const child = spawn(NODE, [bin, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env: { ...process.env, HOME: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  verdaccio = child;
  // Should this process end before afterAll (a killed run), the registry goes with it.
  process.once('exit', () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }
  });
  child.stdout!.on('data', (d) => (verdaccioLog += d));
  child.stderr!.on('data', (d) => (verdaccioLog += d));
  const exited = new Promise<never>((_, fail) => child.once('exit', (code) => fail(new Error(`Verdaccio exited ${code}:\n${verdaccioLog}`))));
  const answers = (async () => {
    // Polls /-/ping until it answers (a refused connection means not listening yet).
    for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
      if ((await fetch(`${registry}-/ping`).catch(() => undefined))?.ok) return;
      await new Promise((r) => setTimeout(r, wait));
    }
  })();
  await Promise.race([answers, exited]);
}

async function stopRegistry(): Promise<void> {
  const child = verdaccio;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((done) => child.once('exit', done));
  process.kill(-child.pid, 'SIGTERM');
  const late = setTimeout(() => child.exitCode === null && child.signalCode === null && process.kill(-child.pid!, 'SIGKILL'), 10_000);
  await gone;
  clearTimeout(late);
}

/** Copies the working tree (tracked and untracked files, as git sees them) into `to`, with the checkout's node_modules linked in for prepack's compiler. */
async function copyTree(to: string): Promise<void> {
  const { stdout } = await exec('git', ['ls-files', '-co', '--exclude-standard', '--deduplicate', '-z'], { cwd: ROOT, maxBuffer: 64 << 20 });
  for (const file of stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the working tree
    await mkdir(dirname(join(to, file)), { recursive: true });
    await cp(join(ROOT, file), join(to, file));
  }
  await symlink(join(ROOT, 'node_modules'), join(to, 'node_modules'));
}

/** Gives both packages in the copy `version`, as a release does, and publishes them: plexus, then create-plexus. */
async function publish(version: string): Promise<void> {
  for (const file of [join(tree, 'package.json'), join(tree, 'packages', 'create-plexus', 'package.json')]) {
    const pkg = await json(file);
    if (pkg.version !== version) await writeFile(file, `${JSON.stringify({ ...pkg, version }, null, 2)}\n`);
  }
  // Provenance needs a CI's OIDC token; everything else is the release workflow's `npm publish`.
  const plexus = await ok(`publish plexus@${version}`, tree, maintainer, 'npm', 'publish', '--provenance=false');
  expect(plexus.stdout).toContain(`+ plexus@${version}`);
  const create = await ok(`publish create-plexus@${version}`, tree, maintainer, 'npm', 'publish', '-w', 'packages/create-plexus', '--provenance=false');
  expect(create.stdout).toContain(`+ create-plexus@${version}`);
  // postpack removed what prepack compiled.
  expect([existsSync(join(tree, 'lib')), existsSync(join(tree, 'packages', 'create-plexus', 'lib'))]).toEqual([false, false]);
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'plexus-registry-'));
  outsideBefore = await outside();
  await mkdir(join(temp, 'bin'));
  await symlink(NODE, join(temp, 'bin', 'node'));
  [maintainer, user, teammate] = [join(temp, 'maintainer'), join(temp, 'user'), join(temp, 'teammate')];
  for (const home of [maintainer, user, teammate]) await mkdir(home);
  project = join(user, 'our-registry');
  tree = join(temp, 'plexus');
  await copyTree(tree);
  await startRegistry(join(temp, 'verdaccio'));
  // `npm adduser` against this registry, without its prompts: the registry answers with a token.
  const added = await fetch(`${registry}-/user/org.couchdb.user:maintainer`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'maintainer', password: 'correct-horse-battery-staple', type: 'user', roles: [], date: new Date().toISOString() }),
  });
  expect(added.status).toBe(201);
  const { token } = (await added.json()) as { token: string };
  const host = registry.replace(/^http:/, '');
  await writeFile(join(maintainer, '.npmrc'), `registry=${registry}\n${host}:_authToken=${token}\n`);
  // The one line a team changes: where its npm registry is. Installing needs no login.
  for (const home of [user, teammate]) await writeFile(join(home, '.npmrc'), `registry=${registry}\n`);
}, 240_000);

afterAll(async () => {
  await stopRegistry();
  if (temp) await rm(temp, { recursive: true, force: true });
  const width = Math.max(...times.map(([label]) => label.length));
  console.log(
    `registry.test.ts, each step's time:\n${times.map(([label, s]) => `  ${label.padEnd(width)}  ${s.toFixed(1)} s`).join('\n')}\n  ${'total'.padEnd(width)}  ${times.reduce((t, [, s]) => t + s, 0).toFixed(1)} s`,
  );
}, 60_000);

describe('Start your own registry, against a real npm registry', () => {
  it(
    `publishes plexus and create-plexus at the repository's version (${VERSION}) with npm publish`,
    async () => {
      const node = await ok('node --version', user, user, 'node', '--version');
      const [major, minor] = node.stdout.trim().slice(1).split('.').map(Number) as [number, number];
      expect(major > 22 || (major === 22 && minor >= 12), `the user's Node is ${node.stdout}`).toBe(true);
      await publish(VERSION);
      expect((await ok('npm view plexus', user, user, 'npm', 'view', 'plexus', 'version')).stdout.trim()).toBe(VERSION);
      expect((await ok('npm view create-plexus', user, user, 'npm', 'view', 'create-plexus@latest', 'version')).stdout.trim()).toBe(VERSION);
    },
    SLOW,
  );

  it(
    'npm create plexus@latest our-registry writes the project, depending on the published Plexus',
    async () => {
      const created = await ok('npm create plexus@latest our-registry', user, user, 'npm', 'create', 'plexus@latest', 'our-registry');
      expect(created.stdout).toContain('Wrote 13 files into our-registry/: package.json, .gitignore, README.md');
      expect(created.stdout).toContain('\nNext:\n  cd our-registry\n  npm install\n  npm run check\n  npm run dev\n');
      expect((await json(join(project, 'package.json'))).dependencies).toEqual({ plexus: `^${VERSION}` });
    },
    SLOW,
  );

  it(
    'npm install installs Plexus from the registry, with a lockfile that holds no file: path',
    async () => {
      const installed = await ok('npm install (npm cache empty)', project, user, 'npm', 'install');
      expect(installed.stdout).toMatch(/added \d+ packages/);
      const text = await readFile(join(project, 'package-lock.json'), 'utf8');
      expect(text).not.toContain('file:');
      const lock = JSON.parse(text) as Lock;
      const plexus = lock.packages['node_modules/plexus']!;
      expect(plexus.version).toBe(VERSION);
      expect(plexus.resolved).toBe(`${registry}plexus/-/plexus-${VERSION}.tgz`);
      // The very package published above, and every other one through the same registry.
      const published = (await (await fetch(`${registry}plexus`)).json()) as { versions: Record<string, { dist: { integrity: string } }> };
      expect(plexus.integrity).toBe(published.versions[VERSION]!.dist.integrity);
      const elsewhere = Object.entries(lock.packages).filter(([path, p]) => path && !p.link && !p.resolved?.startsWith(registry));
      expect(elsewhere).toEqual([]);
      expect((await json(join(project, 'node_modules', 'plexus', 'package.json'))).version).toBe(VERSION);
    },
    SLOW,
  );

  it(
    'npm run check and npm run build succeed',
    async () => {
      const checked = await ok('npm run check', project, user, 'npm', 'run', 'check');
      expect(checked.stdout).toMatch(/No problems in \d+ files\./);
      const built = await ok('npm run build', project, user, 'npm', 'run', 'build');
      expect(built.stdout).toMatch(/Site written to dist\/ in [\d.]+ s/);
    },
    SLOW,
  );

  it('the home page opens in Chromium', async () => {
    const site = await serve(join(project, 'dist'), '/');
    const browser = await launch();
    try {
      const page = await browser.newPage();
      const response = await page.goto(site.url);
      expect(response?.status()).toBe(200);
      expect(await page.title()).toContain('Acme integrations');
      expect(await page.locator('h1').textContent()).toBe('Acme integration registry');
    } finally {
      await browser.close();
      site.server.close();
    }
  }, 120_000);

  it("the editor's schema paths resolve: plexus new's comment and .vscode/settings.json", async () => {
    await ok('npx plexus new repository', project, user, 'npx', 'plexus', 'new', 'repository', 'billing', '--team', 'platform');
    const file = join(project, 'content', 'repositories', 'billing.yaml');
    const first = (await readFile(file, 'utf8')).split('\n')[0]!;
    expect(first).toMatch(/^# yaml-language-server: \$schema=/);
    const schema = resolve(dirname(file), first.split('$schema=')[1]!);
    expect((await json(schema)).type).toBe('object');
    const schemas = Object.keys((await json(join(project, '.vscode', 'settings.json')))['yaml.schemas']);
    expect(schemas.length).toBeGreaterThan(5);
    for (const path of schemas) expect(existsSync(resolve(project, path)), path).toBe(true);
    await rm(file);
  }, 120_000);

  it(
    "a teammate's clean clone installs from the committed lockfile: npm install changes nothing, npm ci works",
    async () => {
      const git = (cwd: string, ...args: string[]) =>
        ok(`git ${args[0]}`, cwd, user, 'git', '-c', 'user.name=Team', '-c', 'user.email=team@example.invalid', ...args);
      await git(project, 'init', '-q');
      await git(project, 'add', '.');
      await git(project, 'commit', '-q', '-m', 'Our registry');
      const clone = join(teammate, 'our-registry');
      await git(teammate, 'clone', '-q', project, clone);
      expect([existsSync(join(clone, 'package-lock.json')), existsSync(join(clone, 'node_modules'))]).toEqual([true, false]);
      await ok('npm install (clean clone, npm cache empty)', clone, teammate, 'npm', 'install');
      expect((await ok('git status', clone, teammate, 'git', 'status', '--porcelain')).stdout).toBe('');
      await ok('npm ci (clean clone)', clone, teammate, 'npm', 'ci');
      expect((await json(join(clone, 'node_modules', 'plexus', 'package.json'))).version).toBe(VERSION);
      expect((await ok('npm run check (clone)', clone, teammate, 'npm', 'run', 'check')).stdout).toMatch(/No problems in \d+ files\./);
    },
    SLOW,
  );

  it(
    `upgrades to a newly published ${NEXT} with npm install plexus@latest, and checks and builds again`,
    async () => {
      await publish(NEXT);
      await ok('npm install plexus@latest', project, user, 'npm', 'install', 'plexus@latest');
      expect((await json(join(project, 'node_modules', 'plexus', 'package.json'))).version).toBe(NEXT);
      expect((await json(join(project, 'package.json'))).dependencies).toEqual({ plexus: `^${NEXT}` });
      const lock = (await json(join(project, 'package-lock.json'))) as Lock;
      expect(lock.packages['node_modules/plexus']!.resolved).toBe(`${registry}plexus/-/plexus-${NEXT}.tgz`);
      expect((await ok('npx plexus --version', project, user, 'npx', 'plexus', '--version')).stdout.trim()).toBe(NEXT);
      expect((await ok('npm run check (upgraded)', project, user, 'npm', 'run', 'check')).stdout).toMatch(/No problems in \d+ files\./);
      expect((await ok('npm run build (upgraded)', project, user, 'npm', 'run', 'build')).stdout).toMatch(/Site written to dist\/ in [\d.]+ s/);
    },
    SLOW,
  );

  it('touched nothing outside its temporary folder', async () => {
    expect(await outside()).toBe(outsideBefore);
  });
});
