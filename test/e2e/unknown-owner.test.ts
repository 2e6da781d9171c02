// Issue 26: a Backstage API whose owner is in no catalog file (group:default/guest) or not given is
// imported as an integration whose owner is unknown; the built site says "owner unknown" under Whom
// to call, links no team page, names it on the teams page and counts it on /quality/.
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIn } from '../cli/harness.ts';
import { buildRegistrySite, mainOf } from './build-registry.ts';

let dir = '';
const main = (path: string) => mainOf(join(dir, 'dist'), path);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-unknown-owner-'));
  await cp(join(import.meta.dirname, '..', 'fixtures', 'backstage-api-owner'), join(dir, 'cat'), { recursive: true });
  await mkdir(join(dir, 'registry'));
  const imported = await runIn(dir, ['import', 'backstage', 'cat', '--content', 'registry'], { PLEXUS_TODAY: '2026-12-06' });
  if (imported.code !== 0) throw new Error(imported.out + imported.err);
  await buildRegistrySite(join(dir, 'registry'), dir, '2026-12-06', { PLEXUS_CHROMIUM: 'none' });
}, 240_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a site with an integration whose owner is unknown', () => {
  it('says "owner unknown" in grey under Whom to call, not a link', async () => {
    expect(await main('integrations/guest-api')).toContain(
      '<h2>Whom to call</h2><dl class="facts"><dt>Owner</dt><dd><span class="muted">owner unknown</span></dd></dl>',
    );
  });

  it('names both under the teams, linked to the integrations, not to a team', async () => {
    expect(await main('teams')).toContain(
      '<p class="muted">Owner unknown for 2 integrations: <a href="/integrations/guest-api/">Guest &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;API&quot;</a>, <a href="/integrations/lost-api/">lost-api</a>; <a href="/quality/">Data quality</a> lists them all.</p>',
    );
  });

  it('counts both on /quality/ as integrations missing their owner', async () => {
    expect(await main('quality')).toContain(
      '<tr><td data-label="Field"><code>owner</code></td><td data-label="Recorded">0 of 2 <span class="muted">(0%)</span></td><td data-label="Not recorded in">',
    );
  });

  it('links no page of a team called unknown anywhere', async () => {
    const pages = (await readdir(join(dir, 'dist'), { recursive: true })).filter((p) => p.endsWith('.html'));
    const linking: string[] = [];
    for (const p of pages) if ((await readFile(join(dir, 'dist', p), 'utf8')).includes('/teams/unknown')) linking.push(p);
    expect([pages.length > 10, linking]).toEqual([true, []]);
  });
});
