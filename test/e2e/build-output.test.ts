// npm run build and its output folder: dist/ is a whole site at every moment, builds in one
// checkout take turns, a killed build is tidied by the next, and bad settings are one clear line.
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutViteEnv } from '../../scripts/clean-env.ts';
import { BASE } from '../registry-fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD = join(ROOT, 'scripts', 'build.ts');
const dir = await mkdtemp(join(tmpdir(), 'plexus-out-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const content = join(dir, 'content');
for (const [path, text] of Object.entries(BASE)) {
  await mkdir(dirname(join(content, path)), { recursive: true });
  await writeFile(join(content, path), text);
}
const env = (extra: Record<string, string>) => ({
  ...withoutViteEnv(),
  PLEXUS_CONTENT: content,
  PLEXUS_TODAY: '2026-11-22',
  PLEXUS_QUIET: '1',
  PLEXUS_CHROMIUM: 'none',
  ...extra,
});

function build(extra: Record<string, string>, cwd = dir): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [BUILD], { cwd, env: env(extra), maxBuffer: 64 << 20 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

describe('npm run build writes its site whole', () => {
  it('builds into a PLEXUS_DIST outside the project, run from another folder', async () => {
    const result = await build({ PLEXUS_DIST: join(dir, 'elsewhere', 'site') }, tmpdir());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await exists(join(dir, 'elsewhere', 'site', 'index.html'))).toBe(true);
    expect((await readdir(join(dir, 'elsewhere'))).sort()).toEqual(['.site.builds', 'site']);
  }, 120_000);

  it('keeps a whole site in dist/ at every moment of a rebuild', async () => {
    const dist = join(dir, 'watched');
    expect((await build({ PLEXUS_DIST: dist })).code).toBe(0);
    const child = spawn(process.execPath, [BUILD], { cwd: dir, env: env({ PLEXUS_DIST: dist }), stdio: 'ignore' });
    const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    let running = true;
    done.then(() => {
      running = false;
    });
    let looks = 0;
    const gaps: number[] = [];
    while (running) {
      if (!(await exists(join(dist, 'index.html'))) || !(await exists(join(dist, 'registry', 'index.html')))) gaps.push(looks);
      looks++;
    }
    expect(await done).toBe(0);
    expect(looks).toBeGreaterThan(100);
    expect(gaps).toEqual([]);
  }, 120_000);

  it('takes turns: a second build in the same checkout waits for the first', async () => {
    const dist = join(dir, 'turns');
    const [a, b] = await Promise.all([build({ PLEXUS_DIST: dist }), build({ PLEXUS_DIST: dist })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(`${a.stdout}${b.stdout}`).toMatch(/Another build \(process \d+\) is running in this checkout; waiting for it to finish…/);
    expect((await readdir(dir)).filter((n) => n.startsWith('turns'))).toEqual(['turns']);
    expect(await readdir(join(dir, '.turns.builds'))).toEqual([expect.stringMatching(/^site-/)]);
  }, 180_000);

  it('builds two sites outside the checkout at once, each whole, and leaves no working folder', async () => {
    // Astro keeps the prerender bundle of a site written outside its working folder in
    // <cwd>/.astro/.prerender and deletes it when done: two such builds from one checkout
    // used to share it, and the first to finish deleted the other's.
    const workFolders = async () => (await readdir(join(ROOT, '.astro')).catch(() => [] as string[])).filter((n) => /^build-\d+$/.test(n));
    const before = await workFolders();
    const [a, b] = await Promise.all([build({ PLEXUS_DIST: join(dir, 'twin-a') }), build({ PLEXUS_DIST: join(dir, 'twin-b') })]);
    expect([a.stderr, b.stderr]).toEqual(['', '']);
    expect([a.code, b.code]).toEqual([0, 0]);
    for (const twin of ['twin-a', 'twin-b']) {
      expect(await exists(join(dir, twin, 'index.html'))).toBe(true);
      expect(await exists(join(dir, twin, 'registry', 'index.html'))).toBe(true);
    }
    // Only folders of builds running elsewhere at this moment may remain; these two removed theirs.
    const after = await workFolders();
    expect(after.filter((n) => !before.includes(n))).toEqual([]);
  }, 240_000);

  it('leaves the old site when killed, and the next build removes what the killed one left', async () => {
    const dist = join(dir, 'killed');
    expect((await build({ PLEXUS_DIST: dist })).code).toBe(0);
    const before = await readFile(join(dist, 'index.html'), 'utf8');
    const child = spawn(process.execPath, [BUILD], { cwd: dir, env: env({ PLEXUS_DIST: dist }), stdio: 'ignore' });
    // Kill it while it writes its staging folder.
    for (let i = 0; i < 20_000 && !(await readdir(join(dir, '.killed.builds')).catch(() => [])).some((n) => n.startsWith('staging-')); i++)
      await new Promise((r) => setTimeout(r, 1));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect((await readdir(dir)).filter((n) => n.startsWith('killed')).sort()).toEqual(['killed', 'killed.lock']);
    expect((await readdir(join(dir, '.killed.builds'))).sort()).toEqual([expect.stringMatching(/^site-/), expect.stringMatching(/^staging-\d+$/)]);
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toBe(before);
    const next = await build({ PLEXUS_DIST: dist });
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/Removed 1 folder\(s\) left by a build that was stopped: \.killed\.builds\/staging-\d+\./);
    expect((await readdir(dir)).filter((n) => n.startsWith('killed'))).toEqual(['killed']);
    expect(await readdir(join(dir, '.killed.builds'))).toEqual([expect.stringMatching(/^site-/)]);
  }, 180_000);

  it('fails cleanly when a page throws: no stack trace, no staging left, the old site kept', async () => {
    const dist = join(dir, 'failing');
    expect((await build({ PLEXUS_DIST: dist })).code).toBe(0);
    const broken = join(dir, 'broken-content');
    await cp(content, broken, { recursive: true });
    await writeFile(join(broken, 'ecosystem.yaml'), `${BASE['ecosystem.yaml']}mdx: true\n`);
    await writeFile(
      join(broken, 'docs', 'boom.mdx'),
      '---\ntitle: Boom\npurpose: Fails to render\nstatus: draft\nversion: 0.1.0\nauthors: [Ada]\n---\n\n{(() => { throw new Error("the page failed") })()}\n',
    );
    const result = await build({ PLEXUS_DIST: dist, PLEXUS_CONTENT: broken });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('The site build failed; failing/ is unchanged. /docs/boom: the page failed. Run again with --debug to see where.\n');
    expect(await readdir(join(dir, '.failing.builds'))).toEqual([expect.stringMatching(/^site-/)]);
    expect(await exists(join(dist, 'index.html'))).toBe(true);
  }, 120_000);

  it.each([
    [{ PLEXUS_CONTENT: join(dir, 'no-such-registry') }, `No registry folder at ${join(dir, 'no-such-registry')} (PLEXUS_CONTENT).\n`],
    [{ PLEXUS_TODAY: '2026-13-01' }, 'PLEXUS_TODAY must be a date written YYYY-MM-DD, not "2026-13-01".\n'],
    [{ PLEXUS_DIST: join(content, 'site') }, 'The site folder content/site overlaps the registry content; choose a PLEXUS_DIST outside it.\n'],
  ])('refuses bad settings with one line and exit 2: %j', async (extra, message) => {
    const result = await build({ PLEXUS_DIST: join(dir, 'unused'), ...extra });
    expect(result).toEqual({ code: 2, stdout: '', stderr: message });
    expect(await exists(join(dir, 'unused'))).toBe(false);
  });

  it('never replaces a folder it did not build', async () => {
    await mkdir(join(dir, 'mine'));
    await writeFile(join(dir, 'mine', 'notes.txt'), 'mine');
    const result = await build({ PLEXUS_DIST: join(dir, 'mine') });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'mine holds files that Plexus did not build; a build replaces only a site it built. Choose another PLEXUS_DIST, or empty the folder.\n',
    });
    expect(await readdir(join(dir, 'mine'))).toEqual(['notes.txt']);
  });
});
