// plexus diff on real git repositories: what changed, whom it reaches, whom to notify, and the
// changes that break consumers against the registry's deprecation policy.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli/main.ts';
import { formatMarkdown } from '../../src/diff/format.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-diff-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const SPEC = (withDelete: boolean, idType = 'string') => `openapi: 3.1.0
info: {title: Orders API, version: 1.2.0}
paths:
  /orders:
    get:
      operationId: listOrders
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        '200': {description: Orders}
  /orders/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}}
    get:
      operationId: getOrder
      responses:
        '200':
          description: The order
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: ${idType}}
                  total: {type: integer}
${
  withDelete
    ? `    delete:
      operationId: cancelOrder
      responses:
        '204': {description: Cancelled}
`
    : ''
}`;

const ORDERS_API = (extra = '') => `title: Orders API
provider: orders
consumers: [web]
purpose: The web shop reads and cancels orders
type: rest
protocol: HTTPS
auth: jwt
owner: core
version: 1.2.0
status: production
spec: specs/orders.yaml
contacts:
  primary: Core on-call
${extra}`;

/** The registry every repository starts from. */
const FILES: Record<string, string> = {
  'content/ecosystem.yaml': `name: Acme
description: Acme sells things.
currentProject: orders
referenceProject: orders
maintainedBy: core
registryVersion: 1.0.0
lastUpdated: 2026-11-01
nextReview: 2027-05-01
policies:
  deprecationNoticeMonths: 6
  parallelSupportMonths: 3
`,
  'content/teams/core.yaml': 'name: Core\nlead: Ada Lovelace\ncontacts:\n  email: core@acme.example\n  chat: "#core"\n',
  'content/teams/shop.yaml': 'name: Shop\nlead: Grace Hopper\ncontacts:\n  email: shop@acme.example\n',
  'content/repositories/orders.yaml': 'name: Orders\npurpose: Orders\nrole: Backend\nkind: service\nstatus: active\nurl: unknown\nteam: core\n',
  'content/repositories/web.yaml': 'name: Web\npurpose: The shop\nrole: Frontend\nkind: frontend\nstatus: active\nurl: unknown\nteam: shop\n',
  'content/repositories/mail.yaml': 'name: Mail\npurpose: Receipts\nrole: Email\nkind: service\nstatus: active\nurl: unknown\nteam: shop\n',
  'content/repositories/reports.yaml': 'name: Reports\npurpose: Sales reports\nrole: Reporting\nkind: service\nstatus: active\nurl: unknown\nteam: core\n',
  'content/integrations/orders-api.yaml': ORDERS_API(),
  'content/integrations/web-feed.yaml': `title: Web feed
provider: web
consumers: [reports]
purpose: Reports read what the shop sold
type: file
protocol: HTTPS
owner: shop
status: production
`,
  'content/integrations/order-events.yaml': `title: Order events
provider: orders
consumers: [mail]
purpose: Mail sends a receipt for each order
type: event
protocol: Kafka
owner: core
version: 1.0.0
status: production
events: [order.placed]
`,
  'content/events/order.placed.yaml': `description: A buyer placed an order.
payload:
  orderId: string
  total: integer
producers: [orders]
consumers:
  - repository: mail
    handling: Send the receipt
