// A registry with errors fails the build with check's diagnostics and leaves dist/ as it was.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE } from '../example-model.ts';
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
