// The built site as a reader sees it: built under a GitHub Pages base path, served on loopback,
// visited page by page in headless Chromium.
import { execFile } from 'node:child_process';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.ts';
import { serve } from './static-server.ts';
import { withoutViteEnv } from '../../scripts/clean-env.ts';
import { readableViews } from './readable.ts';
import { PAGE_TYPES } from './page-types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BASE = '/plexus-e2e/';
let dist: string;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let buildOutput = '';
const temps: string[] = [];

/** Builds the example site into a fresh folder, as `npm run build` would with these variables. */
async function buildSite(extra: Record<string, string> = {}): Promise<{ dir: string; stdout: string }> {
  const dir = join(await mkdtemp(join(tmpdir(), 'plexus-site-')), 'dist');
  temps.push(join(dir, '..'));
  const env = withoutViteEnv();
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: { ...env, BASE_PATH: BASE, SITE_URL: 'https://eventful.github.io', PLEXUS_DIST: dir, PLEXUS_TODAY: '2026-11-22', PLEXUS_QUIET: '1', ...extra },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { dir, stdout };
}

beforeAll(async () => {
  ({ dir: dist, stdout: buildOutput } = await buildSite());
  site = await serve(dist, BASE);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  site?.server.close();
  await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
});

async function htmlPages(): Promise<string[]> {
  const files = await readdir(dist, { recursive: true });
  return files
    .filter((f) => f.endsWith('.html') && f !== '404.html')
    .map((f) => f.replace(/index\.html$/, ''))
    .sort();
}

async function open(path: string): Promise<{ page: Page; errors: string[]; scripts: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(site.url + path, { waitUntil: 'load' });
  return { page, errors, scripts };
}

