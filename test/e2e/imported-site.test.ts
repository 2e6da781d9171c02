// A Backstage catalog, an OpenAPI and an AsyncAPI document imported into an empty registry build a
// site: pages for what was imported, roles and diagram edges from the catalog's relations, and the
// specs' operations and schemas on the pages.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistrySite } from './build-registry.ts';
import type { Io } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';
import { loadRegistry } from '../../src/core/fs.ts';
import { ecosystemDiagram } from '../../src/render/diagrams.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
let dir = '';
const page = (path: string) => readFile(join(dir, 'dist', path, 'index.html'), 'utf8');

async function plexus(...args: string[]) {
  const out: string[] = [];
  const io: Io = { cwd: dir, env: {}, out: (t) => out.push(t), err: (t) => out.push(t) };
  const code = await runMain(args, io);
  if (code !== 0) throw new Error(`plexus ${args.join(' ')} exited ${code}: ${out.join('\n')}`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plexus-imported-'));
  await cp(join(FIXTURES, 'backstage'), join(dir, 'catalog'), { recursive: true });
  await cp(join(FIXTURES, 'specs'), join(dir, 'specs'), { recursive: true });
  await mkdir(join(dir, 'registry'));
  await plexus('import', 'backstage', 'catalog', '--content', 'registry');
  await writeFile(
    join(dir, 'registry', 'ecosystem.yaml'),
    'name: Shop\ndescription: From a Backstage catalog.\ncurrentProject: orders\nreferenceProject: orders\nmaintainedBy: payments\nregistryVersion: 0.1.0\nlastUpdated: 2026-11-20\nnextReview: 2027-02-01\npolicies:\n  deprecationNoticeMonths: 3\n  parallelSupportMonths: 1\n',
  );
  await plexus('import', 'openapi', 'specs/orders-3.1.yaml', '--provider', 'orders', '--integration', 'orders-api', '--content', 'registry');
  await plexus('import', 'asyncapi', 'specs/accounts-asyncapi-2.6.yaml', '--repository', 'payments', '--content', 'registry');
  await buildRegistrySite(join(dir, 'registry'), dir, '2026-11-24');
}, 240_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a site built from imports', () => {
  it('has a page for each imported entity, with the roles the catalog gave', async () => {
    const api = await page('integrations/payments-api');
    expect(api).toContain('<dt>Provided by</dt><dd><a href="/repositories/payments/">payments</a></dd>');
    expect(api).toContain('<dt>Used by</dt><dd><a href="/repositories/orders/">Order Service</a>');
    expect(await page('repositories/orders')).toContain('<h1>Order Service');
    expect(await page('resources/orders-db')).toContain('Order Service');
    expect(await page('systems/checkout')).toContain('checkout');
  });

  it('draws the catalog’s relations as edges from the side that acts', async () => {
    const { model } = await loadRegistry(join(dir, 'registry'), { today: '2026-11-24' });
    expect(ecosystemDiagram(model).text.rows).toEqual([
      { from: 'Order Service', label: 'depends on', to: 'payments' },
      { from: 'Order Service', label: 'calls payments-api', to: 'payments' },
    ]);
  });

  it('shows the OpenAPI operations and their schemas, and the AsyncAPI payload', async () => {
    const api = await page('integrations/orders-api');
    expect(api).toContain(
      '<td data-label="Method"><code>POST</code></td><td data-label="Path"><code>/<wbr>orders</code></td><td data-label="Summary">Place an order</td><td data-label="operationId"><code>place<wbr>Order</code></td><td data-label="Auth">jwt</td>',
    );
    expect(api).toContain(
      '<code>id</code> <span class="schema-type">string (uuid)</span> <span class="badge">required</span> <span class="muted">Order id</span>',
    );
    // Order is drawn once, where the page first uses it; it contains itself, and later uses link back to it.
    expect(api).toContain(
      '<li><code>replaces</code> <span class="schema-type">object Order</span> <a class="see-above" href="#schema.Order">→ see Order above</a></li>',
    );
    expect(api.match(/id="schema\.Order"/g)).toHaveLength(1);
    expect(api.match(/→ see Order above/g)).toHaveLength(3);
    const event = await page('events/user-signed-up');
    expect(event).toContain(
      '<code>userId</code> <span class="schema-type">string (uuid)</span> <span class="badge">required</span> <span class="muted">The new user</span>',
    );
  });

  it('says what an imported event lacks instead of showing empty fields and tables', async () => {
    const event = await page('events/user-signed-up');
    // The import derives the integration that carries the event (issue 26), so it is named, not missing.
    expect(event).toContain('<dt>Carried by</dt><dd><a href="/integrations/user-signed-up-event/">user-signed-up events</a></dd>');
    expect(event).toContain('<dt>Guarantee</dt><dd>not recorded</dd>');
    expect(event).toContain('<h2 id="consumers">Consumers</h2><p class="muted">No registered consumers.</p>');
    expect(event).not.toContain('<th scope="col">Handling</th>');
  });
});
