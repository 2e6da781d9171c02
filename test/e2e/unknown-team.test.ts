// Issue 26: a Backstage component whose owner is in no catalog file (group:default/guest) is
// imported as a repository whose team is unknown; the built site says "team unknown" where the
// team is shown, links no team page, and counts it on /quality/.
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from '../cli/harness.ts';
import { buildRegistrySite, mainOf } from './build-registry.ts';

let dir = '';
const main = (path: string) => mainOf(join(dir, 'dist'), path);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-unknown-team-'));
  await cp(join(import.meta.dirname, '..', 'fixtures', 'backstage-partial'), join(dir, 'partial'), { recursive: true });
  await mkdir(join(dir, 'registry'));
  const imported = await runIn(dir, ['import', 'backstage', 'partial', '--content', 'registry'], { PLEXUS_TODAY: '2026-12-06' });
  if (imported.code !== 0) throw new Error(imported.out + imported.err);
  await buildRegistrySite(join(dir, 'registry'), dir, '2026-12-06', { PLEXUS_CHROMIUM: 'none' });
}, 240_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a site with a repository whose team is unknown', () => {
  it('says "team unknown" as the repository’s owner, not a link', async () => {
    expect(await main('repositories/shop')).toContain(
      '<h2>Whom to call</h2><dl class="facts"><dt>Owner</dt><dd><span class="muted">team unknown</span></dd></dl>',
    );
  });

  it('names it under the teams, linked to the repository, not to a team', async () => {
    expect(await main('teams')).toContain(
      '<p class="muted">Team unknown for 1 repository: <a href="/repositories/shop/">shop</a>; <a href="/quality/">Data quality</a> lists them all.</p>',
    );
  });

  it('counts it on /quality/ as a repository missing its team', async () => {
    expect(await main('quality')).toContain(
      '<tr><td data-label="Field"><code>team</code></td><td data-label="Recorded">1 of 2 <span class="muted">(50%)</span></td><td data-label="Not recorded in"><a href="/repositories/shop/">shop</a></td></tr>',
    );
  });

  it('on /quality/ claims no share of an empty kind, and counts a url written unknown as not recorded', async () => {
    const html = await main('quality');
    expect(html).toContain(
      '<h2 id="events-none-to-measure">Events <span class="muted">· none to measure</span></h2><p class="muted">None in the registry.</p>',
    );
    // The row's cells as text: what a reader sees, whatever attributes the table's cells carry.
    const row = (field: string) =>
      html
        .match(new RegExp(`<tr><td[^>]*><code>${field}</code>.*?</tr>`))?.[0]
        .split(/<\/td>/)
        .map((cell) => cell.replace(/<[^>]+>/g, ''))
        .filter(Boolean);
    expect(row('url')).toEqual(['url', '1 of 2 (50%)', 'shop']);
    expect(row('kind')).toEqual(['kind', '2 of 2 (100%)', '—']);
  });

  it('links no page of a team called unknown anywhere', async () => {
    const pages = (await readdir(join(dir, 'dist'), { recursive: true })).filter((p) => p.endsWith('.html'));
    const linking: string[] = [];
    for (const p of pages) if ((await readFile(join(dir, 'dist', p), 'utf8')).includes('/teams/unknown')) linking.push(p);
    expect([pages.length > 20, linking]).toEqual([true, []]);
  });
});
