// A registry's own templates reach the site as well as the export: the page shows the
// override's sections once, below the cards it draws itself, and `site` lets a template keep
// parts out of the site.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutViteEnv } from '../../scripts/clean-env.ts';
import { runMain } from '../../src/cli/main.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BOOKSHOP = join(import.meta.dirname, '..', 'fixtures', 'bookshop');
let dir = '';

const OVERRIDE = `{{#unless site}}
# {{title}}

{{purpose}}
{{/unless}}

## Runbook

Page the {{owner}} team; they own {{code id}}.
{{#unless site}}

## Whom to Call

Ask {{owner}}.
{{/unless}}
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-override-'));
  await cp(BOOKSHOP, join(dir, 'content'), { recursive: true });
  await mkdir(join(dir, 'content', 'templates'));
  await writeFile(join(dir, 'content', 'templates', 'integration.md.hbs'), OVERRIDE);
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: {
      ...withoutViteEnv(),
      PLEXUS_CONTENT: join(dir, 'content'),
      PLEXUS_DIST: join(dir, 'dist'),
      PLEXUS_CACHE: join(dir, 'cache'),
      PLEXUS_TODAY: '2026-11-22',
      PLEXUS_QUIET: '1',
    },
    maxBuffer: 64 << 20,
  });
}, 240_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a registry that overrides a template', () => {
  it('shows the override on the site once, below the page’s own cards, without what it keeps out of the site', async () => {
    const html = await readFile(join(dir, 'dist', 'integrations', 'cart-api', 'index.html'), 'utf8');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect([...main.matchAll(/<h([12])[^>]*>([^<]*)/g)].map((m) => `h${m[1]} ${m[2]!.trim()}`)).toEqual([
      'h1 Cart API',
      'h2 Who and how',
      'h2 Whom to call',
      'h2 Runbook',
    ]);
    expect(main).toContain('<p>Page the Storefront team; they own <code>cart-api</code>.</p>');
    expect(main).not.toContain('Ask Storefront');
  });

  it('keeps what it leaves out of the site in the export', async () => {
    const io = { cwd: dir, env: { PLEXUS_TODAY: '2026-11-22' }, out: () => {}, err: () => {} };
    expect(await runMain(['export', '--md', 'out'], io)).toBe(0);
    expect(await readFile(join(dir, 'out', 'integrations', 'cart-api.md'), 'utf8')).toBe(
      '# Cart API\n\nAdds books to a cart and checks it out\n\n## Runbook\n\nPage the Storefront team; they own `cart-api`.\n\n## Whom to Call\n\nAsk Storefront.\n',
    );
  });
});
