// Wide tables as a reader sees them: the example registry with an imported OpenAPI integration, built
// once and opened at 1366 and 390 px. /system/'s connection settings and health, /quality/'s fields and
// an integration's operations fit their box at both widths, with no cell cut off; on a phone each row
// is a card whose cells show their column's name beside the value.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';
import { launch } from './browser.ts';
import { buildRegistrySite } from './build-registry.ts';
import { serve } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let dir = '';
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-wide-tables-'));
  await cp(join(ROOT, 'content'), join(dir, 'registry'), { recursive: true });
  await cp(join(ROOT, 'test', 'fixtures', 'specs', 'orders-3.1.yaml'), join(dir, 'orders-3.1.yaml'));
  const out: string[] = [];
  const io: Io = { cwd: dir, env: {}, out: (t) => out.push(t), err: (t) => out.push(t) };
  const args = ['import', 'openapi', 'orders-3.1.yaml', '--provider', 'core-api', '--integration', 'orders-api', '--content', 'registry'];
  if ((await runMain(args, io)) !== 0) throw new Error(out.join('\n'));
  await buildRegistrySite(join(dir, 'registry'), dir, '2026-11-22');
  site = await serve(join(dir, 'dist'), '/');
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  site?.server.close();
  await rm(dir, { recursive: true, force: true });
});

/** The tables measured: page, and the heading of the section each table is in (all of the page's tables when none). */
const TABLES: [string, string[]][] = [
  ['system/', ['Connection settings', 'Health']],
  ['quality/', []],
  ['integrations/orders-api/', ['API']],
];

interface Measure {
  table: string;
  /** The page's width and the viewport's, the table's wrapper's scroll width and its box. */
  page: [number, number];
  wrap: [number, number];
  /** Cells whose content is wider than the cell (cut off or spilling). */
  cut: string[];
  /** Per cell: its data-label, its column's heading, and the label the browser shows before it (none when hidden). */
  labels: [string | null, string, string][];
  /** Cells that are not wholly inside the viewport's width. */
  outside: number;
}

async function measure(path: string, headings: string[], width: number): Promise<Measure[]> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${site.url}${path}`);
  const result = await page.evaluate((headings) => {
    const root = document.documentElement;
    const sections = [...document.querySelectorAll('main section')].filter(
      (s) => headings.length === 0 || headings.includes(s.querySelector('h2')?.textContent?.trim() ?? ''),
    );
    return sections.flatMap((section) =>
      [...section.querySelectorAll(':scope > .table-wrap > table')].slice(0, headings.length === 0 ? undefined : 1).map((table) => {
        const wrap = table.parentElement!;
        const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
        const cells = [...table.querySelectorAll('tbody td')] as HTMLElement[];
        return {
          table: section.querySelector('h2')!.textContent!.trim(),
          page: [root.scrollWidth, root.clientWidth] as [number, number],
          wrap: [wrap.scrollWidth, wrap.clientWidth] as [number, number],
          cut: cells.filter((td) => td.scrollWidth > td.clientWidth).map((td) => td.textContent!.slice(0, 40)),
          labels: cells.map((td): [string | null, string, string] => {
            const before = getComputedStyle(td, '::before');
            const shown = before.display === 'none' || before.content === 'none' || before.content === 'normal' ? '' : before.content.replace(/^"|"$/g, '');
            return [td.getAttribute('data-label'), heads[(td as HTMLTableCellElement).cellIndex] ?? '', shown];
          }),
          outside: cells.filter((td) => {
            const r = td.getBoundingClientRect();
            return r.left < 0 || r.right > root.clientWidth;
          }).length,
        };
      }),
    );
  }, headings);
  await page.close();
  return result;
}

describe('wide tables', () => {
  for (const width of [1366, 390]) {
    it(`fit their box at ${width} px, every cell whole${width === 390 ? ', each a card row whose cells show their column' : ''}`, async () => {
      for (const [path, headings] of TABLES) {
        const tables = await measure(path, headings, width);
        expect(tables.length, path).toBeGreaterThanOrEqual(Math.max(headings.length, 1));
        for (const t of tables) {
          const where = `${path} ${t.table} at ${width}`;
          expect(t.page[0], where).toBe(t.page[1]);
          expect(t.wrap[0], where).toBeLessThanOrEqual(t.wrap[1]);
          expect(t.cut, where).toEqual([]);
          expect(t.outside, where).toBe(0);
          // Every cell carries its column's name; the phone shows it before the value, a wide screen does not.
          expect(t.labels.length, where).toBeGreaterThan(0);
          for (const [label, head, shown] of t.labels) {
            expect(label, where).toBe(head);
            expect(shown, where).toBe(width === 390 ? head : '');
          }
        }
      }
    });
  }
});
