// "Open full size" on a hand-written mermaid diagram opens a page of the site (issue 24): the
// drawing inline (so whatever it links is a live link), the site's dark mode, a way back to the
// document; the bare SVG stays published beside it. It is drawn once, in the site's palette as custom
// properties, so dark mode recolours it with no filter.
import { execFile } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutViteEnv } from '../../scripts/clean-env.ts';
import { launch } from './browser.ts';
import { serve } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BASE = '/drawn-e2e/';
let work = '';
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plexus-drawn-'));
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: {
      ...withoutViteEnv(),
      BASE_PATH: BASE,
      PLEXUS_DIST: join(work, 'dist'),
      PLEXUS_CACHE: join(work, 'cache'),
      PLEXUS_TODAY: '2026-11-22',
      PLEXUS_QUIET: '1',
    },
    maxBuffer: 64 << 20,
  });
  site = await serve(join(work, 'dist'), BASE);
  browser = await launch();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  site?.server.close();
  await rm(work, { recursive: true, force: true });
});

describe('a hand-written diagram, full size', () => {
  it('is a page of the site with the drawing, dark mode and a way back', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}docs/guides/cross-app-authentication/`, { waitUntil: 'load' });
    const full = await page.locator('figure.diagram .diagram-open a').first().getAttribute('href');
    expect(full).toMatch(/^\/drawn-e2e\/diagrams\/[0-9a-f]{32}\/$/);
    await page.goto(new URL(full!, site.url).href, { waitUntil: 'load' });
    expect(await page.locator('h1').textContent()).toBe('Diagram in Cross-App Authentication Guide');
    expect(await page.locator('.view-back a').getAttribute('href')).toBe(`${BASE}docs/guides/cross-app-authentication/`);
    expect(await page.locator('nav a', { hasText: 'Cross-App Authentication Guide' }).count()).toBeGreaterThan(0);
    const svg = page.locator('.diagram-full .diagram-svg svg');
    expect(await svg.count()).toBe(1);
    expect(await svg.evaluate((el) => [...el.querySelectorAll('text')].map((t) => t.textContent).join(' '))).toContain('Open box office');
    // No second "full size" link on the full-size page.
    expect(await page.locator('.diagram-open').count()).toBe(0);
    // The bare drawing is still published beside its page.
    const bare = full!.replace(/\/$/, '.svg');
    await access(join(work, 'dist', bare.slice(BASE.length)));
    expect(site.missing).toEqual([]);
    await context.close();
  }, 60_000);

  it("is drawn once in the site's palette: dark mode recolours it through the custom properties, with no filter", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}docs/guides/cross-app-authentication/`, { waitUntil: 'load' });
    const full = await page.locator('figure.diagram .diagram-open a').first().getAttribute('href');
    // An actor's box, a message and the drawing's filter, as the reader's browser paints them.
    const look = (svg: string) =>
      page.locator(svg).evaluate((el) => ({
        filter: getComputedStyle(el).filter,
        box: getComputedStyle(el.querySelector('rect.actor')!).fill,
        message: getComputedStyle(el.querySelector('text.messageText')!).fill,
      }));
    const LIGHT = { filter: 'none', box: 'rgb(232, 237, 255)', message: 'rgb(27, 35, 51)' };
    const DARK = { filter: 'none', box: 'rgb(31, 42, 74)', message: 'rgb(230, 233, 242)' };
    for (const [url, svg] of [
      [page.url(), 'figure.diagram .diagram-svg svg'],
      [new URL(full!, site.url).href, '.diagram-full .diagram-svg svg'],
    ] as const) {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(url, { waitUntil: 'load' });
      expect(await page.locator(svg).evaluate((el) => el.querySelector('style')!.textContent)).toContain('fill:var(--k-service, #e8edff)');
      expect(await look(svg)).toEqual(LIGHT);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await look(svg)).toEqual(DARK);
      await page.getByRole('button', { name: 'Toggle dark mode' }).click();
      expect(await look(svg)).toEqual(LIGHT);
      await page.getByRole('button', { name: 'Toggle dark mode' }).click();
      expect(await look(svg)).toEqual(DARK);
      await page.evaluate(() => localStorage.clear());
    }
    expect(site.missing).toEqual([]);
    // The bare SVG, with no site around it, keeps the light look through the fallbacks, in dark mode too.
    await page.goto(new URL(full!.replace(/\/$/, '.svg'), site.url).href, { waitUntil: 'load' });
    expect(await look('svg')).toEqual(LIGHT);
    await context.close();
  }, 60_000);

  it('opens on a phone fitted to the width, the whole drawing in view, with or without JavaScript, and zooms in', async () => {
    const home = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const doc = await home.newPage();
    await doc.goto(`${site.url}docs/guides/cross-app-authentication/`, { waitUntil: 'load' });
    const full = await doc.locator('figure.diagram .diagram-open a').first().getAttribute('href');
    await home.close();
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(new URL(full!, site.url).href, { waitUntil: 'load' });
      const measure = () =>
        page.locator('.diagram-full .diagram-canvas').evaluate((canvas) => {
          const svg = canvas.querySelector('.diagram-svg svg') as SVGSVGElement;
          const box = canvas.getBoundingClientRect();
          const r = svg.getBoundingClientRect();
          return {
            sideways: canvas.scrollWidth - canvas.clientWidth,
            width: Math.round(r.width) === canvas.clientWidth,
            inside: r.left >= box.left && r.right <= box.right,
            scale: Math.round((canvas.clientWidth / svg.viewBox.baseVal.width) * 100),
            label: canvas.parentElement!.querySelector('.diagram-zoom span')?.textContent ?? null,
            page: document.documentElement.scrollWidth,
          };
        });
      const seen = await measure();
      expect(seen.scale).toBeLessThan(100);
      expect(seen).toEqual({ sideways: 0, width: true, inside: true, scale: seen.scale, label: javaScriptEnabled ? `${seen.scale}%` : null, page: 390 });
      if (javaScriptEnabled) {
        await page.getByRole('button', { name: 'Zoom in' }).click();
        expect((await measure()).sideways).toBeGreaterThan(0);
      }
      await context.close();
    }
  }, 60_000);
});
