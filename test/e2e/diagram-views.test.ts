// Diagrams drawn in Node (issue 24): a registry without hand-written mermaid builds without
// launching a browser, and every view stays readable whole on a laptop and a phone, on the
// bookshop (systems within domains) and on generated registries of 300 and 1,000 integrations.
import { execFile } from 'node:child_process';
import { access, chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegistry } from '../../bench/registry.ts';
import { withoutViteEnv } from '../../scripts/clean-env.ts';
import { launch } from './browser.ts';
import { readableViews } from './readable.ts';
import { pagesWithViews, pageType, samplePerType } from './readable-pages.ts';
import { serve } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BASE = '/views-e2e/';
let work = '';
let browser: Browser;

async function build(content: string, name: string, env: Record<string, string> = {}) {
  const dist = join(work, name, 'dist');
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: {
      ...withoutViteEnv(),
      PLEXUS_CONTENT: content,
      PLEXUS_DIST: dist,
      PLEXUS_CACHE: join(work, name, 'cache'),
      PLEXUS_TODAY: '2026-11-22',
      PLEXUS_QUIET: '1',
      BASE_PATH: BASE,
      ...env,
    },
    maxBuffer: 256 << 20,
  });
  return { dist, stdout };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'plexus-views-'));
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

describe('the bookshop, with a Chromium that must not be launched', () => {
  let dist = '';
  let stdout = '';
  const marker = () => join(work, 'chromium-was-launched');
  beforeAll(async () => {
    // A stand-in for Chromium that leaves a mark if anything starts it.
    const fake = join(work, 'fake-chromium');
    await writeFile(fake, `#!/bin/sh\ntouch '${marker()}'\nexit 1\n`);
    await chmod(fake, 0o755);
    ({ dist, stdout } = await build(join(ROOT, 'test', 'fixtures', 'bookshop'), 'bookshop', { PLEXUS_CHROMIUM: fake }));
  }, 240_000);

  it('builds with every diagram drawn and no browser launched', async () => {
    expect(stdout).toMatch(/\[plexus\] Hand-written diagrams: 0 drawings, /);
    await expect(access(marker())).rejects.toThrow();
    const home = await readFile(join(dist, 'index.html'), 'utf8');
    expect(home).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="plx"');
    expect(home).toContain(`<a href="${BASE}systems/payments/">`);
    expect(await readFile(join(dist, 'map', 'repository', 'cart-service', 'index.html'), 'utf8')).toContain('class="view-text"');
  });

  it('shows every view whole on a laptop and a phone', async () => {
    const site = await serve(dist, BASE);
    try {
      expect(
        await readableViews(browser, site.url, [
          '',
          'map/',
          'systems/payments/',
          'systems/domain/commerce/',
          'repositories/cart-service/',
          'map/repository/web-frontend/',
        ]),
      ).toEqual([]);
    } finally {
      site.server.close();
    }
  }, 120_000);

  it("a view page's text fits a phone: each row a card naming its cells, nothing scrolls sideways", async () => {
    const site = await serve(dist, BASE);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await context.newPage();
      for (const path of ['map/repository/cart-service/', 'map/']) {
        await page.goto(site.url + path, { waitUntil: 'load' });
        const seen = await page.evaluate(() => {
          const wrap = document.querySelector('.view-text .table-wrap') as HTMLElement;
          const rows = [...wrap.querySelectorAll('tbody tr')];
          const first = [...rows[0]!.querySelectorAll('td')];
          return {
            page: document.documentElement.scrollWidth,
            wrap: wrap.scrollWidth - wrap.clientWidth,
            rowsPastTheScreen: rows.filter((r) => r.getBoundingClientRect().right > 390).length,
            cardsDisplayed: rows.every((r) => getComputedStyle(r).display === 'block'),
            labels: first.map((td) => getComputedStyle(td, '::before').content),
            // A card is as tall as its four cells, no row stretched by a neighbour's long cell.
            stretched: rows.filter((r) => {
              const cells = [...r.querySelectorAll('td')].reduce((h, td) => h + td.getBoundingClientRect().height, 0);
              return r.getBoundingClientRect().height > cells + 20;
            }).length,
          };
        });
        expect({ path, ...seen }).toEqual({
          path,
          page: 390,
          wrap: 0,
          rowsPastTheScreen: 0,
          cardsDisplayed: true,
          labels: ['"Who"', '"Does"', '"To or with"', '"Integrations"'],
          stretched: 0,
        });
      }
    } finally {
      await context.close();
      site.server.close();
    }
  }, 60_000);
});

describe('a generated registry of 300 integrations', () => {
  let dist = '';
  beforeAll(async () => {
    const content = join(work, 'syn300-content');
    await writeRegistry(300, content);
    ({ dist } = await build(content, 'syn300'));
  }, 300_000);

  it('shows the landscape, the areas and repository neighbourhoods whole on a laptop and a phone (as a table or a list where too dense to draw)', async () => {
    const site = await serve(dist, BASE);
    try {
      const home = await readFile(join(dist, 'index.html'), 'utf8');
      const areas = [...new Set([...home.matchAll(/href="\/views-e2e\/(map\/[a-z]+\/[^"#/]+\/)"/g)].map((m) => m[1]!))].slice(0, 3);
      const repositories = [...new Set([...home.matchAll(/href="\/views-e2e\/(repositories\/[^"#/]+\/)"/g)].map((m) => m[1]!))];
      const some = (await readFile(join(dist, 'repositories', 'index.html'), 'utf8')).matchAll(/href="\/views-e2e\/(repositories\/[^"#/]+\/)"/g);
      const pages = ['', 'map/', ...areas, ...repositories, ...[...new Set([...some].map((m) => m[1]!))].slice(0, 6)];
      expect(pages.length).toBeGreaterThan(6);
      expect(await readableViews(browser, site.url, pages)).toEqual([]);
    } finally {
      site.server.close();
    }
  }, 240_000);
});

describe('a generated registry of 1,000 integrations', () => {
  let dist = '';
  beforeAll(async () => {
    const content = join(work, 'syn1000-content');
    await writeRegistry(1000, content);
    ({ dist } = await build(content, 'syn1000'));
  }, 300_000);

  // All 1,077 pages with a view at both widths take ~4 min here; a sample of every page type
  // does: each page of a type with up to 20 (the landscape, the system page, the 8 domains), and
  // of the larger types (repositories, events and their map views) the 12 largest and 8 more.
  it('shows every page type whole on a laptop and a phone, on a sample of 20 pages a type', async () => {
    const all = await pagesWithViews(dist);
    const pages = await samplePerType(dist, all, 20, 12);
    const count = (list: readonly string[]) => Object.fromEntries([...Map.groupBy(list, pageType)].map(([t, l]) => [t, l.length]));
    expect(count(all)).toEqual({ '': 1, events: 200, 'map/': 1, 'map/domain': 8, 'map/event': 200, 'map/repository': 333, repositories: 333, system: 1 });
    expect(count(pages)).toEqual({ '': 1, events: 20, 'map/': 1, 'map/domain': 8, 'map/event': 20, 'map/repository': 20, repositories: 20, system: 1 });
    const site = await serve(dist, BASE);
    try {
      expect(await readableViews(browser, site.url, pages)).toEqual([]);
    } finally {
      site.server.close();
    }
  }, 300_000);
});
