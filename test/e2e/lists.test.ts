// Issue 25: lists that scale. The integration, repository and event lists of a 1,000-integration
// registry, as a reader uses them: static pages of 100 rows without JavaScript (the filter pages
// too), and with it a filter, a sort on every column (on a phone's cards, from the form) and
// paging that follow the address.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegistry } from '../../bench/registry.ts';
import { withoutViteEnv } from '../../scripts/clean-env.ts';
import { naturalSorted } from '../../src/render/sort.ts';
import { launch } from './browser.ts';
import { serve } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BASE = '/lists/';
let temp: string;
let dist: string;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let titles: string[];

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'plexus-lists-'));
  await writeRegistry(1000, join(temp, 'registry'));
  dist = join(temp, 'dist');
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: {
      ...withoutViteEnv(),
      BASE_PATH: BASE,
      PLEXUS_CONTENT: join(temp, 'registry'),
      PLEXUS_DIST: dist,
      PLEXUS_CHROMIUM: 'none',
      PLEXUS_CACHE: join(temp, 'cache'),
      PLEXUS_TODAY: '2026-11-22',
      PLEXUS_QUIET: '1',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  site = await serve(dist, BASE);
  browser = await launch();
  titles = (JSON.parse(await readFile(join(dist, 'integrations', 'list.json'), 'utf8')) as { t: [string, string] }[]).map((r) => r.t[0]);
}, 900_000);

