// Backstage's own example catalog (test/fixtures/backstage-examples, Apache-2.0), imported as a
// team would import theirs: every page of the built site that shows a diagram keeps it readable
// whole on a laptop and a phone (issue 24, item 2), and its nodes link under the base path.
import { access, cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistrySite } from './build-registry.ts';
import type { Io } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';
import { launch } from './browser.ts';
import { readableViews } from './readable.ts';
import { pagesWithViews } from './readable-pages.ts';
import { serve } from './static-server.ts';

const BASE = '/backstage-e2e/';
let dir = '';
let browser: Browser;
let importLog = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-backstage-examples-'));
  await cp(join(import.meta.dirname, '..', 'fixtures', 'backstage-examples'), join(dir, 'catalog'), { recursive: true });
  await mkdir(join(dir, 'registry'));
  const out: string[] = [];
  const io: Io = { cwd: dir, env: {}, out: (t) => out.push(t), err: (t) => out.push(t) };
  const code = await runMain(['import', 'backstage', 'catalog', '--content', 'registry'], io);
  importLog = out.join('\n');
  if (code !== 0) throw new Error(`plexus import backstage exited ${code}: ${importLog}`);
  await buildRegistrySite(join(dir, 'registry'), dir, '2026-11-22', { BASE_PATH: BASE });
  browser = await launch();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("Backstage's example catalog, imported and built", () => {
  it('imports into a registry that checks clean, its two undefined owners written unknown', () => {
    // The examples name owners they never define (group:inpixon, group:sre): the import keeps
    // those components and APIs, says so at each reference, and writes their team unknown.
    expect(importLog).toContain('Check of the imported files: No problems in 47 files.');
    expect(importLog.match(/warning PLX047 owner names group:default\/(inpixon|sre),/g)?.length).toBe(14);
    expect(importLog).toContain('which is not in the catalog or the registry: team written as unknown');
    expect(importLog).toContain('which is not in the catalog or the registry: owner written as unknown');
  });

  it('draws a view on every page a level has: the landscape, 2 domains, 4 systems, 20 repositories', async () => {
    const pages = await pagesWithViews(join(dir, 'dist'));
    const count = (re: RegExp) => pages.filter((p) => re.test(p)).length;
    expect(pages.length).toBe(54);
    expect(['', 'map/', 'system/', 'map/domain/artists/', 'systems/podcast/', 'map/repository/petstore/'].every((p) => pages.includes(p))).toBe(true);
    expect([count(/^map\/repository\//), count(/^repositories\//), count(/^map\/system\//), count(/^map\/domain\//)]).toEqual([20, 20, 4, 2]);
    const home = await readFile(join(dir, 'dist', 'index.html'), 'utf8');
    expect(home).toContain(`<a href="${BASE}systems/artist-engagement-portal/">`);
  });

  it("links each view's nodes and bundled edges to pages that exist, under the base path", async () => {
    const dist = join(dir, 'dist');
    const broken: string[] = [];
    let links = 0;
    for (const page of await pagesWithViews(dist)) {
      const html = await readFile(join(dist, page, 'index.html'), 'utf8');
      for (const figure of html.match(/<figure[^>]*class="[^"]*\bview\b[\s\S]*?<\/figure>/g) ?? []) {
        for (const [, href] of figure.matchAll(/href="([^"#]*)(?:#[^"]*)?"/g)) {
          if (!href) continue; // a link to a row of this page
          links++;
          if (!href.startsWith(BASE)) broken.push(`${page}: ${href} is not under ${BASE}`);
          else if (
            !(await access(join(dist, href.slice(BASE.length), 'index.html')).then(
              () => true,
              () => false,
            ))
          )
            broken.push(`${page}: ${href}`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(200);
  });

  it('keeps every one of those views whole and legible at 1366 and 390 px', async () => {
    const site = await serve(join(dir, 'dist'), BASE);
    try {
      expect(await readableViews(browser, site.url, await pagesWithViews(join(dir, 'dist')))).toEqual([]);
      expect(site.missing).toEqual([]);
    } finally {
      site.server.close();
    }
  }, 300_000);
});
