// plexus import backstage, openapi and asyncapi as a user runs them, and the drift check reports.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaComment } from '../../src/core/schema-comment.ts';
import { runIn } from './harness.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const root = await mkdtemp(join(tmpdir(), 'plexus-import-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await cp(join(FIXTURES, 'backstage'), join(root, 'catalog'), { recursive: true });
await cp(join(FIXTURES, 'backstage-bad'), join(root, 'catalog-bad'), { recursive: true });
await cp(join(FIXTURES, 'specs'), join(root, 'specs'), { recursive: true });

const run = (...args: string[]) => runIn(root, args, { PLEXUS_TODAY: '2026-11-24' });

/** A fresh, empty registry folder under the test root. */
async function emptyRegistry(name: string): Promise<string> {
  await mkdir(join(root, name), { recursive: true });
  return name;
}
const read = (path: string) => readFile(join(root, path), 'utf8');
const files = async (dir: string) => (await readdir(join(root, dir), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;

const ECOSYSTEM = `name: Shop
description: Imported from a Backstage catalog.
currentProject: orders
referenceProject: orders
maintainedBy: payments
registryVersion: 0.1.0
lastUpdated: 2026-11-20
nextReview: 2027-02-01
policies:
  deprecationNoticeMonths: 3
  parallelSupportMonths: 1
`;

describe('plexus import backstage', () => {
  it('maps every kind into an empty registry, with roles, and reports what does not map', async () => {
    const reg = await emptyRegistry('bs');
    const { code, out, err } = await run('import', 'backstage', 'catalog/catalog-info.yaml', '--content', reg);
    expect([code, err]).toEqual([0, '']);
    expect(out).toBe(
      [
        'Imported 9 catalog entities into 11 files under bs: 11 new, 0 updated, 0 unchanged.',
        'Not mapped (7):',
        '  API metadata.description (1):',
        '    api:default/payments-api: not given: purpose written as unknown',
        '  API spec.definition (2):',
        '    api:default/orders-api: not read (./orders.yaml): there is no such file',
        '    api:default/payments-api: a grpc definition: Plexus reads OpenAPI and AsyncAPI ones',
        '  Component metadata.annotations.pagerduty.com/service-id (1):',
        '    component:default/orders: no Plexus field for it',
        '  Location spec.targets[] (1):',
        '    location:default/root spec.targets[1]: not followed: only relative targets are read (https://example.com/x.yaml)',
        '  User spec.memberOf (1):',
        '    user:default/jdoe: Plexus keeps no team members',
        '  User spec.profile.picture (1):',
        '    user:default/jdoe: no Plexus field for it',
        'Check of the imported files: No problems in 11 files.',
      ].join('\n'),
    );
    expect(await read('bs/repositories/orders.yaml')).toBe(
      [
        schemaComment(join(root, 'bs/repositories/orders.yaml'), 'repository').trimEnd(),
        'name: Order Service',
        'purpose: Takes orders',
        'kind: service',
        'status: active',
        'url: https://github.com/acme/orders',
        'team: payments',
        'system: checkout',
        'tags:',
        '  - java',
        'imported:',
        '  from: backstage',
        '  source: ../catalog/services.yaml',
        '  ref: component:default/orders',
        '  fields:',
        '    - name',
        '    - purpose',
        '    - kind',
        '    - status',
        '    - url',
        '    - team',
        '    - system',
        '    - tags',
        '',
      ].join('\n'),
    );
    const yaml = await import('yaml');
    const data = async (path: string) => yaml.parse(await read(path));
    expect(await data('bs/integrations/payments-api.yaml')).toMatchObject({
      provider: 'payments',
      consumers: ['orders'],
      type: 'grpc',
      protocol: 'gRPC',
      status: 'production',
    });
    expect(await data('bs/integrations/orders-api.yaml')).toMatchObject({ provider: 'orders', consumers: [], type: 'rest', purpose: 'Orders REST API' });
    expect(await data('bs/integrations/orders-depends-on-payments.yaml')).toMatchObject({ provider: 'payments', consumers: ['orders'], type: 'dependency' });
    expect(await data('bs/resources/orders-db.yaml')).toMatchObject({ name: 'orders-db', kind: 'datastore', owner: 'orders', team: 'payments' });
    expect(await data('bs/teams/jdoe.yaml')).toMatchObject({ name: 'Jane Doe', lead: 'Jane Doe', contacts: { email: 'jane@example.com' } });
    expect(await data('bs/systems/checkout.yaml')).toMatchObject({ name: 'checkout', description: 'Taking money', domain: 'commerce', owner: 'payments' });
    expect(await data('bs/repositories/payments.yaml')).toMatchObject({ status: 'active', url: 'unknown', team: 'jdoe' });

    await writeFile(join(root, reg, 'ecosystem.yaml'), ECOSYSTEM);
    expect(await run('check', '--content', reg)).toEqual({ code: 0, out: 'No problems in 11 files.', err: '' });
  });

  it('keeps hand edits on a second run, changes nothing when run twice, and shows a change as a diff first', async () => {
    const reg = await emptyRegistry('again');
    await run('import', 'backstage', 'catalog', '--content', reg);
    // Hand edits: a field the import does not own, and a field taken over by removing it from imported.fields.
    await writeFile(join(root, reg, 'teams/payments.yaml'), `${await read(`${reg}/teams/payments.yaml`)}lead: Amara Nwosu\n`);
    const orders = (await read(`${reg}/repositories/orders.yaml`)).replace('purpose: Takes orders', 'purpose: Carts and orders').replace('    - purpose\n', '');
    await writeFile(join(root, reg, 'repositories/orders.yaml'), orders);
    const second = await run('import', 'backstage', 'catalog', '--content', reg);
    expect(second.out.split('\n')[0]).toBe('Imported 9 catalog entities into 10 files under again: 0 new, 0 updated, 10 unchanged.');
    expect(await read(`${reg}/teams/payments.yaml`)).toContain('lead: Amara Nwosu\n');
    expect(await read(`${reg}/repositories/orders.yaml`)).toBe(orders);

    // The catalog changes: --dry-run prints the diff and writes nothing; the real run writes it.
    const catalog = join(root, 'catalog-changed');
    await cp(join(root, 'catalog'), catalog, { recursive: true });
    await writeFile(
      join(catalog, 'services.yaml'),
      (await readFile(join(catalog, 'services.yaml'), 'utf8')).replace('description: Charges cards', 'description: Charges cards and refunds'),
    );
    const before = await read(`${reg}/repositories/payments.yaml`);
    const dry = await run('import', 'backstage', 'catalog-changed/catalog-info.yaml', '--content', reg, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(
      [
        '--- a/again/repositories/payments.yaml',
        '+++ b/again/repositories/payments.yaml',
        '@@ -1,5 +1,5 @@',
        ` ${schemaComment(join(root, 'again/repositories/payments.yaml'), 'repository').trimEnd()}`,
        ' name: payments',
        '-purpose: Charges cards',
        '+purpose: Charges cards and refunds',
      ].join('\n'),
    );
    expect(dry.out).toContain('Would import 9 catalog entities into 10 files under again: 0 new,');
    expect(await read(`${reg}/repositories/payments.yaml`)).toBe(before);
    await run('import', 'backstage', 'catalog-changed/catalog-info.yaml', '--content', reg);
    expect(await read(`${reg}/repositories/payments.yaml`)).toContain('purpose: Charges cards and refunds\n');
  });

  it.each([
    ['malformed.yaml', 'catalog-bad/malformed.yaml:5:16 error PLX001 This double quote is never closed.'],
    ['unknown-kind.yaml', 'catalog-bad/unknown-kind.yaml:2:7 error PLX046 "Compnent" is not a kind Plexus reads. Did you mean "Component"?'],
    [
      'dangling.yaml',
      'catalog-bad/dangling.yaml:8:10 error PLX047 owner names group:default/nobody, which is not in the catalog files given or in the registry.',
    ],
  ])('refuses %s with --strict: a positioned diagnostic, exit 1, nothing written', async (file, first) => {
    const reg = await emptyRegistry(`bad-${file}`);
    const { code, err } = await run('import', 'backstage', `catalog-bad/${file}`, '--strict', '--content', reg);
    expect(code).toBe(1);
    expect(err.split('\n')[0]).toBe(first);
    expect(err.split('\n').at(-1)).toBe('Nothing written: fix the input first.');
    expect(await files(reg)).toBe(0);
  });

  it('reads globs of catalog files', async () => {
    const reg = await emptyRegistry('glob');
    const { code, out } = await run('import', 'backstage', 'catalog/*.yaml', '--content', reg);
    expect([code, out.split('\n')[0]]).toEqual([0, 'Imported 9 catalog entities into 11 files under glob: 11 new, 0 updated, 0 unchanged.']);
    expect((await run('import', 'backstage', 'catalog/*.yml', '--content', reg)).err).toBe('catalog/*.yml: no file matches\nNothing written.');
  });

  it('says which input is missing, exit 2', async () => {
    const reg = await emptyRegistry('missing');
    expect(await run('import', 'backstage', 'nowhere.yaml', '--content', reg)).toEqual({
      code: 2,
      out: '',
      err: 'nowhere.yaml: no such file or folder\nNothing written.',
    });
  });
});

describe('plexus import openapi', () => {
  const registry = async (name: string) => {
    const reg = await emptyRegistry(name);
    await run('import', 'backstage', 'catalog', '--content', reg);
    await writeFile(join(root, reg, 'ecosystem.yaml'), ECOSYSTEM);
    return reg;
  };

  it('makes an integration of an OpenAPI 3.1 document, copies the spec in, and a second run changes nothing', async () => {
    const reg = await registry('oa');
    const first = await run('import', 'openapi', 'specs/orders-3.1.yaml', '--provider', 'orders', '--integration', 'orders-http', '--content', reg);
    expect(first).toEqual({
      code: 0,
      out: 'Imported 4 operations of Orders API into 2 files under oa: 2 new, 0 updated, 0 unchanged.\nCheck of the imported files: No problems in 2 files.',
      err: '',
    });
    const yaml = await import('yaml');
    const i = yaml.parse(await read(`${reg}/integrations/orders-http.yaml`));
    expect(i).toMatchObject({
      title: 'Orders API',
      provider: 'orders',
      purpose: 'Place and follow orders.',
      type: 'rest',
      protocol: 'HTTPS',
      auth: 'jwt',
      version: '2.1.0',
      connection: { endpoint: 'https://api.shop.example/orders' },
      spec: 'specs/orders-http.yaml',
      owner: 'payments',
      // An OpenAPI document does not say whether the API is live.
      status: 'unknown',
    });
    expect(i.operations).toEqual([
      { method: 'GET', path: '/orders', summary: "List the buyer's orders", operationId: 'listOrders' },
      { method: 'POST', path: '/orders', summary: 'Place an order', operationId: 'placeOrder' },
      { method: 'GET', path: '/orders/{orderId}', summary: 'One order', operationId: 'getOrder' },
      { method: 'GET', path: '/health', summary: 'Liveness', operationId: 'health' },
    ]);
    expect(await read(`${reg}/specs/orders-http.yaml`)).toBe(await read('specs/orders-3.1.yaml'));
    const again = await run('import', 'openapi', 'specs/orders-3.1.yaml', '--provider', 'orders', '--integration', 'orders-http', '--content', reg);
    expect(again.out.split('\n')[0]).toBe('Imported 4 operations of Orders API into 2 files under oa: 0 new, 0 updated, 2 unchanged.');
  });

  it('adds what the spec knows to an API imported from Backstage, under a second import record', async () => {
    const reg = await registry('oa2');
    await run('import', 'openapi', 'specs/orders-3.1.yaml', '--provider', 'orders', '--integration', 'orders-api', '--content', reg);
    const yaml = await import('yaml');
    const i = yaml.parse(await read(`${reg}/integrations/orders-api.yaml`));
    expect(i.title).toBe('orders-api'); // owned by the Backstage import, left to it
    expect(i.imported.map((r: { from: string; fields: string[] }) => [r.from, r.fields])).toEqual([
      ['backstage', ['title', 'provider', 'consumers', 'purpose', 'type', 'protocol', 'owner', 'status']],
      ['openapi', ['auth', 'version', 'connection.endpoint', 'spec', 'operations']],
    ]);
    expect((await run('check', '--content', reg)).out).toBe('No problems in 12 files.');
  });

  it('reads Swagger 2.0 JSON and OpenAPI 3.0 with a $ref to another file', async () => {
    const reg = await registry('oa3');
    expect((await run('import', 'openapi', 'specs/petstore-swagger2.json', '--provider', 'payments', '--content', reg)).code).toBe(0);
    const yaml = await import('yaml');
    expect(yaml.parse(await read(`${reg}/integrations/pet-store.yaml`))).toMatchObject({
      auth: 'api-key',
      connection: { endpoint: 'https://petstore.example/v1' },
      spec: 'specs/pet-store.json',
    });
    const users = await run('import', 'openapi', 'specs/users-3.0.yaml', '--provider', 'payments', '--content', reg);
    expect(users.out).toContain('  openapi 3.0.3: Users API  info.version: "1.4" is not a semantic version: version not written');
    expect(yaml.parse(await read(`${reg}/integrations/users-api.yaml`))).toMatchObject({
      auth: 'oauth2',
      operations: [{ method: 'GET', path: '/users/{id}', summary: 'A user' }],
    });
  });

  it.each([
    [
      'broken-ref.yaml',
      'specs/broken-ref.yaml:14:24 error PLX048 A $ref cannot be resolved: Missing $ref pointer "#/components/schemas/Missing". Token "components" does not exist.',
    ],
    ['old-version.yaml', 'specs/old-version.yaml:1:10 error PLX049 openapi 4.0.0 is not a version Plexus reads.'],
    ['accounts-asyncapi-2.6.yaml', 'specs/accounts-asyncapi-2.6.yaml:1:1 error PLX048 This is an AsyncAPI document: import it with plexus import asyncapi.'],
    [
      'user.schema.yaml',
      'specs/user.schema.yaml:1:1 error PLX048 This is not an OpenAPI, Swagger or AsyncAPI document: it has no openapi, swagger or asyncapi key.',
    ],
  ])('refuses %s: positioned, exit 1, nothing written', async (file, first) => {
    const reg = await registry(`oa-bad-${file}`);
    const before = await files(reg);
    const { code, err } = await run('import', 'openapi', `specs/${file}`, '--provider', 'orders', '--content', reg);
    expect([code, err.split('\n')[0]]).toEqual([1, first]);
    expect(await files(reg)).toBe(before);
  });

  it('fetches a spec over http(s), records the URL, and says what a failed fetch answered', async () => {
    const reg = await registry('oa-url');
    const spec = await read('specs/orders-3.1.yaml');
    const server = createServer((request, response) => {
      if (request.url === '/orders.yaml') response.writeHead(200, { 'content-type': 'application/yaml' }).end(spec);
      else response.writeHead(404, 'Not Found').end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await run('import', 'openapi', `${base}/orders.yaml`, '--provider', 'orders', '--integration', 'orders-http', '--content', reg);
      expect([ok.code, ok.out.split('\n')[0]]).toEqual([0, 'Imported 4 operations of Orders API into 2 files under oa-url: 2 new, 0 updated, 0 unchanged.']);
      const yaml = await import('yaml');
      expect(yaml.parse(await read(`${reg}/integrations/orders-http.yaml`)).imported.source).toBe(`${base}/orders.yaml`);
      expect(await read(`${reg}/specs/orders-http.yaml`)).toBe(spec);
      expect(await run('import', 'openapi', `${base}/gone.yaml`, '--provider', 'orders', '--content', reg)).toEqual({
        code: 2,
        out: '',
        err: `${base}/gone.yaml: the server answered 404 Not Found\nNothing written.`,
      });
    } finally {
      server.close();
    }
  });

  it('needs --provider naming a repository (exit 2)', async () => {
    const reg = await registry('oa-usage');
    expect((await run('import', 'openapi', 'specs/orders-3.1.yaml', '--content', reg)).err.split('\n')[0]).toBe(
      'plexus import openapi needs --provider REPO: the repository that serves the API.',
    );
    expect((await run('import', 'openapi', 'specs/orders-3.1.yaml', '--provider', 'ordrs', '--content', reg)).code).toBe(2);
  });
});

describe('plexus import asyncapi', () => {
  it('makes events of an application’s messages (2.6 and 3.0), each document speaking for its own application', async () => {
    const reg = await emptyRegistry('aa');
    await run('import', 'backstage', 'catalog', '--content', reg);
    await writeFile(join(root, reg, 'ecosystem.yaml'), ECOSYSTEM);
    const first = await run('import', 'asyncapi', 'specs/accounts-asyncapi-2.6.yaml', '--repository', 'payments', '--content', reg);
    expect(first.out.split('\n')[0]).toBe('Imported 2 messages of Account Service into 6 files under aa: 5 new, 1 updated, 0 unchanged.');
    await run('import', 'asyncapi', 'specs/notifications-asyncapi-3.0.yaml', '--repository', 'orders', '--content', reg);
    const yaml = await import('yaml');
    const signedUp = yaml.parse(await read(`${reg}/events/user-signed-up.yaml`));
    expect(signedUp).toMatchObject({
      description: 'A new account exists',
      payload: { userId: 'string (uuid), required: The new user', email: 'string (email)' },
      producers: ['payments'],
      consumers: [{ repository: 'orders' }],
      channel: 'kafka: user/signedup',
      message: 'UserSignedUp',
    });
    // Each document keeps its record: the sender's owns the message, the receiver's its role beside it.
    expect(signedUp.imported).toEqual([
      {
        from: 'asyncapi',
        source: '../specs/accounts-asyncapi-2.6.yaml',
        ref: 'asyncapi 2.6.0: Account Service',
        fields: ['description', 'payload', 'producers', 'consumers', 'channel', 'spec', 'message'],
      },
      { from: 'asyncapi', source: '../specs/notifications-asyncapi-3.0.yaml', ref: 'asyncapi 3.0.0: Notification Service', fields: ['producers', 'consumers'] },
    ]);
    // Run again, either document changes nothing: neither rewrites the other's record.
    for (const [spec, repository] of [
      ['specs/accounts-asyncapi-2.6.yaml', 'payments'],
      ['specs/notifications-asyncapi-3.0.yaml', 'orders'],
    ] as const)
      expect((await run('import', 'asyncapi', spec, '--repository', repository, '--content', reg)).out.split('\n')[0]).toMatch(
        /: 0 new, 0 updated, \d+ unchanged\.$/,
      );
    expect(yaml.parse(await read(`${reg}/events/welcome-sent.yaml`))).toMatchObject({ producers: ['orders'], consumers: [] });
    expect(yaml.parse(await read(`${reg}/events/user-deleted.yaml`))).toMatchObject({ producers: [], consumers: [{ repository: 'payments' }] });
    expect(yaml.parse(await read(`${reg}/repositories/orders.yaml`)).asyncapi).toBe('specs/orders.asyncapi.yaml');
    const check = await run('check', '--content', reg);
    expect(check.out.split('\n').filter((l) => l.includes(' PLX05'))).toEqual([]);
  });
});

describe('plexus import asyncapi, bad input', () => {
  it('refuses a version it does not read: positioned, exit 1, nothing written', async () => {
    const reg = await emptyRegistry('aa-old');
    await run('import', 'backstage', 'catalog', '--content', reg);
    const before = await files(reg);
    const { code, err } = await run('import', 'asyncapi', 'specs/old-asyncapi.yaml', '--repository', 'payments', '--content', reg);
    expect([code, err.split('\n').slice(0, 2)]).toEqual([
      1,
      ['specs/old-asyncapi.yaml:1:11 error PLX049 asyncapi 1.2.0 is not a version Plexus reads.', '  hint: Supported: AsyncAPI 2.0–2.6, 3.0 and 3.1.'],
    ]);
    expect(await files(reg)).toBe(before);
  });
});

describe('drift in plexus check', () => {
  it('reports each kind both ways, at the registry file or the spec file, as the policy says', async () => {
    const reg = await emptyRegistry('drift');
    await run('import', 'backstage', 'catalog', '--content', reg);
    await writeFile(join(root, reg, 'ecosystem.yaml'), ECOSYSTEM);
    await run('import', 'openapi', 'specs/orders-3.1.yaml', '--provider', 'orders', '--integration', 'orders-http', '--content', reg);
    await run('import', 'asyncapi', 'specs/accounts-asyncapi-2.6.yaml', '--repository', 'payments', '--content', reg);
    const path = join(root, reg, 'integrations/orders-http.yaml');
    // Hand edits that disagree with the spec: a route it lacks, one it has dropped, another auth.
    const edited = (await readFile(path, 'utf8'))
      .replace('auth: jwt', 'auth: api-key')
      .replace('  - method: GET\n    path: /health\n    summary: Liveness\n    operationId: health\n', '  - method: DELETE\n    path: /orders/{orderId}\n');
    await writeFile(path, edited);
    const deleted = join(root, reg, 'events/user-deleted.yaml');
    await writeFile(deleted, (await readFile(deleted, 'utf8')).replace('message: UserDeleted', 'message: UserGone'));
    const event = join(root, reg, 'events/user-signed-up.yaml');
    await writeFile(event, (await readFile(event, 'utf8')).replace('consumers: []', 'consumers:\n  - repository: payments\n    handling: Says hello'));
    const { code, out } = await run('check', '--content', reg);
    expect(code).toBe(0);
    expect(out.split('\n').filter((l) => / PLX05[1-4] /.test(l))).toEqual([
      'drift/events/user-deleted.yaml:7:17 warning PLX054 payments is declared a consumer of user-deleted, but its AsyncAPI document drift/specs/payments.asyncapi.yaml does not receive it.',
      'drift/events/user-deleted.yaml:10:10 warning PLX051 Message UserGone is declared here but is not in drift/specs/payments.asyncapi.yaml.',
      'drift/events/user-signed-up.yaml:9:17 warning PLX054 payments is declared a consumer of user-signed-up, but its AsyncAPI document drift/specs/payments.asyncapi.yaml does not receive it.',
      'drift/integrations/orders-http.yaml:7:7 warning PLX053 auth is api-key here, but drift/specs/orders-http.yaml (drift/specs/orders-http.yaml:68:3) says security jwt.',
      'drift/integrations/orders-http.yaml:25:5 warning PLX051 DELETE /orders/{orderId} is declared here but is not in drift/specs/orders-http.yaml.',
      'drift/specs/orders-http.yaml:60:5 warning PLX052 GET /health is in this spec but not declared in operations of drift/integrations/orders-http.yaml:12.',
      'drift/specs/payments.asyncapi.yaml:18:5 warning PLX052 payments receives UserDeleted is in this spec but not declared in any event of the registry.',
    ]);
    const eco = join(root, reg, 'ecosystem.yaml');
    await writeFile(eco, ECOSYSTEM.replace('  parallelSupportMonths: 1\n', '  parallelSupportMonths: 1\n  drift: error\n'));
    expect((await run('check', '--content', reg)).code).toBe(1);
    await writeFile(eco, ECOSYSTEM.replace('  parallelSupportMonths: 1\n', '  parallelSupportMonths: 1\n  drift: off\n'));
    expect((await run('check', '--content', reg)).out.split('\n').filter((l) => / PLX05[1-4] /.test(l))).toEqual([]);
  });

  it('names a spec path that is not in the registry', async () => {
    const reg = await emptyRegistry('nospec');
    await run('import', 'backstage', 'catalog', '--content', reg);
    await writeFile(join(root, reg, 'ecosystem.yaml'), ECOSYSTEM);
    const path = join(root, reg, 'integrations/orders-api.yaml');
    await writeFile(path, `${await readFile(path, 'utf8')}spec: specs/nowhere.yaml\n`);
    const { code, out } = await run('check', '--content', reg);
    expect(code).toBe(1);
    expect(out).toContain('nospec/integrations/orders-api.yaml:23:7 error PLX050 There is no spec file specs/nowhere.yaml in the registry.');
  });
});