channel: "kafka: orders"
`,
  'content/specs/orders.yaml': SPEC(true),
};

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, encoding: 'utf8' });

let count = 0;
/** A git repository with FILES committed on main, then on branch `pr` one commit per change set (a file's text, or null to delete it). */
async function repository(...commits: Record<string, string | null>[]): Promise<string> {
  const dir = join(root, `repo-${++count}`);
  await mkdir(dir);
  git(dir, 'init', '-q');
  await write(dir, FILES);
  git(dir, 'commit', '-qm', 'base');
  git(dir, 'checkout', '-qb', 'pr');
  for (const [i, files] of commits.entries()) {
    await write(dir, files);
    git(dir, 'commit', '-q', '--allow-empty', '-m', `change ${i + 1}`);
  }
  return dir;
}

async function write(dir: string, files: Record<string, string | null>) {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) git(dir, 'rm', '-q', path);
    else {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
      git(dir, 'add', path);
    }
  }
}

async function run(cwd: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runMain(['diff', ...args], { cwd, env: { PLEXUS_TODAY: '2026-11-22' }, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const short = (dir: string, rev: string) => git(dir, 'rev-parse', '--short', rev).trim();

describe('plexus diff', () => {
  it('lists a new consumer with the fields that changed, whom it reaches and whom to notify; nothing breaks', async () => {
    const dir = await repository({ 'content/integrations/orders-api.yaml': ORDERS_API().replace('consumers: [web]', 'consumers: [web, mail]') });
    const { code, out } = await run(dir);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        `plexus diff: the merge base with main (${short(dir, 'main')}) → the working tree`,
        '1 changed.',
        '',
        'changed integration orders-api (content/integrations/orders-api.yaml)',
        '  consumers: [web] → [web, mail]',
        '',
        'Impact:',
        '  integration orders-api: consumers mail, web; through them reports',
        '',
        'Notify:',
        '  Core (core): Ada Lovelace, core@acme.example, #core (integration orders-api: owner, provider orders)',
        '  Shop (shop): Grace Hopper, shop@acme.example (integration orders-api: consumer mail, consumer web)',
        '  Core on-call (integration orders-api: primary contact)',
      ].join('\n'),
    );
  });

  it('is an error to remove an operation a consumer still uses, naming the consumers, the policy and how to comply', async () => {
    const dir = await repository({ 'content/specs/orders.yaml': SPEC(false, 'integer') });
    const { code, out } = await run(dir, 'main', 'pr');
    expect(code).toBe(1);
    const hint =
      "  hint: This registry asks for 6 months' notice before a breaking change (policies.deprecationNoticeMonths). Keep it for now and give orders-api a lifecycle.deprecation (announced, a sunset at least 6 months later, migration); make the change once the sunset has passed, or raise its version to 2.0.0.";
    // The removed operation is shown as written, cut at 80 characters (what follows, its auth and parameters, is not this test's).
    const removed = '  operations[DELETE /orders/{id}]: removed {method: DELETE, path: /orders/{id}, operationId: cancelOrder, ';
    expect(out.split('\n').map((line) => (line.startsWith(removed) && line.endsWith('…') ? `${removed}…` : line))).toEqual([
      `plexus diff: main (${short(dir, 'main')}) → pr (${short(dir, 'pr')})`,
      '1 changed; 2 breaking changes.',
      '',
      'content/integrations/orders-api.yaml:11:1 error PLX058 In specs/orders.yaml (integration orders-api), GET /orders/{id}: response: id changed type from string to integer breaks web, which still uses it.',
      hint,
      'content/integrations/orders-api.yaml:11:1 error PLX058 Removing operation DELETE /orders/{id} from specs/orders.yaml (integration orders-api) breaks web, which still uses it.',
      hint,
      '',
      'changed spec specs/orders.yaml (content/specs/orders.yaml)',
      '  operations[GET /orders/{id}].responses[200].schema.id: string → integer',
      `${removed}…`,
      '',
      'Impact:',
      '  integration orders-api: consumers web; through them reports',
      '',
      'Notify:',
      '  Core (core): Ada Lovelace, core@acme.example, #core (integration orders-api: owner, provider orders)',
      '  Shop (shop): Grace Hopper, shop@acme.example (integration orders-api: consumer web)',
      '  Core on-call (integration orders-api: primary contact)',
    ]);
  });

  it('allows the same removal after a deprecation whose notice met the policy and whose sunset passed, or with a new major version', async () => {
    const deprecated = (announced: string, sunset: string) =>
      ORDERS_API(`lifecycle:
  phase: retirement
  deprecation:
    announced: ${announced}
    sunset: ${sunset}
    migration: Cancel through the support desk
