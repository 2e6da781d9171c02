// A registry customises its site without forking Plexus: its own templates reach the site as well
// as the export (the page shows the override's sections once, below the cards it draws itself, and
// `site` lets a template keep parts out of the site); its public/ folder and the site settings in
// ecosystem.yaml brand it (logo, favicon, colours, header links) and add its own search aliases.
import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutViteEnv } from '../../scripts/clean-env.ts';
import { runMain } from '../../src/cli/main.ts';
import { launch } from './browser.ts';
import { serve } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BOOKSHOP = join(import.meta.dirname, '..', 'fixtures', 'bookshop');
let dir = '';
let built = '';
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b6e4f"/></svg>';
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#0b6e4f"/></svg>';
const BRAND = `site:
  title: Bookshop map
  logo: brand/logo.svg
  colors: { accent: "#0b6e4f", accentDark: "#7fd1b0" }
  nav:
    - { label: Runbooks, url: "https://runbooks.example/bookshop?team=storefront&view=all" }
    - { label: Cart API, url: /integrations/cart-api/ }
  searchAliases:
    - [trolley, basket, Cart API]
`;

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
  await mkdir(join(dir, 'content', 'public', 'brand'), { recursive: true });
  await writeFile(join(dir, 'content', 'public', 'brand', 'logo.svg'), LOGO);
  await writeFile(join(dir, 'content', 'public', 'favicon.svg'), FAVICON);
  await writeFile(join(dir, 'content', 'public', '404.html'), 'not Plexus’s page');
  await appendFile(join(dir, 'content', 'ecosystem.yaml'), BRAND);
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: {
      ...withoutViteEnv(),
      PLEXUS_CONTENT: join(dir, 'content'),
      PLEXUS_DIST: join(dir, 'dist'),
      PLEXUS_CACHE: join(dir, 'cache'),
      PLEXUS_TODAY: '2026-11-22',
      BASE_PATH: '/shop',
    },
    maxBuffer: 64 << 20,
  });
  built = stdout + stderr;
}, 240_000);
afterAll(() => rm(dir, { recursive: true, force: true }));
const page = (path: string) => readFile(join(dir, 'dist', path), 'utf8');

describe('a registry that overrides a template', () => {
  it('shows the override on the site once, below the page’s own cards, without what it keeps out of the site', async () => {
    const html = await page('integrations/cart-api/index.html');
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect([...main.matchAll(/<h([12])[^>]*>([^<]*)/g)].map((m) => `h${m[1]} ${m[2]!.trim()}`)).toEqual([
      'h1 Cart API',
      'h2 Who and how',
      'h2 Whom to call',
      'h2 Runbook',
    ]);
    expect(main).toContain('<p>Page the Storefront team; they own <code>cart-api</code>.</p>');
    expect(main).not.toContain('Ask Storefront');
    // Nothing recorded reads once, not "not recorded updated not recorded".
    expect(main).toContain('<dt>Version</dt><dd class="muted">not recorded</dd>');
  });

  it('keeps what it leaves out of the site in the export', async () => {
    const io = { cwd: dir, env: { PLEXUS_TODAY: '2026-11-22' }, out: () => {}, err: () => {} };
    expect(await runMain(['export', '--md', 'out'], io)).toBe(0);
    expect(await readFile(join(dir, 'out', 'integrations', 'cart-api.md'), 'utf8')).toBe(
      '# Cart API\n\nAdds books to a cart and checks it out\n\n## Runbook\n\nPage the Storefront team; they own `cart-api`.\n\n## Whom to Call\n\nAsk Storefront.\n',
    );
  });
});

describe('a registry that brands its site', () => {
  it('shows its logo, title, colours and header links on every page, under the base path', async () => {
    const html = await page('index.html');
    expect(html).toContain('<a class="brand" href="/shop/"><img class="logo" src="/shop/brand/logo.svg" alt="" height="28">Bookshop map</a>');
    expect(html).toContain(
      '<style>:root:not([data-theme="dark"]){--accent:#0b6e4f}:root[data-theme="dark"]{--accent:#7fd1b0}@media (prefers-color-scheme: dark){:root:not([data-theme]){--accent:#7fd1b0}}</style>',
    );
    expect(html).toContain(
      '<a href="https://runbooks.example/bookshop?team=storefront&amp;view=all">Runbooks</a><a href="/shop/integrations/cart-api/">Cart API</a></nav>',
    );
    expect(await page('teams/storefront/index.html')).toContain('<img class="logo" src="/shop/brand/logo.svg"');
  });

  it('publishes its public/ files, its favicon over Plexus’s, but never over a page Plexus built', async () => {
    expect(await page('brand/logo.svg')).toBe(LOGO);
    expect(await page('favicon.svg')).toBe(FAVICON);
    expect(await page('404.html')).toContain('<h1>Page not found</h1>');
    expect(built).toContain('public/404.html would replace a page or file Plexus built; it was left out.');
  });

  it('refuses a logo that is not there, and a public/ file that links out of the registry', async () => {
    const content = join(dir, 'content');
    await symlink('/etc/hostname', join(content, 'public', 'leak.png'));
    await writeFile(
      join(content, 'ecosystem.yaml'),
      (await readFile(join(content, 'ecosystem.yaml'), 'utf8')).replace('logo: brand/logo.svg', 'logo: brand/logo.png'),
    );
    const printed: string[] = [];
    const io = { cwd: dir, env: { PLEXUS_TODAY: '2026-11-22' }, out: (t: string) => printed.push(t), err: (t: string) => printed.push(t) };
    expect(await runMain(['check', '--content', content], io)).toBe(1);
    const text = printed.join('\n');
    expect(text).toContain("content/ecosystem.yaml:14:9 error PLX055 There is no public/brand/logo.png in the registry for the site's logo.");
    expect(text).toMatch(/content\/public\/leak\.png:1:1 error PLX027 /);
  });
});

describe("a registry's own search aliases", () => {
  it('finds the page its alias names: trolley, a word no page uses, finds the Cart API', async () => {
    // No file of the registry says trolley: only the alias can lead there.
    const files = (await readdir(BOOKSHOP, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    for (const f of files) expect(await readFile(join(f.parentPath, f.name), 'utf8')).not.toMatch(/trolley/i);
    const site = await serve(join(dir, 'dist'), '/shop/');
    const browser = await launch();
    try {
      const tab = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await tab.goto(`${site.url}`, { waitUntil: 'load' });
      await tab.click('#search input');
      const input = tab.locator('#search input.pagefind-ui__search-input');
      await input.waitFor({ timeout: 15_000 });
      await input.fill('trolley');
      const first = tab.locator('.pagefind-ui__result-link').first();
      await first.waitFor({ timeout: 15_000 });
      expect(await first.getAttribute('href')).toBe('/shop/integrations/cart-api/');
      expect(await first.textContent()).toBe('Integration · Cart API');
    } finally {
      await browser.close();
      site.server.close();
    }
  }, 90_000);
});
