// The second example (test/fixtures/bookshop/): a registry in another style checks clean, builds,
// and draws what really happens, edge by edge.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutViteEnv } from '../../scripts/clean-env.ts';
import { loadRegistry } from '../../src/core/fs.ts';
import { ecosystemDiagram, neighbourhoodDiagram } from '../../src/render/diagrams.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BOOKSHOP = join(import.meta.dirname, '..', 'fixtures', 'bookshop');
const { model, diagnostics } = await loadRegistry(BOOKSHOP, { today: '2026-11-22' });
let dir = '';
let built = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-bookshop-'));
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: {
      ...withoutViteEnv(),
      PLEXUS_CONTENT: BOOKSHOP,
      PLEXUS_DIST: join(dir, 'dist'),
      PLEXUS_CACHE: join(dir, 'cache'),
      PLEXUS_TODAY: '2026-11-22',
      PLEXUS_QUIET: '1',
    },
    maxBuffer: 64 << 20,
  });
  built = stdout;
}, 240_000);
afterAll(() => rm(dir, { recursive: true, force: true }));
const page = (path: string) => readFile(join(dir, 'dist', path, 'index.html'), 'utf8');

describe('the bookshop example', () => {
  it('checks clean', () => {
    expect(diagnostics).toEqual([]);
    expect(built).toContain('No problems in 16 files.');
  });

  it('draws each edge from the side that acts, with its verb, grouped by system within domain', () => {
    const { source, text } = ecosystemDiagram(model);
    expect(
      source
        .split('\n')
        .filter((l) => l.includes('subgraph') || l.trim() === 'end')
        .map((l) => l.trim()),
    ).toEqual(['subgraph g0["Domain: Commerce"]', 'subgraph g1["System: Storefront"]', 'end', 'subgraph g2["System: Payments"]', 'end', 'end']);
    expect(text.rows).toEqual([
      { from: 'Web Frontend', label: 'calls Cart API', to: 'Cart Service' },
      { from: 'Web Frontend', label: 'calls Catalog API', to: 'Catalog Service' },
      { from: 'Cart Service', label: 'calls Payment API', to: 'Payment Service' },
    ]);
    expect(text.legend).toContain('Boxes are systems within their domains.');
  });

  it('draws the cache its owner owns, not as a repository', () => {
    expect(neighbourhoodDiagram(model, 'cart-service').text.rows).toEqual([
      { from: 'Web Frontend', label: 'calls Cart API', to: 'Cart Service' },
      { from: 'Cart Service', label: 'calls Payment API', to: 'Payment Service' },
      { from: 'Cart Service', label: 'owns Cart cache', to: 'Cart cache' },
    ]);
  });

  it('says a public API has no registered consumers, and an unknown auth is not recorded', async () => {
    const publicApi = await page('integrations/public-catalog');
    expect(publicApi).toContain('<dt>Used by</dt><dd><span class="muted">no registered consumers</span>');
    const cart = await page('integrations/cart-api');
    expect(cart).toContain('<dt>Auth</dt><dd class="muted">not recorded</dd>');
  });

  it('has a page per system with its parts and its integrations with the outside', async () => {
    const storefront = await page('systems/storefront');
    expect(storefront).toContain('<h1>Storefront <span class="muted">· system</span></h1>');
    for (const part of ['Web Frontend', 'Catalog Service', 'Cart Service', 'Cart cache']) expect(storefront).toContain(`>${part}</a>`);
    const outside = storefront.slice(
      storefront.indexOf('<h2 id="with-the-outside">With the outside</h2>'),
      storefront.indexOf('<h2 id="within-the-system">Within the system</h2>'),
    );
    expect(outside).toContain('>Payment API</a>');
    expect(outside).toContain('>Public Catalog API</a>'); // offered outward, no registered consumers
    expect(outside).not.toContain('>Cart API</a>');
    const home = await page('');
    expect(home).toMatch(/<span class="n">2<\/span><span class="label">Systems<\/span>/);
    const domain = await page('systems/domain/commerce');
    expect(domain).toContain('>Storefront</a>: ');
    expect(domain).toContain('>Payments</a>: ');
    const domainOutside = domain.slice(domain.indexOf('<h2 id="with-the-outside">With the outside</h2>'));
    expect(domainOutside).toContain('>Public Catalog API</a>');
    expect(domainOutside).not.toContain('>Payment API</a>'); // both sides are in the domain
    expect(await page('repositories/catalog-service')).toContain('<h2 id="what-it-provides">What it provides</h2>');
  });
});