`).replace('status: production', 'status: deprecated');
    // Announced with the notice, sunset passed: allowed, a warning.
    let dir = await repository(
      { 'content/integrations/orders-api.yaml': deprecated('2026-01-10', '2026-07-10') },
      { 'content/specs/orders.yaml': SPEC(false) },
    );
    let result = await run(dir, 'HEAD~1', 'HEAD');
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      "content/integrations/orders-api.yaml:11:1 warning PLX059 Removing operation DELETE /orders/{id} from specs/orders.yaml (integration orders-api) breaks web, which still uses it; allowed by orders-api's deprecation (announced 2026-01-10, sunset 2026-07-10, passed).",
    );
    // The sunset is still to come: an error that says so.
    dir = await repository({ 'content/integrations/orders-api.yaml': deprecated('2026-06-01', '2027-01-15') }, { 'content/specs/orders.yaml': SPEC(false) });
    result = await run(dir, 'HEAD~1', 'HEAD');
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      "error PLX058 Removing operation DELETE /orders/{id} from specs/orders.yaml (integration orders-api) breaks web, which still uses it; its deprecation's sunset, 2027-01-15, has not passed (today is 2026-11-22).\n" +
        "  hint: This registry asks for 6 months' notice before a breaking change (policies.deprecationNoticeMonths). Keep it until the sunset of orders-api's deprecation (2027-01-15) has passed, then make the change, or raise its version to 2.0.0; meanwhile web must migrate.",
    );
    // Too little notice, even with the sunset passed.
    dir = await repository({ 'content/integrations/orders-api.yaml': deprecated('2026-08-01', '2026-10-01') }, { 'content/specs/orders.yaml': SPEC(false) });
    result = await run(dir, 'HEAD~1', 'HEAD');
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      "which still uses it; its deprecation (announced 2026-08-01, sunset 2026-10-01) gives less than 6 months' notice: the sunset could be 2027-02-01 at the earliest.",
    );
    // Retiring it: allowed after the sunset, never by a new major version alone.
    dir = await repository(
      { 'content/integrations/orders-api.yaml': deprecated('2026-01-10', '2026-07-10') },
      { 'content/integrations/orders-api.yaml': deprecated('2026-01-10', '2026-07-10').replace('status: deprecated', 'status: retired') },
    );
    result = await run(dir, 'HEAD~1', 'HEAD');
    expect(result.code).toBe(0);
    expect(result.out).toContain('warning PLX059 Retiring integration orders-api breaks web, which still uses it; allowed by orders-api');
    dir = await repository({
      'content/integrations/orders-api.yaml': ORDERS_API().replace('status: production', 'status: retired').replace('version: 1.2.0', 'version: 2.0.0'),
    });
    result = await run(dir, 'main');
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      'error PLX058 Retiring integration orders-api breaks web, which still uses it.\n' +
        "  hint: This registry asks for 6 months' notice before a breaking change (policies.deprecationNoticeMonths). Keep it for now and give orders-api a lifecycle.deprecation (announced, a sunset at least 6 months later, migration); make the change once the sunset has passed.",
    );
    // Consumers that have moved to the replacement are not stranded by the removal.
    const v2 = FILES['content/integrations/orders-api.yaml']!.replace('title: Orders API', 'title: Orders API v2').replace('spec: specs/orders.yaml\n', '');
    const replaced = deprecated('2026-10-01', '2027-04-01').replace(
      'migration: Cancel through the support desk',
      'migration: Move to v2\n    replacement: orders-api-v2',
    );
    dir = await repository(
      { 'content/integrations/orders-api.yaml': replaced },
      { 'content/integrations/orders-api.yaml': null, 'content/integrations/orders-api-v2.yaml': v2 },
    );
    result = await run(dir, 'HEAD~1', 'HEAD');
    expect(result.code).toBe(0);
    expect(result.out).not.toContain('PLX058');
    // Retired while still listed: its consumers still use it, even those that also use the replacement.
    dir = await repository(
      { 'content/integrations/orders-api.yaml': replaced, 'content/integrations/orders-api-v2.yaml': v2 },
      { 'content/integrations/orders-api.yaml': replaced.replace('status: deprecated', 'status: retired') },
    );
    result = await run(dir, 'HEAD~1', 'HEAD');
    expect(result.code).toBe(1);
    expect(result.out).toContain(
      "error PLX058 Retiring integration orders-api breaks web, which still uses it; its deprecation's sunset, 2027-04-01, has not passed (today is 2026-11-22).",
    );
    // A new major version in the same change.
    dir = await repository({
      'content/specs/orders.yaml': SPEC(false),
      'content/integrations/orders-api.yaml': ORDERS_API().replace('version: 1.2.0', 'version: 2.0.0'),
    });
    result = await run(dir, 'main', 'pr');
    expect(result.code).toBe(0);
    expect(result.out).toContain("allowed by orders-api's new major version (1.2.0 → 2.0.0).");
  });

  it('reports a renamed event with its consumers, and a removed payload field', async () => {
    const renamed = FILES['content/events/order.placed.yaml']!;
    const dir = await repository(
      { 'content/events/order.placed.yaml': null, 'content/events/order.created.yaml': renamed },
      { 'content/integrations/order-events.yaml': FILES['content/integrations/order-events.yaml']!.replace('[order.placed]', '[order.created]') },
    );
    const { code, out } = await run(dir, 'main', 'pr');
    expect(code).toBe(1);
    expect(out).toContain(
      'content/events/order.placed.yaml:1:1 error PLX058 Renaming event order.placed to order.created breaks mail, which still uses it.\n' +
        "  hint: This registry asks for 6 months' notice before a breaking change (policies.deprecationNoticeMonths). Keep it for now and give order-events a lifecycle.deprecation (announced, a sunset at least 6 months later, migration); make the change once the sunset has passed, or raise its version to 2.0.0.",
    );
    expect(out).toContain('added event order.created (content/events/order.created.yaml)\nremoved event order.placed (content/events/order.placed.yaml)');
    expect(out).toContain('changed integration order-events (content/integrations/order-events.yaml)\n  events: [order.placed] → [order.created]');

    const field = await repository({ 'content/events/order.placed.yaml': renamed.replace('  total: integer\n', '') });
    const removed = await run(field, 'main');
    expect(removed.out).toContain('error PLX058 Removing payload field total from event order.placed breaks mail, which still uses it.');
    expect(removed.out).toContain('  payload.total: removed integer');
  });

  it('names old and new owners to notify on an owner change, each once', async () => {
    const dir = await repository({ 'content/integrations/web-feed.yaml': FILES['content/integrations/web-feed.yaml']!.replace('owner: shop', 'owner: core') });
    const { code, out } = await run(dir, 'main');
    expect(code).toBe(0);
    expect(out.slice(out.indexOf('changed integration'))).toBe(
      [
        'changed integration web-feed (content/integrations/web-feed.yaml)',
        '  owner: shop → core',
        '',
        'Impact:',
        '  integration web-feed: consumers reports',
        '',
        'Notify:',
        '  Core (core): Ada Lovelace, core@acme.example, #core (integration web-feed: owner, consumer reports)',
        '  Shop (shop): Grace Hopper, shop@acme.example (integration web-feed: owner, provider web)',
      ].join('\n'),
    );
  });

  it('writes a pull-request comment in Markdown: marker, heading, summary, breaking changes first, tables, notify', async () => {
    const dir = await repository({
      'content/integrations/orders-api.yaml': null,
      'content/repositories/app.yaml': 'name: App | @acme/owners\npurpose: Mobile\nrole: App\nkind: frontend\nstatus: active\nurl: unknown\nteam: shop\n',
    });
    const { code, out } = await run(dir, 'main', '--format', 'markdown');
    expect(code).toBe(1);
    expect(out).toBe(
      [
        '<!-- plexus-diff -->',
        '## Registry changes',
        '',
        `**1 added, 1 removed; 1 breaking change.** Compared main (${short(dir, 'main')}) with the working tree.`,
        '',
        '### Breaking changes',
        '',
        '- ❌ **PLX058** `content/integrations/orders-api.yaml:1`: Removing integration orders-api breaks web, which still uses it.',
        "  To comply: This registry asks for 6 months' notice before a breaking change (policies.deprecationNoticeMonths). Keep it for now and give orders-api a lifecycle.deprecation (announced, a sunset at least 6 months later, migration); make the change once the sunset has passed.",
        '',
        '### Changes',
        '',
        '| change | entity | field | before | after |',
        '|---|---|---|---|---|',
        '| added | repository `app` | | | |',
        '| removed | integration `orders-api` | | | |',
        '',
        '### Impact',
        '',
        '| changed | consumers | through them |',
        '|---|---|---|',
        '| integration `orders-api` | web | reports |',
        '',
        '### Notify',
        '',
        '- **Core (core): Ada Lovelace, core&#64;acme.example, #core**: integration orders-api: owner, provider orders',
        '- **Shop (shop): Grace Hopper, shop&#64;acme.example**: repository app: owner; integration orders-api: consumer web',
        '- **Core on-call**: integration orders-api: primary contact',
      ].join('\n'),
    );
  });

  it('keeps registry text inert in the comment: no mention, HTML, formatting or cell break', () => {
    const report = {
      base: 'main',
      head: 'pr',
      checkErrors: { base: 0, head: 0 },
      summary: { added: 0, removed: 0, changed: 1, breaking: 0, allowed: 0 },
      changes: [
        {
          kind: 'team' as const,
          id: 'core',
          change: 'changed' as const,
          file: 'content/teams/core.yaml',
          fields: [{ path: 'notes|x`y', old: 'Ada', new: 'Eve | <img src=x> @acme/all **bold** [link](https://evil.example)' }],
        },
      ],
      impact: [],
      notify: [],
      diagnostics: [],
    };
    expect(formatMarkdown(report).split('\n').at(-1)).toBe(
      "| changed | team `core` | `notes\\|x'y` | Ada | Eve \\| &lt;img src=x> &#64;acme/all \\*\\*bold\\*\\* \\[link\\](https:&#47;&#47;evil.example) |",
    );
  });

  it('writes stable JSON: format, summary, changes with old and new, impact, notify, diagnostics', async () => {
    const dir = await repository({ 'content/events/order.placed.yaml': FILES['content/events/order.placed.yaml']!.replace('total: integer', 'total: string') });
    const { code, out } = await run(dir, 'main', 'pr', '--format', 'json');
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['format', 'ok', 'base', 'head', 'checkErrors', 'summary', 'changes', 'impact', 'notify', 'diagnostics']);
    expect(json.format).toBe('plexus-diff/1');
    expect(json.ok).toBe(false);
    expect(json.checkErrors).toEqual({ base: 0, head: 0 });
    expect(json.summary).toEqual({ added: 0, removed: 0, changed: 1, breaking: 1, allowed: 0 });
    expect(json.changes).toEqual([
      {
        kind: 'event',
        id: 'order.placed',
        change: 'changed',
        file: 'content/events/order.placed.yaml',
        fields: [{ path: 'payload.total', old: 'integer', new: 'string' }],
      },
    ]);
    expect(json.impact).toEqual([{ kind: 'event', id: 'order.placed', consumers: ['mail'], transitive: [] }]);
    expect(json.notify).toEqual([
      {
        team: 'core',
        name: 'Core',
        lead: 'Ada Lovelace',
        contacts: { email: 'core@acme.example', chat: '#core' },
        because: ['event order.placed: producer orders'],
      },
      { team: 'shop', name: 'Shop', lead: 'Grace Hopper', contacts: { email: 'shop@acme.example' }, because: ['event order.placed: consumer mail'] },
    ]);
    expect(json.diagnostics).toEqual([
      {
        code: 'PLX058',
        severity: 'error',
        file: 'content/events/order.placed.yaml',
        line: 4,
        col: 3,
        message: 'Changing payload field total of event order.placed from integer to string breaks mail, which still uses it.',
        hint: "This registry asks for 6 months' notice before a breaking change (policies.deprecationNoticeMonths). Keep it for now and give order-events a lifecycle.deprecation (announced, a sunset at least 6 months later, migration); make the change once the sunset has passed, or raise its version to 2.0.0.",
      },
    ]);
  });

  it('compares two folders, and says what is wrong with arguments it cannot use', async () => {
    const dir = await repository({});
    await cp(join(dir, 'content'), join(dir, 'old'), { recursive: true });
    await writeFile(join(dir, 'content/teams/shop.yaml'), 'name: Shop\nlead: Grace Hopper\n');
    const { code, out } = await run(dir, 'old', 'content');
    expect(code).toBe(0);
    expect(out).toBe(
      ['plexus diff: old → content', '1 changed.', '', 'changed team shop (content/teams/shop.yaml)', '  contacts.email: removed shop@acme.example'].join('\n'),
    );
    expect(await run(dir, 'nope')).toEqual({
      code: 2,
      out: '',
      err: '"nope" is not a commit, branch or tag in this repository.\nUsage: plexus diff [BASE] [HEAD] [--content DIR] [--format text|markdown|json]',
    });
    expect((await run(dir, '--format', 'html')).err).toContain('--format must be text, markdown or json, not "html".');
    const plain = join(root, 'not-git');
    await cp(join(dir, 'content'), join(plain, 'content'), { recursive: true });
    expect((await run(plain)).err).toContain('is not in a git repository; compare two folders instead: plexus diff OLD_DIR NEW_DIR.');
  });
});