afterAll(async () => {
  await browser?.close();
  site?.server.close();
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('the integration list at 1,000 integrations', () => {
  it('is static pages of 100 rows in natural order, without JavaScript, and a bounded number of them', async () => {
    expect(titles.length).toBeGreaterThanOrEqual(950);
    expect(titles).toEqual(naturalSorted(titles));
    const pageCount = Math.ceil(titles.length / 100);
    expect((await readdir(join(dist, 'integrations', 'page'))).length).toBe(pageCount - 1);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}integrations/`);
    const firstColumn = () => page.locator('#list-table tbody tr td:first-child').allTextContents();
    expect(await firstColumn()).toEqual(titles.slice(0, 100));
    expect(await page.locator('#list-controls').isVisible()).toBe(false);
    expect(await page.locator('.list-static .filters').isVisible()).toBe(true);
    await page.locator('#list-pager a', { hasText: /^2$/ }).click();
    await page.waitForURL(/integrations\/page\/2\/$/);
    expect(await firstColumn()).toEqual(titles.slice(100, 200));
    expect(await page.locator('#list-pager [aria-current="page"]').textContent()).toBe('2');
    await context.close();
  }, 120_000);

  it('filters, sorts by any column and pages with JavaScript, and keeps the view in the address', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${site.url}integrations/`, { waitUntil: 'load' });
    const rows = () =>
      page.locator('#list-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    // Sort by owner: ascending, then descending, in natural order.
    await page.locator('th[data-key="on"] button').click();
    await expect.poll(() => page.locator('th[data-key="on"]').getAttribute('aria-sort'), { timeout: 15_000 }).toBe('ascending');
    let owners = (await rows()).map((r) => r[4]!);
    expect(owners).toEqual(naturalSorted(owners));
    expect(owners[0]).toBe('Team 0');
    await page.locator('th[data-key="on"] button').click();
    await expect.poll(() => page.locator('th[data-key="on"]').getAttribute('aria-sort'), { timeout: 15_000 }).toBe('descending');
    owners = (await rows()).map((r) => r[4]!);
    expect(owners).toEqual(naturalSorted(owners).reverse());
    expect(page.url()).toContain('sort=-on');
    // Filter by type and text: every row matches, and the count says how many.
    await page.selectOption('#list-controls select[name="type"]', 'rest');
    await page.fill('#list-controls input[name="q"]', 'Integration 1');
    await expect.poll(async () => (await rows()).every((r) => r[3] === 'REST API' && /integration 1/i.test(r.join(' '))), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('#list-count').textContent()).toMatch(/integrations?, by owner, descending\.$|of \d+, by owner, descending\.$/);
    // Paging follows the filter and the sort: with the type filter kept, then without it.
    await page.fill('#list-controls input[name="q"]', '');
    expect(await page.locator('#list-count').textContent()).toMatch(/by owner, descending\.$/);
    await page.selectOption('#list-controls select[name="type"]', '');
    await expect.poll(() => page.locator('#list-pager a').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    await page.locator('#list-pager a', { hasText: /^2$/ }).click();
    await expect.poll(() => page.locator('#list-pager [aria-current="page"]').textContent(), { timeout: 15_000 }).toBe('2');
    expect(page.url()).toMatch(/page=2/);
    expect(page.url()).toMatch(/sort=-on/);
    const second = await rows();
    expect(second.map((r) => r[4]!)).toEqual(naturalSorted(second.map((r) => r[4]!)).reverse());
    const secondTitles = second.map((r) => r[0]).join('|');
    // The address brings the same view back.
    await page.goto(page.url(), { waitUntil: 'load' });
    await expect.poll(async () => (await rows()).map((r) => r[0]).join('|'), { timeout: 15_000 }).toBe(secondTitles);
    expect(await page.locator('#list-pager [aria-current="page"]').textContent()).toBe('2');
    expect(await page.locator('th[data-key="on"]').getAttribute('aria-sort')).toBe('descending');
    // With a filter in the address, the form shows it.
    await page.goto(`${site.url}integrations/?type=rest`, { waitUntil: 'load' });
    await expect.poll(async () => (await rows()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect((await rows()).every((r) => r[3] === 'REST API')).toBe(true);
    expect(await page.locator('#list-controls select[name="type"]').inputValue()).toBe('rest');
    await page.close();
  }, 120_000);

  it('keeps the list page light', async () => {
    const { gzipSync } = await import('node:zlib');
    const bytes = gzipSync(await readFile(join(dist, 'integrations', 'index.html'))).length;
    expect(bytes).toBeLessThan(30 * 1024);
  });
});

type Row = Record<string, unknown>;
const listJson = async (kind: string) => JSON.parse(await readFile(join(dist, kind, 'list.json'), 'utf8')) as Row[];
const cellRows = (page: import('playwright-core').Page) =>
  page.locator('#list-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));

describe('the repository and event lists, and the filter pages, at 1,000 integrations', () => {
  it.each([
    ['repositories', 'n'],
    ['events', 'e'],
  ])(
    '/%s/ is static pages of 100 rows in natural order without JavaScript',
    async (kind, key) => {
      const names = (await listJson(kind)).map((r) => (r[key] as [string, string])[0]);
      expect(names.length).toBeGreaterThan(100);
      expect(names).toEqual(naturalSorted(names));
      expect((await readdir(join(dist, kind, 'page'))).length).toBe(Math.ceil(names.length / 100) - 1);
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${site.url}${kind}/`);
      expect((await cellRows(page)).map((r) => r[0])).toEqual(names.slice(0, 100));
      expect(await page.locator('#list-count').textContent()).toBe(
        `${kind[0]!.toUpperCase()}${kind.slice(1)} 1–100 of ${names.length}, by ${kind === 'events' ? 'event' : 'repository'}.`,
      );
      expect(await page.locator('#list-controls').isVisible()).toBe(false);
      await page.locator('#list-pager a', { hasText: /^2$/ }).click();
      await page.waitForURL(new RegExp(`${kind}/page/2/$`));
      expect((await cellRows(page)).map((r) => r[0])).toEqual(names.slice(100, 200));
      await context.close();
    },
    120_000,
  );

  it('pages a filter page statically: /integrations/status/production/page/2/ holds its rows 101–200', async () => {
    const rows = await listJson('integrations');
    const production = rows.filter((r) => r.s === 'production').map((r) => (r.t as [string, string])[0]);
    expect(production.length).toBeGreaterThan(200);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}integrations/status/production/`);
    expect((await cellRows(page)).map((r) => r[0])).toEqual(production.slice(0, 100));
    expect(await page.locator('#list-pager a', { hasText: /^2$/ }).getAttribute('href')).toBe(`${BASE}integrations/status/production/page/2/`);
    await page.locator('#list-pager a', { hasText: /^2$/ }).click();
    await page.waitForURL(/integrations\/status\/production\/page\/2\/$/);
    expect((await cellRows(page)).map((r) => r[0])).toEqual(production.slice(100, 200));
    expect(await page.locator('#list-count').textContent()).toBe(`Integrations 101–200 of ${production.length}, by integration.`);
    expect(await page.locator('h1').textContent()).toBe('Integrations · status Production · page 2');
    await context.close();
  }, 120_000);

  it('filters repositories by team and sorts a number column with JavaScript, in the address', async () => {
    const rows = await listJson('repositories');
    const team1 = rows.filter((r) => r.o === 'team-1');
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${site.url}repositories/`, { waitUntil: 'load' });
    await page.selectOption('#list-controls select[name="owner"]', 'team-1');
    await page.locator('th[data-key="pv"] button').click();
    await page.locator('th[data-key="pv"] button').click();
    await expect.poll(() => page.locator('th[data-key="pv"]').getAttribute('aria-sort'), { timeout: 15_000 }).toBe('descending');
    const shown = await cellRows(page);
    expect(shown.length).toBe(Math.min(100, team1.length));
    expect(new Set(shown.map((r) => r[3]))).toEqual(new Set(['Team 1']));
    const provides = shown.map((r) => Number(r[4]));
    expect(provides).toEqual([...provides].sort((a, b) => b - a));
    expect(provides[0]).toBe(Math.max(...team1.map((r) => r.pv as number)));
    expect(await page.locator('#list-count').textContent()).toBe(`${team1.length} repositories, by provides, descending.`);
    expect(page.url()).toBe(`${site.url}repositories/?owner=team-1&sort=-pv`);
    await page.close();
  }, 120_000);

  it("filters events by owner (any producer's team) and text with JavaScript", async () => {
    const rows = await listJson('events');
    const owned = rows.filter((r) => (r.o as string[]).includes('team-0'));
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${site.url}events/?owner=team-0`, { waitUntil: 'load' });
    await expect.poll(() => page.locator('#list-count').textContent(), { timeout: 15_000 }).toBe(`${owned.length} events, by event.`);
    expect((await cellRows(page)).map((r) => r[0])).toEqual(owned.map((r) => (r.e as [string, string])[0]).slice(0, 100));
    const first = (owned[0]!.e as [string, string])[0];
    await page.fill('#list-controls input[name="q"]', first);
    await expect.poll(async () => (await cellRows(page)).map((r) => r[0])[0], { timeout: 15_000 }).toBe(first);
    expect((await cellRows(page)).every((r) => r.join(' ').toLowerCase().includes(first.toLowerCase()))).toBe(true);
    await page.close();
  }, 120_000);

  it('sorts from the form on a phone, where the rows are cards and their headers hidden', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}integrations/`, { waitUntil: 'load' });
    // The header row is there for screen readers only: a 1 px clipped box.
    expect(await page.locator('#list-table thead').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    const sort = page.locator('#list-controls select[name="sort"]');
    expect(await sort.isVisible()).toBe(true);
    await sort.selectOption('-on');
    await expect.poll(() => page.locator('th[data-key="on"]').getAttribute('aria-sort'), { timeout: 15_000 }).toBe('descending');
    const owners = (await cellRows(page)).map((r) => r[4]!);
    expect(owners).toEqual(naturalSorted(owners).reverse());
    expect(page.url()).toBe(`${site.url}integrations/?sort=-on`);
    await page.setViewportSize({ width: 1366, height: 900 });
    expect(await sort.isVisible()).toBe(false);
    await page.close();
  }, 120_000);
});

describe('the system integrations page at 1,000 integrations', () => {
  it('is split by domain, each part linked, paged by 50 and holding exactly its integrations', async () => {
    const rows = await listJson('integrations');
    const home = await readFile(join(dist, 'system', 'index.html'), 'utf8');
    expect(home).not.toContain('data-label="Integration"');
    const parts = [...home.matchAll(/<td data-label="Domain"><a href="([^"]+)">([^<]+)<\/a><\/td><td data-label="Integrations">(\d+)<\/td>/g)].map((m) => ({
      href: m[1]!,
      label: m[2]!,
      count: Number(m[3]),
    }));
    // Every part is a domain: the heading says so once, with no Kind column repeating it.
    expect(home).toContain('<th scope="col">Domain</th><th scope="col">Integrations</th>');
    expect(home).not.toContain('data-label="Kind"');
    const domains = [...new Set(rows.map((r) => r.d as string))].sort();
    expect(parts.map((p) => p.label).sort()).toEqual(domains);
    expect(parts.every((p) => p.href === `${BASE}system/domain/${p.label}/`)).toBe(true);
    expect(parts.reduce((n, p) => n + p.count, 0)).toBe(rows.length);
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${site.url}system/`);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);
    for (const part of parts) {
      const expected = rows.filter((r) => r.d === part.label).map((r) => `${BASE}${(r.t as [string, string])[1].slice(1)}`);
      expect(part.count).toBe(expected.length);
      const held: string[] = [];
      for (let n = 1; n <= Math.ceil(part.count / 50); n++) {
        const path = join(dist, 'system', 'domain', part.label, ...(n > 1 ? ['page', String(n)] : []), 'index.html');
        const html = await readFile(path, 'utf8');
        // Each integration once: its connection settings and health rows name it again.
        const links = [...new Set([...html.matchAll(/<td data-label="Integration"><a href="([^"]+)">/g)].map((m) => m[1]!))];
        expect(links.length).toBeLessThanOrEqual(50);
        held.push(...links);
      }
      expect(held.sort()).toEqual(expected.sort());
      await page.goto(`${site.url}system/domain/${part.label}/`);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(10_000);
    }
    await context.close();
  }, 120_000);
});

describe('the pages lists and big pages add, for axe', () => {
  it('have no serious or critical accessibility violation at 1366 light and 390 dark', async () => {
    const { createRequire } = await import('node:module');
    const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    for (const path of ['system/', 'system/domain/logistics/page/2/', 'repositories/', 'events/page/2/', 'integrations/status/production/page/2/']) {
      for (const [width, colorScheme] of [
        [1366, 'light'],
        [390, 'dark'],
      ] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
        await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const result = await (
            window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
          ).axe.run();
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
        });
        found.push(...violations.map((v) => `${path} at ${width}, ${colorScheme}: ${v}`));
        await page.close();
      }
    }
    expect(found).toEqual([]);
  }, 180_000);
});
