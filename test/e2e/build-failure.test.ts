// A registry with errors fails the build with check's diagnostics, and a page that throws fails
// it with one line and no stack (unless --debug); either way dist/ stays as it was.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE } from '../example-model.ts';
import { BASE } from '../registry-fixture.ts';
import { withoutViteEnv } from '../../scripts/clean-env.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = await mkdtemp(join(tmpdir(), 'plexus-fail-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run build on a broken registry', () => {
  it('exits 1 with the diagnostics and leaves the previous dist/ untouched', async () => {
    await cp(EXAMPLE, join(dir, 'content'), { recursive: true });
    const file = join(dir, 'content', 'integrations', 'stripe-payments.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('provider: stripe', 'provider: strip'));
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'index.html'), 'the previous site');
    await writeFile(join(dir, 'dist', '.plexus-site'), ''); // a site an earlier build wrote
    const env = withoutViteEnv();
    const result = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
      cwd: dir,
      env: { ...env, PLEXUS_CONTENT: join(dir, 'content'), PLEXUS_DIST: join(dir, 'dist'), PLEXUS_TODAY: '2026-11-22' },
    }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('content/integrations/stripe-payments.yaml:3:11 error PLX012 Unknown repository "strip". Did you mean "stripe"?');
    expect(result.stderr).toBe('The registry in content has errors; the site was not built and dist/ is unchanged.\n');
    expect((await readdir(join(dir, 'dist'))).sort()).toEqual(['.plexus-site', 'index.html']);
    expect(await readFile(join(dir, 'dist', 'index.html'), 'utf8')).toBe('the previous site');
  }, 60_000);
});

describe('a page that throws while the site is built', () => {
  const site = join(dir, 'throwing');
  const content = join(site, 'content');
  beforeAll(async () => {
    for (const [path, text] of Object.entries({ ...BASE, 'ecosystem.yaml': `${BASE['ecosystem.yaml']}mdx: true\n` })) {
      await mkdir(dirname(join(content, path)), { recursive: true });
      await writeFile(join(content, path), text);
    }
    // Thrown inside Array.map, so the stack holds a frame with no file: `at Array.map (<anonymous>)`.
    await writeFile(
      join(content, 'docs', 'boom.mdx'),
      '---\ntitle: Boom\npurpose: Fails to render\nstatus: draft\nversion: 0.1.0\nauthors: [Ada]\n---\n\n{[1].map(() => { throw new RangeError("Invalid string length") })}\n',
    );
    await mkdir(join(site, 'dist'));
    await writeFile(join(site, 'dist', 'index.html'), 'the previous site');
    await writeFile(join(site, 'dist', '.plexus-site'), '');
  });
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, args, {
      cwd: site,
      env: {
        ...withoutViteEnv(),
        PLEXUS_CONTENT: content,
        PLEXUS_DIST: join(site, 'dist'),
        PLEXUS_TODAY: '2026-11-22',
        PLEXUS_QUIET: '1',
        PLEXUS_CHROMIUM: 'none',
      },
      maxBuffer: 64 << 20,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );

  it('prints one line, exits 1, and leaves dist/ as it was with no staging folder', async () => {
    const result = await run([join(ROOT, 'scripts', 'build.ts')]);
    expect(result).toEqual({
      code: 1,
      stderr: 'The site build failed; dist/ is unchanged. /docs/boom: RangeError: Invalid string length. Run again with --debug to see where.\n',
    });
    expect(await readFile(join(site, 'dist', 'index.html'), 'utf8')).toBe('the previous site');
    expect(await readdir(join(site, '.dist.builds'))).toEqual([]);
  }, 120_000);

  it('shows the stack with plexus build --debug', async () => {
    const result = await run([join(ROOT, 'bin', 'plexus.ts'), 'build', '--debug']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The site build failed; dist/ is unchanged. /docs/boom: RangeError: Invalid string length.\n');
    expect(result.stderr).toMatch(/\n\s+at Array\.map \(<anonymous>\)/);
    expect(await readdir(join(site, '.dist.builds'))).toEqual([]);
  }, 120_000);
});
