// Issue 25: an empty registry (its ecosystem.yaml and a team, nothing else) builds a home page
// with one note saying what to add, not six families of "none recorded" and "0 events" over empty
// tables. The built page, as a reader gets it.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutViteEnv } from '../../scripts/clean-env.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let temp: string;
let home: string;
let bare: string;

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'plexus-empty-'));
  const ecosystem = [
    'name: Acme',
    'description: What our systems are.',
    'currentProject: unknown',
    'referenceProject: unknown',
    'maintainedBy: unknown',
    'registryVersion: 0.1.0',
    'lastUpdated: 2026-11-01',
    'nextReview: 2027-02-01',
    'policies: {deprecationNoticeMonths: 3, parallelSupportMonths: 1}',
    '',
  ].join('\n');
  /** Builds a registry of `files` and returns its home page. */
  const build = async (name: string, files: Record<string, string>) => {
    const registry = join(temp, name);
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(registry, path, '..'), { recursive: true });
      await writeFile(join(registry, path), text);
    }
    const dist = join(temp, `${name}-dist`);
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
      cwd: ROOT,
      env: {
        ...withoutViteEnv(),
        PLEXUS_CONTENT: registry,
        PLEXUS_DIST: dist,
        PLEXUS_CHROMIUM: 'none',
        PLEXUS_CACHE: join(temp, 'cache'),
        PLEXUS_TODAY: '2026-11-22',
        PLEXUS_QUIET: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const html = await readFile(join(dist, 'index.html'), 'utf8');
    return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  };
  home = await build('with-team', { 'ecosystem.yaml': ecosystem, 'teams/platform.yaml': 'name: Platform\nlead: Ada Lovelace\n' });
  bare = await build('bare', { 'ecosystem.yaml': ecosystem });
}, 600_000);

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('the home page of an empty registry', () => {
  it('says once what to add, with the commands that add it', () => {
    const main = home;
    const note = /<section class="card empty-state">[\s\S]*?<\/section>/.exec(main)?.[0];
    expect(note).toBe(
      '<section class="card empty-state"><h2>Nothing recorded yet</h2><p>This registry has its ecosystem and one team, but no repositories or integrations. Each is a YAML file in the registry folder; add them, then build the site again:</p><ol><li>The repositories: <code>plexus new repository payment-service --team platform</code></li><li>How they integrate: <code>plexus new integration orders-to-payments --provider payment-service --consumers order-service --type rest</code></li><li>Check what you wrote: <code>plexus check</code></li></ol><p>Or bring in what exists: <code>plexus import</code> reads a Backstage catalog, OpenAPI and AsyncAPI documents.</p></section>',
    );
    expect(main.match(/<h2/g)?.length).toBe(1);
    for (const absent of ['none recorded', '0 events', 'class="grid"', '<table', 'Overdue reviews', 'Lowest uptime']) expect(main).not.toContain(absent);
  });

  it('asks for a team first when there is none (a registry of only ecosystem.yaml)', () => {
    expect(bare).toContain(
      '<p>This registry has its ecosystem, but no repositories or integrations. Each is a YAML file in the registry folder; add them, then build the site again:</p><ol><li>A team, who owns things and whom to call: <code>plexus new team payments</code></li><li>The repositories: <code>plexus new repository payment-service --team payments</code></li>',
    );
    for (const absent of ['none recorded', '0 events', 'class="grid"', '<table']) expect(bare).not.toContain(absent);
  });
});
