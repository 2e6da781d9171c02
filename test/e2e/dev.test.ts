// `npm run dev` against a registry elsewhere: pages reflect a YAML edit without a restart, and
// the registry's public/ files are served.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE } from '../example-model.ts';
import { withoutViteEnv } from '../../scripts/clean-env.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PORT = 4300 + (process.pid % 500);
let server: ChildProcess | undefined;
let dir = '';
let log = '';

afterAll(async () => {
  server?.kill('SIGTERM');
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function page(path: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${PORT}${path}`).catch(() => undefined);
  return response?.ok ? response.text() : '';
}

async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; dev server said:\n${log}`);
}

describe('npm run dev', () => {
  it('serves PLEXUS_CONTENT and re-reads it when a YAML file changes', async () => {
    dir = await mkdtemp(join(tmpdir(), 'plexus-dev-'));
    await cp(EXAMPLE, dir, { recursive: true });
    const env = withoutViteEnv();
    server = spawn(join(ROOT, 'node_modules', '.bin', 'astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: { ...env, PLEXUS_CONTENT: dir, PLEXUS_TODAY: '2026-11-22' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => {
      log += d;
    });
    server.stderr!.on('data', (d) => {
      log += d;
    });
    await until(async () => (await page('/repositories/stripe/')).includes('>Stripe'), 'the first page');
    // The registry's public/ files are served as the build publishes them, read on each request.
    await mkdir(join(dir, 'public'));
    await writeFile(join(dir, 'public', 'brand.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const logo = await fetch(`http://127.0.0.1:${PORT}/brand.svg`);
    expect([logo.status, logo.headers.get('content-type'), await logo.text()]).toEqual([200, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>']);
    expect((await fetch(`http://127.0.0.1:${PORT}/nothing.svg`)).status).toBe(404);
    const file = join(dir, 'repositories', 'stripe.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: Stripe\n', 'name: Stripe Payments Ltd\n'));
    await until(async () => (await page('/repositories/stripe/')).includes('Stripe Payments Ltd'), 'the edit to show');
    // A mistake: every page becomes the list of errors, as check prints them; the fix brings the site back.
    const broken = (await readFile(file, 'utf8')).replace('kind: external', 'kind: externall');
    await writeFile(file, broken);
    let errorPage = '';
    await until(async () => {
      const response = await fetch(`http://127.0.0.1:${PORT}/repositories/stripe/`, { headers: { accept: 'text/html' } }).catch(() => undefined);
      errorPage = response && response.status === 500 ? await response.text() : '';
      return errorPage.includes('The registry has errors');
    }, 'the error page');
    expect(errorPage).toContain('repositories/stripe.yaml:');
    expect(errorPage).toContain('error PLX013 &#34;externall&#34; is not a valid &#34;kind&#34;. Did you mean &#34;external&#34;?');
    expect(errorPage).toContain('/@vite/client');
    await writeFile(file, broken.replace('kind: externall', 'kind: external'));
    await until(async () => (await page('/repositories/stripe/')).includes('Stripe Payments Ltd'), 'the site to come back');
    expect(log.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')).toContain('[plexus-content-watch] 0 errors, 1 warning in 76 files.');
  }, 120_000);
});