describe('the built site', () => {
  it('checks the registry before building', () => {
    expect(buildOutput).toContain('0 errors, 1 warning in 76 files.');
    // ...and the pages use the registry as checked rather than reading it a second time.
    expect(buildOutput).toMatch(/\[plexus\] Registry: 76 files as checked; 52 documents rendered in \d+ ms\./);
  });

  it('visits every page without console errors, broken links or missing assets', async () => {
    const pages = await htmlPages();
    expect(pages.length).toBeGreaterThan(90);
    const errors: string[] = [];
    const links = new Set<string>();
    for (const path of pages) {
      const { page, errors: pageErrors } = await open(path);
      errors.push(...pageErrors);
      for (const href of await page.$$eval('a[href], link[href]', (els) => els.map((e) => new URL(e.getAttribute('href')!, location.href).href)))
        links.add(href.split('#')[0]!);
      await page.close();
    }
    for (const link of [...links].filter((l) => l.startsWith(site.url.replace(BASE, '/')))) {
      const response = await fetch(link);
      if (!response.ok) errors.push(`broken link ${link}`);
    }
    expect(errors).toEqual([]);
    expect(site.missing.filter((m) => !m.startsWith(`${BASE}pagefind/`))).toEqual([]);
    expect([...links].filter((l) => l.includes('127.0.0.1') && !l.includes(BASE))).toEqual([]);
  }, 240_000);

  it('finds a page by search, loaded on demand, under the base path', async () => {
    const { page, scripts } = await open('');
    expect(scripts.filter((s) => s.includes('pagefind'))).toEqual([]);
    await page.click('#search input');
    await page.keyboard.type('NetSuite');
    const result = page.locator('.pagefind-ui__result-link').first();
    await result.waitFor({ timeout: 15_000 });
    expect(await result.getAttribute('href')).toBe(`${BASE}repositories/accounting/`);
    // The result says what it is, then the page's title alone (not its heading with the status badge).
    expect(await result.textContent()).toBe('Repository · Accounting (NetSuite)');
    // Words either side of a tag are separate words: the built HTML is <dt>Role</dt><dd>External…
    // (A string, so Vitest leaves the browser's own import() alone.)
    const content = await page.evaluate<string>(`import('${BASE}pagefind/pagefind.js')
      .then((p) => p.search('processor'))
      .then((r) => Promise.all(r.results.map((x) => x.data())))
      .then((pages) => pages.find((d) => d.url === '${BASE}repositories/stripe/').content)`);
    expect(content).toContain('Role External payment processor Kind external Domain commerce');
    await page.close();
    // Pages reach the index as they render: every HTML page but diagrams' own, none missed, none twice.
    // What a repository page restates from other pages (its dependents, each call's settings) is not indexed twice.
    const repository = await readFile(join(dist, 'repositories', 'payment-service', 'index.html'), 'utf8');
    expect(repository).not.toContain('Integration details');
    expect(repository).toContain('aria-label="Direct dependents" data-pagefind-ignore');
    expect(repository).toContain('aria-label="How it calls them" data-pagefind-ignore');
    const entry = JSON.parse(await readFile(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    // A diagram's own page (map/…) is no result: it restates its entity's page.
    expect(entry.languages.en.page_count).toBe((await htmlPages()).filter((p) => !p.startsWith('map/')).length);
  }, 60_000);

  it('opens search with / or Ctrl+K, puts the page of an exact id first, and labels results by kind', async () => {
    const { page } = await open('repositories/');
    await page.keyboard.press('/');
    await page.keyboard.type('orders-to-payments');
    const first = page.locator('.pagefind-ui__result-link').first();
    await first.waitFor({ timeout: 15_000 });
    expect(await first.getAttribute('href')).toBe(`${BASE}integrations/orders-to-payments/`);
    expect(await first.textContent()).toBe('Integration · Orders to Payments');
    await page.goto(`${site.url}teams/`, { waitUntil: 'load' });
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.closest('#search') !== null)).toBe(true);
    await page.close();
    // Without JavaScript the search box says it needs it, and where else to look.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(site.url, { waitUntil: 'load' });
    expect(await plain.locator('.search-nojs').textContent()).toBe('Search needs JavaScript; the site map at the foot of each page links every section.');
    expect(await plain.locator('.search-nojs').isVisible()).toBe(true);
    await context.close();
  }, 60_000);

  it('draws generated diagrams in Node, and only hand-written mermaid in Chromium: SVG with JavaScript disabled, recoloured in dark mode', async () => {
    // The one drawing Chromium makes is the hand-written sequence in docs/guides/cross-app-authentication.md.
    expect(buildOutput).toMatch(/\[plexus\] Hand-written diagrams: 1 drawing, \d+ from cache, \d+ drawn in \d+ ms\./);
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url, { waitUntil: 'load' });
    const svg = page.locator('.view-canvas svg.plx:visible').first();
    expect(await svg.isVisible()).toBe(true);
    const fill = () =>
      svg
        .locator('.node .s')
        .first()
        .evaluate((el) => getComputedStyle(el).fill);
    const light = await fill();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await svg.evaluate((el) => getComputedStyle(el).filter)).toBe('none');
    expect(await fill()).not.toBe(light);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.locator('pre.mermaid').count()).toBe(0);
    expect(await page.locator('.view-trail').first().textContent()).toBe('View: Landscape');
    expect(await page.locator('.diagram-text summary').first().textContent()).toBe('Diagram as text');
    expect(
      await page
        .locator('.diagram-text td')
        .filter({ hasText: /^signs users in with, sends \(2\) \(both ways\)$/ })
        .count(),
    ).toBe(1);
    // The full-size view is a page of the site: the same drawing, its text open, a way back.
    const full = await page.locator('.diagram-open a').first().getAttribute('href');
    expect(full).toBe(`${BASE}map/`);
    await page.goto(new URL(full!, site.url).href, { waitUntil: 'load' });
    expect(await page.locator('h1').textContent()).toBe('Landscape');
    expect(await page.locator('.view-back a').getAttribute('href')).toBe(BASE);
    expect(await page.locator('.view-text tr[id^="e-"]').count()).toBeGreaterThan(0);
    const words = await page
      .locator('.view-canvas svg.plx:visible')
      .first()
      .evaluate((el) =>
        [...el.querySelectorAll('text, tspan')]
          .map((t) => t.textContent)
          .join(' ')
          .replace(/\s+/g, ' '),
      );
    expect(words).toContain('commerce');
    expect(words).toContain('ticketing');
    await context.close();
  }, 60_000);

  it('toggles dark mode and keeps it across pages', async () => {
    const { page } = await open('repositories/');
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.click('#theme-toggle');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).not.toBe(light);
    await page.goto(`${site.url}teams/`, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.close();
  }, 60_000);

  it("ships no framework: one cached page script, the list script on lists, and inline only the theme and a diagram page's zoom", async () => {
    // The page script (theme toggle, search loader, outline) and the list script are files, each
    // cached once for the site, where they were inlined in every page (issue 25).
    const own = (url: string) => /\/_astro\/(\w+)\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/.exec(url)?.[1] ?? url;
    for (const [path, files, inline] of [
      ['repositories/', ['DataList', 'Base'], 1],
      ['integrations/', ['DataList', 'Base'], 1],
      ['teams/core-platform/', ['Base'], 1],
      ['registry/', ['Base'], 1],
      ['docs/', ['Base'], 1],
      ['', ['Base'], 2],
      ['repositories/core-api/', ['Base'], 2],
    ] as const) {
      const { page, scripts } = await open(path);
      expect(scripts.map(own), path).toEqual(files);
      expect(await page.locator('script:not([src])').count(), path).toBe(inline);
      await page.close();
    }
  }, 60_000);

  it('shows every view whole at the default view, on a laptop and a phone: inside its canvas, at most two screens tall, no label under 12 CSS px', async () => {
    const problems = await readableViews(browser, site.url, [
      '',
      'system/',
      'map/',
      'map/domain/commerce/',
      'repositories/payment-service/',
      'repositories/api-gateway/',
      'map/repository/payment-service/',
      'events/payment.completed/',
      'map/event/payment.completed/',
      'integrations/hi-events-auth/',
      'integrations/orders-to-payments/',
    ]);
    expect(problems).toEqual([]);
    // Labels wrap between words: every word of every repository's name is drawn whole.
    const drawnWords = new Set(
      [...(await readFile(join(dist, 'map', 'domain', 'platform', 'index.html'), 'utf8')).matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!.trim()),
    );
    const names = ['API Gateway', 'Integration Hub', 'Shared Types'];
    expect(names.flatMap((n) => n.split(' ')).filter((w) => !drawnWords.has(w) && ![...drawnWords].some((d) => d.split(' ').includes(w)))).toEqual([]);
  }, 180_000);

  it('links diagram nodes and bundled edges to their pages under the base path, with and without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    const plain = await context.newPage();
    const hrefs = new Set<string>();
    for (const path of ['', 'map/domain/commerce/', 'repositories/payment-service/', 'events/payment.completed/', 'integrations/orders-to-payments/']) {
      await plain.goto(site.url + path, { waitUntil: 'load' });
      for (const h of await plain.locator('.view-canvas svg a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) hrefs.add(h);
    }
    expect(hrefs).toContain(`${BASE}repositories/order-service/`);
    expect(hrefs).toContain(`${BASE}repositories/stripe/`);
    expect(hrefs).toContain(`${BASE}integrations/stripe-payments/`);
    expect(hrefs).toContain(`${BASE}map/repository/payment-service/#e-order-service--payment-service`);
    expect(hrefs).toContain(`${BASE}map/domain/core/`);
    // Every link resolves: the page exists, and a bundled edge's anchor is a row on it listing its integrations.
    const broken: string[] = [];
    for (const h of hrefs) {
      expect(h.startsWith(BASE), h).toBe(true);
      const [path, anchor] = h.split('#');
      const res = await fetch(new URL(path!, site.url));
      if (res.status !== 200) broken.push(`${h}: ${res.status}`);
      else if (anchor && !(await res.text()).includes(`id="${anchor}"`)) broken.push(`${h}: no #${anchor}`);
    }
    expect(broken).toEqual([]);
    await context.close();
    const { page } = await open('repositories/payment-service/');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.locator(`.view-canvas svg:visible a[href="${BASE}repositories/stripe/"]`).click();
    await page.waitForURL(`${site.url}repositories/stripe/`);
    expect(await page.locator('h1').textContent()).toContain('Stripe');
    await page.close();
  }, 60_000);

  it('opens a hand-written diagram at its natural size, zooms about the middle of the view, and fits on request', async () => {
    // On a phone, where the drawing is wider than its canvas.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}docs/guides/cross-app-authentication/`, { waitUntil: 'load' });
    const canvas = page.locator('.diagram-canvas').first();
    const svg = canvas.locator('svg');
    const natural = await svg.evaluate((el) => (el as SVGSVGElement).viewBox.baseVal.width);
    expect((await svg.boundingBox())!.width).toBeCloseTo(natural, 0);
    expect(await page.locator('.diagram-zoom span').first().textContent()).toBe('100%');
    const middle = () =>
      canvas.evaluate((c) => {
        const s = c.querySelector('svg')!.getBoundingClientRect().width / (c.querySelector('svg') as SVGSVGElement).viewBox.baseVal.width;
        return [(c.scrollLeft + c.clientWidth / 2) / s, (c.scrollTop + c.clientHeight / 2) / s];
      });
    const [x0, y0] = await middle();
    await page.getByRole('button', { name: 'Zoom in' }).first().click();
    await page.getByRole('button', { name: 'Zoom in' }).first().click();
    expect(await page.locator('.diagram-zoom span').first().textContent()).toBe('156%');
    expect((await svg.boundingBox())!.width).toBeCloseTo(natural * 1.5625, 0);
    const [x1, y1] = await middle();
    expect(Math.abs(x1! - x0!)).toBeLessThan(2);
    expect(Math.abs(y1! - y0!)).toBeLessThan(2);
    await page.getByRole('button', { name: 'Fit' }).first().click();
    const shown = await canvas.evaluate((c) => c.clientWidth);
    expect((await svg.boundingBox())!.width).toBeCloseTo(Math.min(shown, natural), 0);
    expect(await page.locator('.diagram-zoom span').first().textContent()).toBe(`${Math.round(Math.min(1, shown / natural) * 100)}%`);
    await page.close();
  }, 60_000);

  it('shows a deprecation banner and breadcrumbs on a deprecated integration', async () => {
    const { page } = await open('integrations/legacy-order-feed/');
    expect(await page.locator('.banner.warn strong').textContent()).toBe('Deprecated: stops working on 2027-01-15.');
    expect(await page.locator('.crumbs li').allTextContents()).toEqual(['Home', 'Integrations', 'Legacy Order Feed']);
    await page.close();
  });

  it('opens a document with its title, then its front matter, without restating either', async () => {
    for (const [path, title] of [
      ['docs/strategy/checkout-integration-strategy', 'Integration Strategy: Checkout Cross-Component Integration'],
      ['docs/guides/on-call-handbook', 'On-Call Handbook'],
      ['docs/guides/cross-app-authentication', 'Cross-App Authentication Guide'],
    ] as const) {
      const html = await readFile(join(dist, path, 'index.html'), 'utf8');
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      expect(main.match(/<h1[^>]*>[^<]*<\/h1>/g), path).toEqual([`<h1>${title}</h1>`]);
      expect(main.indexOf(`<h1>${title}</h1>`), path).toBeLessThan(main.indexOf('<section class="card doc-meta">'));
    }
    const strategy = await readFile(join(dist, 'docs/strategy/checkout-integration-strategy/index.html'), 'utf8');
    expect(strategy).not.toContain('Version: 0.1.0');
    expect(strategy).toContain('<dt>Version</dt><dd>0.1.0<span class="muted"> · 2026-11-02</span></dd>');
  });

  it('offers a list its selects only past 20 rows, and names statuses as the lists do', async () => {
    const selects = async (path: string) =>
      [...(await readFile(join(dist, path, 'index.html'), 'utf8')).matchAll(/<select name="(\w+)" data-key/g)].map((m) => m[1]);
    expect(await selects('events')).toEqual([]);
    expect(await selects('repositories')).toEqual([]);
    expect(await selects('integrations')).toEqual(['type', 'status', 'owner', 'domain']);
    const home = await readFile(join(dist, 'index.html'), 'utf8');
    expect(home).toContain(`<a href="${BASE}integrations/status/production-ready/">Production ready</a>`);
  });

  it("marks a document's unfilled placeholders 'to fill', counts them and its left-out sections, and keeps its headings' order", async () => {
    const html = await readFile(join(dist, 'docs/strategy/checkout-integration-strategy/index.html'), 'utf8');
    const tag = '<mark class="to-fill"><span class="to-fill-tag">To fill:</span>';
    expect(html).toContain(`<li>${tag} What is explicitly excluded or deferred</mark></li>`);
    expect(html).toContain(`<strong>Topic Structure:</strong> ${tag} Hierarchical | Flat | Component-based</mark></li>`);
    expect(html.split('<mark class="to-fill">').length - 1).toBe(2);
    expect(html).not.toContain('[What is explicitly excluded or deferred]');
    expect(html).toContain(
      '<dt>Complete</dt><dd><strong>9%</strong> <span class="muted">117 of 129 template placeholders still to fill</span></dd><dt>To fill</dt><dd class="to-fill-count">2 places marked below · 82 template sections left out</dd>',
    );
    const prose = html.slice(html.indexOf('<div class="prose"'));
    expect([...prose.matchAll(/<h([2-6])[^>]*>([^<]*)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]}`)).toEqual([
      'h2 1. Integration Overview',
      'h3 1.2 Integration Scope',
      'h2 5. Event-Driven Integration',
      'h4 5.2.1 Event Bus Configuration',
    ]);
  });

  it("shows a strategy document's completeness, the same figure plexus fill prints for it", async () => {
    const { page } = await open('docs/strategy/checkout-integration-strategy/');
    const shown = (await page.locator('dt:text-is("Complete") + dd').textContent())!;
    const { runMain } = await import('../../src/cli/main.ts');
    const err: string[] = [];
    await runMain(['fill', join(ROOT, 'content/docs/strategy/checkout-integration-strategy.md'), '--content', join(ROOT, 'content')], {
      cwd: ROOT,
      env: { PLEXUS_TODAY: '2026-11-22' },
      out: () => {},
      err: (t) => err.push(t),
    });
    const printed = /it is (\d+%): (.*) \(the figure/.exec(err.join('\n'))!;
    expect(shown).toBe(`${printed[1]} ${printed[2]}`);
    await page.close();
  });

  it('renders MDX documents through MDX: expressions and elements evaluated', async () => {
    const { page } = await open('docs/guides/on-call-handbook/');
    expect(await page.locator('.prose').first().textContent()).toContain('The first 3 checks');
    expect(await page.locator('.prose ol li').allTextContents()).toEqual(['Gateway health', 'Kafka consumer lag', 'Stripe status']);
    await page.close();
  });

  it('shows what the registry records and what it does not, linked from the dashboard', async () => {
    const { page } = await open('');
    expect(await page.locator('main a[href$="/quality/"]').textContent()).toMatch(/^Data quality: \d+% of tracked fields recorded →$/);
    await page.goto(`${site.url}quality/`, { waitUntil: 'load' });
    expect(await page.locator('h2').allTextContents()).toEqual([
      expect.stringMatching(/^Integrations · \d+% recorded$/),
      expect.stringMatching(/^Repositories · \d+% recorded$/),
      expect.stringMatching(/^Teams · \d+% recorded$/),
      expect.stringMatching(/^Events · \d+% recorded$/),
    ]);
    const auth = page.locator('tr', { has: page.locator('code', { hasText: /^auth$/ }) });
    expect(await auth.locator('td').nth(1).textContent()).toBe('23 of 23 (100%)');
    await page.close();
  });

  it('shows resources: owned by one repository, used by others, on their own pages and the data page', async () => {
    const { page } = await open('resources/orders-db/');
    expect(await page.locator('h1').textContent()).toBe('Orders database');
    expect(await page.locator('dl.facts dd').allTextContents()).toEqual(['datastore', 'PostgreSQL 15', 'Order Service decides its shape and its changes']);
    expect(await page.locator('ul.list-plain li').allTextContents()).toEqual(['Payment Service reads it · Retrieve order details before charging']);
    await page.goto(`${site.url}repositories/payment-service/`, { waitUntil: 'load' });
    expect(await page.locator('li', { hasText: 'Orders database' }).first().textContent()).toBe('Reads Orders database owned by Order Service');
    expect(
      await page
        .locator('.diagram-text tr')
        .filter({ hasText: /^Payment ServicereadsOrders database/ })
        .count(),
    ).toBe(1);
    await page.goto(`${site.url}data/`, { waitUntil: 'load' });
    expect(await page.locator('a[href$="/resources/session-cache/"]').textContent()).toBe('Session cache');
    await page.close();
  });

  it("shows each entity's history from git beside what it says, on every entity page that has a file (issue 27)", async () => {
    for (const path of ['repositories/payment-service', 'events/payment.completed', 'teams/payments', 'integrations/orders-to-payments']) {
      const html = await readFile(join(dist, path, 'index.html'), 'utf8');
      expect(html, path).toContain('<h2>History from git</h2>');
      expect(html, path).toMatch(/<li><time datetime="\d{4}-\d{2}-\d{2}">\d{4}-\d{2}-\d{2}<\/time> /);
    }
  });

  it('points to the change log kept by hand only where the integration keeps one', async () => {
    const history = async (path: string) =>
      (await readFile(join(dist, path, 'index.html'), 'utf8')).match(/<h2>History from git<\/h2>\s*<p class="muted">[^<]*<\/p>/)?.[0];
    expect(await history('integrations/orders-to-payments')).toBe(
      '<h2>History from git</h2><p class="muted">The commits that changed this file, newest first.</p>',
    );
    expect(await history('integrations/api-gateway')).toBe(
      '<h2>History from git</h2><p class="muted">The commits that changed this file, newest first; the change log kept by hand is in the document below.</p>',
    );
    expect(await readFile(join(dist, 'integrations/api-gateway', 'index.html'), 'utf8')).toContain('<h2 id="change-log">Change log</h2>');
  });

  it('keeps the gap between cards when the history card follows the columns of cards', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${site.url}integrations/orders-to-payments/`, { waitUntil: 'load' });
    const gap = await page.evaluate(() => {
      const columns = document.querySelector('main .columns')!.getBoundingClientRect();
      const history = document.querySelector('main .columns + .card.history')!.getBoundingClientRect();
      return Math.round(history.top - columns.bottom);
    });
    expect(gap).toBe(16);
    await page.close();
  });

  it('publishes registry.json and the JSON Schemas', async () => {
    const registry = JSON.parse(await readFile(join(dist, 'registry.json'), 'utf8'));
    expect(Object.keys(registry.integrations)).toHaveLength(23);
    expect(registry.analysis.deprecations[0].id).toBe('legacy-order-feed');
    const schema = JSON.parse(await readFile(join(dist, 'schemas', 'integration.schema.json'), 'utf8'));
    expect(schema.title).toBe('Plexus integration');
    expect(await readFile(join(dist, '.nojekyll'), 'utf8')).toBe('');
  });

  it('writes counts as words, names folders by title, and prints no stray 0', async () => {
    const wrong: string[] = [];
    for (const path of await htmlPages()) {
      const text = (await readFile(join(dist, path, 'index.html'), 'utf8')).replace(/<[^>]+>/g, ' ');
      for (const m of text.matchAll(
        /(?<![\d.,])1 (repositories|integrations|producers|consumers|connections|domains|files)\b|\b(repository|producer|consumer|integration)\(s\)/g,
      ))
        wrong.push(`${path}: ${m[0]}`);
    }
    expect(wrong).toEqual([]);
    const doc = await readFile(join(dist, 'docs', 'strategy', 'checkout-integration-strategy', 'index.html'), 'utf8');
    expect(doc).toContain('<li><a href="/plexus-e2e/docs/strategy/">Strategy</a></li>');
    const guide = await readFile(join(dist, 'docs', 'guides', 'cross-app-authentication', 'index.html'), 'utf8');
    expect(guide).not.toMatch(/<\/dd>0|>0<dt>|<\/dl>0/);
    const home = await readFile(join(dist, 'index.html'), 'utf8');
    expect(home).toMatch(/<span class="badge warn">Overdue<\/span> <a href="\/plexus-e2e\/registry\/[^"]*">[^<]+<\/a> <span class="muted">was due /);
  });

  it('shows the system page as a page about the system, not the seed template', async () => {
    const html = await readFile(join(dist, 'system', 'index.html'), 'utf8');
    expect([...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual([
      'Within Eventful',
      'With external systems',
      'Connection settings',
      'Health',
      'Recent changes',
    ]);
    expect(html).not.toContain('SYSTEM INITIALIZATION');
    expect(html.replace(/<script[\s\S]*?<\/script>/g, '')).not.toMatch(/\bnull\b/);
  });

  it('opens long pages with an outline of their sections after the lede, and short ones without', async () => {
    const system = await readFile(join(dist, 'system', 'index.html'), 'utf8');
    const toc = system.match(
      /<\/p><nav class="toc" aria-label="On this page" data-pagefind-ignore><p class="toc-title">On this page<\/p><ol>(.*?)<\/ol><\/nav>/,
    )?.[1];
    expect([...(toc ?? '').matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['within-eventful', 'Within Eventful'],
      ['with-external-systems', 'With external systems'],
      ['connection-settings', 'Connection settings'],
      ['health', 'Health'],
      ['recent-changes', 'Recent changes'],
    ]);
    expect(system).toContain('<h2 id="connection-settings">Connection settings</h2>');
    // An integration's cards are its header, not sections of the outline.
    const integration = await readFile(join(dist, 'integrations', 'hi-events-auth', 'index.html'), 'utf8');
    expect(integration.match(/<nav class="toc"[\s\S]*?<\/nav>/)?.[0]).not.toContain('Whom to call');
    for (const short of ['events/payment.completed', 'teams/payments', 'resources/orders-db']) {
      expect(await readFile(join(dist, short, 'index.html'), 'utf8'), short).not.toContain('class="toc"');
    }
  });

  it('keeps entity pages light: at most 30 KB compressed each, and only the two small site scripts to load', async () => {
    const entity = /^(repositories|integrations|events|teams|resources|systems|patterns|protocols)\/[^/]+\/$/;
    const pages = (await htmlPages()).filter((p) => entity.test(p));
    expect(pages.length).toBeGreaterThan(60);
    const sizes = await Promise.all(pages.map(async (p) => [p, gzipSync(await readFile(join(dist, p, 'index.html'))).length] as const));
    expect(sizes.filter(([, bytes]) => bytes > 30 * 1024)).toEqual([]);
    // Script files: the page script and the list script, small, and nothing else (no framework).
    const scripts = (await readdir(join(dist, '_astro'))).filter((f) => f.endsWith('.js'));
    expect(scripts.map((f) => f.replace(/\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/, '')).sort()).toEqual(['Base', 'DataList']);
    for (const f of scripts) expect(gzipSync(await readFile(join(dist, '_astro', f))).length, f).toBeLessThan(3 * 1024);
  });

  it('reaches every built page from the home page by following links', async () => {
    const all = new Set([...(await htmlPages()), 'registry.json', ...(await readdir(join(dist, 'schemas'))).map((f) => `schemas/${f}`)]);
    const seen = new Set<string>(['']);
    const queue = [''];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (!path.endsWith('/') && path !== '') continue;
      const html = await readFile(join(dist, path, 'index.html'), 'utf8');
      for (const [, href] of html.matchAll(/<a [^>]*href="([^"#?]*)[^"]*"/g)) {
        if (!href!.startsWith(BASE)) continue;
        const target = decodeURIComponent(href!.slice(BASE.length));
        if (!seen.has(target) && all.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    expect([...all].filter((p) => !seen.has(p))).toEqual([]);
  });

  it('fits every page type on a laptop and a phone: nothing wider than the screen', async () => {
    const wide: string[] = [];
    for (const path of PAGE_TYPES) {
      for (const width of [1366, 390]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(site.url + path, { waitUntil: 'load' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) wide.push(`${path || 'home'} at ${width}: ${overflow} px too wide`);
        await page.close();
      }
    }
    expect(wide).toEqual([]);
  }, 120_000);

  it('reads as one page: no section twice and no empty heading, on every page type at both widths (issue 25)', async () => {
    const found: string[] = [];
    for (const [path, width] of PAGE_TYPES.flatMap((p) => [[p, 1366] as const, [p, 390] as const])) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(site.url + path, { waitUntil: 'load' });
      const problems = await page.evaluate(() => {
        const out: string[] = [];
        const headings = [...document.querySelectorAll('main h2, main h3')].filter((h) => !h.closest('.diagram, .card'));
        const seen = new Map<string, number>();
        for (const h of document.querySelectorAll('main h2')) {
          const text = h.textContent!.trim().toLowerCase();
          seen.set(text, (seen.get(text) ?? 0) + 1);
        }
        for (const [text, n] of seen) if (n > 1) out.push(`"${text}" ${n} times`);
        for (const h of headings) {
          // A heading with nothing under it before the next heading of its level or higher.
          const level = Number(h.tagName[1]);
          let next = h.nextElementSibling;
          let content = false;
          while (next) {
            const m = /^H([1-6])$/.exec(next.tagName);
            if (m && Number(m[1]) <= level) break;
            if (next.textContent!.trim() !== '' || next.querySelector('svg, img, table')) {
              content = true;
              break;
            }
            next = next.nextElementSibling;
          }
          if (!content && h.parentElement?.tagName !== 'SECTION') out.push(`empty heading "${h.textContent!.trim()}"`);
          if (/\p{Extended_Pictographic}/u.test(h.textContent!)) out.push(`emoji in heading "${h.textContent!.trim()}"`);
        }
        return out;
      });
      found.push(...problems.map((p) => `${path || 'home'} at ${width}: ${p}`));
      await page.close();
    }
    expect(found).toEqual([]);
    // The repository page is one voice: the seed's tables are sections, linked and in sentence case.
    const { page } = await open('repositories/payment-service/');
    const h2 = await page.locator('main h2').allTextContents();
    expect(h2).toEqual(expect.arrayContaining(['If it fails', 'What it uses', 'What it provides', 'Events']));
    for (const gone of ['Integration details', 'Event Integration', 'If It Fails', 'Upstream Services']) expect(h2.join('|')).not.toContain(gone);
    await page.close();
  }, 180_000);

  it('lists what fails with a repository: direct dependents with the integration and whom to call, then the rest by distance', async () => {
    const { page } = await open('repositories/payment-service/');
    const rows = (label: string) =>
      page
        .locator(`[aria-label="${label}"] tbody tr`)
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    const direct = await rows('Direct dependents');
    expect(direct.map((r) => r[0])).toEqual(['Accounting (NetSuite)', 'API Gateway', 'Email Service', 'Notification Service', 'Order Service']);
    expect(direct.find((r) => r[0] === 'Order Service')).toEqual([
      'Order Service',
      'Orders to Payments, Payment Events',
      expect.stringContaining('PagerDuty: payments-primary'),
    ]);
    const indirect = await rows('Indirect dependents');
    expect(indirect.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Admin Portal', '2', 'API Gateway'],
      ['Mobile App', '2', 'API Gateway'],
      ['Web Platform', '2', 'API Gateway'],
    ]);
    await page.close();
  });

  it('opens the sections from a menu on a phone, with and without JavaScript, and never scrolls the header sideways', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${site.url}repositories/`, { waitUntil: 'load' });
      expect(await page.locator('.site-header .site-nav').isVisible()).toBe(false);
      const menu = page.locator('.nav-menu summary');
      expect(await menu.isVisible()).toBe(true);
      const events = page.locator('.nav-menu nav a', { hasText: 'Events' });
      expect(await events.isVisible()).toBe(false);
      await menu.click();
      expect(await events.isVisible()).toBe(true);
      const box = (await events.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await events.click();
      await page.waitForURL(/\/events\/$/);
      await context.close();
    }
    // On a laptop the sections are a row and the menu is not shown.
    const { page } = await open('repositories/');
    expect(await page.locator('.site-header .site-nav').isVisible()).toBe(true);
    expect(await page.locator('.nav-menu').isVisible()).toBe(false);
    await page.close();
  }, 60_000);

  it('puts two stat cards a row on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(site.url, { waitUntil: 'load' });
    const tops = await page.locator('main .grid .stat').evaluateAll((cards) => cards.slice(0, 2).map((c) => c.getBoundingClientRect().top));
    expect(tops[0]).toBe(tops[1]);
    // A table too wide for the phone becomes one card a row: no column is off screen.
    await page.goto(`${site.url}repositories/payment-service/`, { waitUntil: 'load' });
    const cell = page.locator('[aria-label="Integrations it uses"] tbody tr').first().locator('td').last();
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('lands an outline link below the sticky header, keeps the outline in view and marks the current section', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${site.url}repositories/payment-service/`, { waitUntil: 'load' });
    await page.locator('.toc a', { hasText: 'Events' }).click();
    await page.waitForTimeout(300);
    const header = await page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().bottom);
    const heading = await page.locator('h2#events').evaluate((h) => h.getBoundingClientRect().top);
    expect(heading).toBeGreaterThanOrEqual(header);
    expect(heading).toBeLessThan(header + 100);
    const toc = await page.locator('.toc').evaluate((t) => t.getBoundingClientRect().top);
    expect(toc).toBeGreaterThanOrEqual(header);
    expect(toc).toBeLessThan(900);
    expect(await page.locator('.toc a[aria-current="true"]').textContent()).toBe('Events');
    await page.close();
  });

  it('has a registry overview a reader can scan, and the printed registry behind it, without emoji boxes', async () => {
    const { page } = await open('registry/');
    expect(await page.locator('main h1').textContent()).toBe('Registry');
    expect(await page.locator('.overview-lists a').count()).toBeGreaterThan(5);
    expect(await page.locator('[aria-label="Owners"] tbody tr').count()).toBe(6);
    expect(await page.locator('main a', { hasText: 'Printable registry' }).getAttribute('href')).toBe(`${BASE}registry/printable/`);
    await page.goto(`${site.url}registry/printable/`, { waitUntil: 'load' });
    const headings = await page.locator('main h2').allTextContents();
    expect(headings).toContain('Active Integrations');
    expect(headings.filter((h) => /\p{Extended_Pictographic}/u.test(h))).toEqual([]);
    await page.close();
  });

  it('forgives search: a suggestion for a typo, aliases, an owner question, and a labelled input with nothing invisible to tab to', async () => {
    const { page } = await open('');
    await page.click('#search input');
    const input = page.locator('#search input.pagefind-ui__search-input');
    await input.waitFor({ timeout: 15_000 });
    // The input keeps its label once Pagefind has replaced the stub.
    expect(await input.getAttribute('aria-label')).toBe('Search the registry (press / or Ctrl+K)');
    // An empty search has no clear button to tab to.
    expect(await page.locator('.pagefind-ui__search-clear').isVisible()).toBe(false);
    for (const typo of ['paymnt', 'paymnet']) {
      await input.fill(typo);
      const suggestion = page.locator('.search-suggest a').first();
      await suggestion.waitFor({ timeout: 15_000 });
      expect(await page.locator('.search-suggest a').allTextContents(), typo).toContain('Payment Service');
    }
    // mTLS finds the pages that say Mutual TLS.
    await input.fill('mTLS');
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.pagefind-ui__result-link').count()).toBeGreaterThan(0);
    // An owner question ranks the team.
    await input.fill('who owns payments');
    await expect
      .poll(
        async () =>
          (await page.locator('.pagefind-ui__result-link').evaluateAll((as) => as.slice(0, 5).map((a) => a.getAttribute('href')))).includes(
            `${BASE}teams/payments/`,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    // With text, the clear button shows and takes focus; tabbing from the input reaches it.
    expect(await page.locator('.pagefind-ui__search-clear').isVisible()).toBe(true);
    await page.close();
  }, 90_000);

  it('has no serious or critical accessibility violations with search open', async () => {
    const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    for (const [width, colorScheme] of [
      [1366, 'light'],
      [390, 'dark'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await page.goto(`${site.url}repositories/`, { waitUntil: 'load' });
      await page.click('#search input');
      const input = page.locator('#search input.pagefind-ui__search-input');
      await input.waitFor({ timeout: 15_000 });
      await input.fill('payment');
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
        ).axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
      found.push(...violations.map((v) => `search open at ${width}, ${colorScheme}: ${v}`));
      await page.close();
    }
    expect(found).toEqual([]);
  }, 90_000);

  it('has no serious or critical accessibility violations on the main page types', async () => {
    const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const found: string[] = [];
    for (const [path, width, colorScheme] of PAGE_TYPES.flatMap((p) => [
      [p, 1366, 'light'] as const,
      [p, 390, 'light'] as const,
      [p, 1366, 'dark'] as const,
      [p, 390, 'dark'] as const,
    ])) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await page.goto(site.url + path, { waitUntil: 'load' });
      await page.waitForTimeout(200);
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate(async () => {
        const result = await (
          window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
        ).axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
      });
      found.push(...violations.map((v) => `${path || 'home'} at ${width}, ${colorScheme}: ${v}`));
      await page.close();
    }
    expect(found).toEqual([]);
  }, 300_000);
});

describe('without a browser at build time', () => {
  it("says so once and draws diagrams in the reader's browser", async () => {
    const { dir, stdout } = await buildSite({ PLEXUS_CHROMIUM: 'none' });
    const notice = "No Chromium or Chrome found (set PLEXUS_CHROMIUM to its path): diagrams will be drawn in the reader's browser.";
    expect(stdout.split(notice).length - 1).toBe(1);
    const fallback = await serve(dir, BASE);
    const page = await browser.newPage();
    const scripts: string[] = [];
    // The site's own page and list scripts (one cached file each) are not drawing scripts.
    page.on('request', (r) => {
      if (r.resourceType() === 'script' && !r.url().includes('_astro_type_script_')) scripts.push(r.url());
    });
    await page.goto(`${fallback.url}repositories/`, { waitUntil: 'load' });
    expect(scripts).toEqual([]);
    // Generated diagrams need no browser at all: drawn in the page, no script.
    await page.goto(fallback.url, { waitUntil: 'load' });
    expect(scripts).toEqual([]);
    expect(await page.locator('.view-canvas svg.plx').count()).toBeGreaterThan(0);
    // Hand-written mermaid is drawn in the reader's browser.
    await page.goto(`${fallback.url}docs/guides/cross-app-authentication/`, { waitUntil: 'load' });
    expect(scripts.length).toBeGreaterThan(0);
    const svg = page.locator('.diagram-canvas svg').first();
    await svg.waitFor({ timeout: 30_000 });
    expect(await svg.evaluate((el) => el.textContent)).toContain('Hi.Events');
    await page.close();
    fallback.server.close();
  }, 240_000);
});
