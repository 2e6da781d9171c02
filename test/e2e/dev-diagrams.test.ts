// `npm run dev` never makes a page wait for a drawing: a diagram not yet drawn shows as text,
// is drawn in the background, and the page swaps it in by itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutViteEnv } from '../../scripts/clean-env.ts';
import { EXAMPLE } from '../example-model.ts';
import { launch } from './browser.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const PORT = 4900 + (process.pid % 90);
const URL_BASE = `http://127.0.0.1:${PORT}`;
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let dir = '';
let log = '';

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run dev with diagrams not drawn yet', () => {
  it('shows the text at once, draws in the background and swaps the drawing in', async () => {
    dir = await mkdtemp(join(tmpdir(), 'plexus-dev-diagrams-'));
    const content = join(dir, 'content');
    await cp(EXAMPLE, content, { recursive: true });
    server = spawn(join(ROOT, 'node_modules', '.bin', 'astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], {
      cwd: ROOT,
      // An empty cache: every diagram must be drawn.
      env: { ...withoutViteEnv(), PLEXUS_CONTENT: content, PLEXUS_CACHE: join(dir, 'cache'), PLEXUS_TODAY: '2026-11-22' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    // Wait on a page without diagrams, so nothing is drawn before the browser asks.
    const deadline = Date.now() + 60_000;
    while (
      !(await fetch(`${URL_BASE}/teams/`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`the dev server did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    // A generated view is drawn in the dev server's process as the page renders: there at once, linked.
    await page.goto(`${URL_BASE}/repositories/stripe/`);
    const view = page.locator('figure.view').first();
    expect(await view.locator('.diagram-pending').count()).toBe(0);
    expect(await view.locator('svg.plx:visible a[href="/repositories/payment-service/"]').count()).toBe(1);
    // A hand-written diagram is drawn in the background: first the text, open, with a word on what is happening…
    await page.goto(`${URL_BASE}/docs/guides/cross-app-authentication/`);
    const figure = page.locator('figure.diagram').first();
    expect(await figure.locator('.diagram-pending').textContent()).toBe('Drawing this diagram… It appears here when drawn; meanwhile, read it as text below.');
    expect(await figure.locator('details.diagram-text').getAttribute('open')).toBe('');
    // …then the drawing, without the reader doing anything.
    await figure.locator('.diagram-svg svg').waitFor({ timeout: 60_000 });
    expect(await figure.locator('.diagram-pending').count()).toBe(0);
    expect(await figure.locator('details.diagram-text').getAttribute('open')).toBeNull();
    // The full-size view is a page of the site with the drawing; the bare SVG is served from the cache the background drawing wrote.
    const fullPage = await figure.locator('.diagram-open a').getAttribute('href');
    expect(fullPage).toMatch(/^\/diagrams\/[0-9a-f]{32}\/$/);
    const page2 = await fetch(`${URL_BASE}${fullPage}`);
    expect([page2.status, /<div class="diagram-svg"><svg/.test(await page2.text())]).toEqual([200, true]);
    const full = await fetch(`${URL_BASE}${fullPage!.replace(/\/$/, '.svg')}`);
    expect([full.status, full.headers.get('content-type'), (await full.text()).startsWith('<svg')]).toEqual([200, 'image/svg+xml', true]);
    expect((await fetch(`${URL_BASE}/diagrams/${'0'.repeat(32)}.svg`)).status).toBe(404);
    expect(log).toMatch(/\[plexus\] Hand-written diagrams: \d+ drawn in the background in \d+ ms\./);

    // A rename: the page shows the new name at once, in its heading and in its diagram.
    await page.goto(`${URL_BASE}/repositories/stripe/`);
    const file = join(content, 'repositories', 'stripe.yaml');
    const saved = performance.now();
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: Stripe\n', 'name: Stripe Payments Ltd\n'));
    await page.locator('h1', { hasText: 'Stripe Payments Ltd' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelector('figure.view svg.plx')?.textContent?.includes('Stripe Payments Ltd'), null, { timeout: 30_000 });
    console.log(`[dev] a renamed repository's diagram visible ${Math.round(performance.now() - saved)} ms after the save`);
  }, 180_000);
});
