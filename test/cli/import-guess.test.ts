// Imports guess nothing (issue 26): what a source does not say is left unknown, and the words a spec
// uses are kept: no auth from a spec without security, bearer stays bearer, no protocol from a
// template or from a definition never read, and check's drift finds nothing to disagree with in silence.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runIn } from './harness.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const root = await mkdtemp(join(tmpdir(), 'plexus-import-guess-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await cp(join(FIXTURES, 'backstage'), join(root, 'catalog'), { recursive: true });
await cp(join(FIXTURES, 'specs'), join(root, 'specs'), { recursive: true });

const run = (...args: string[]) => runIn(root, args, { PLEXUS_TODAY: '2026-11-24' });
const data = async (path: string) => parse(await readFile(join(root, path), 'utf8'));

async function registry(name: string) {
  await mkdir(join(root, name), { recursive: true });
  await run('import', 'backstage', 'catalog', '--content', name);
  return name;
}

describe('imports guess nothing', () => {
  it('writes no auth for a spec without security, keeps a server template, and says both', async () => {
    const reg = await registry('silent');
    const { code, out } = await run('import', 'openapi', 'specs/silent-3.0.yaml', '--provider', 'orders', '--content', reg);
    expect(code).toBe(0);
    const i = await data(`${reg}/integrations/silent-api.yaml`);
    expect(i.auth).toBeUndefined();
    expect(i).toMatchObject({ protocol: 'unknown', connection: { endpoint: '{scheme}://silent.example/v1' } });
    expect(out).toContain('  openapi 3.0.3: Silent API  security: the document says nothing about security: auth not written (not recorded)');
    expect(out).toContain(
      '  openapi 3.0.3: Silent API  servers[0].url: "{scheme}://silent.example/v1" has variables: written as the template, protocol not known',
    );
  });

  it('writes unknown for a lifecycle or component type Plexus has no word for, never active or service, and checks clean', async () => {
    const reg = 'lifecycles';
    await mkdir(join(root, reg, 'catalog'), { recursive: true });
    await writeFile(
      join(root, reg, 'catalog', 'catalog-info.yaml'),
      [
        'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: { name: team-a }\nspec: { type: team, children: [] }',
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: sandboxed }\nspec: { type: robot, lifecycle: sandbox, owner: team-a }',
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: silent }\nspec: { type: service, owner: team-a }',
        'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: { name: trial-api }\nspec: { type: openapi, lifecycle: beta, owner: team-a, definition: { $text: https://example.com/x.yaml } }',
      ].join('\n---\n'),
    );
    await mkdir(join(root, reg, 'content'));
    const { code, out } = await run('import', 'backstage', `${reg}/catalog`, '--content', `${reg}/content`);
    expect(code).toBe(0);
    expect(await data(`${reg}/content/repositories/sandboxed.yaml`)).toMatchObject({ kind: 'unknown', status: 'unknown' });
    expect((await data(`${reg}/content/repositories/silent.yaml`)).status).toBe('unknown');
    expect((await data(`${reg}/content/integrations/trial-api.yaml`)).status).toBe('unknown');
    expect(out).toContain('    component:default/sandboxed: "robot" has no Plexus kind: written as unknown\n');
    expect(out).toContain('    component:default/sandboxed: "sandbox" has no Plexus status: written as unknown\n');
    expect(out).toContain('    component:default/silent: not given: status written as unknown\n');
    expect(out).toContain('    api:default/trial-api: "beta" has no Plexus status: written as unknown\n');
    const check = await run('check', '--content', `${reg}/content`);
    expect(check.out).not.toContain(' error ');
    expect(check.code).toBe(0);
  });

  it('keeps bearer as bearer when the scheme does not say JWT, and the protocol of an http:// server', async () => {
    const reg = await registry('opaque');
    expect((await run('import', 'openapi', 'specs/opaque-bearer-3.0.yaml', '--provider', 'orders', '--content', reg)).code).toBe(0);
    expect(await data(`${reg}/integrations/opaque-api.yaml`)).toMatchObject({ auth: 'bearer', protocol: 'HTTP' });
    expect((await run('check', '--content', reg)).out).not.toContain('opaque-api.yaml');
  });

  it('finds no auth drift against a spec that says nothing about security', async () => {
    const reg = await registry('drift');
    await run('import', 'openapi', 'specs/silent-3.0.yaml', '--provider', 'orders', '--content', reg);
    const file = join(root, reg, 'integrations/silent-api.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('protocol: unknown\n', 'protocol: unknown\nauth: jwt\n'));
    expect((await run('check', '--content', reg)).out).not.toContain('PLX053');
  });

  it('takes a Swagger 2.0 scheme from the URL it fetched, and writes unknown for a file that has none', async () => {
    // No `schemes`: Swagger 2.0 says the scheme is the one the document was fetched with.
    const swagger = JSON.stringify({
      swagger: '2.0',
      info: { title: 'Plain API', version: '1.0.0' },
      host: 'plain.example',
      basePath: '/v2',
      paths: { '/ping': { get: { responses: { 200: { description: 'ok' } } } } },
    });
    await writeFile(join(root, 'specs/plain-2.0.json'), swagger);
    const reg = await registry('schemeless');
    const file = await run('import', 'openapi', 'specs/plain-2.0.json', '--provider', 'orders', '--integration', 'plain-file', '--content', reg);
    expect(file.code).toBe(0);
    expect(await data(`${reg}/integrations/plain-file.yaml`)).toMatchObject({ protocol: 'unknown', connection: { endpoint: 'unknown' } });
    expect(file.out.split('\n').filter((l) => l.includes('schemes'))).toEqual([
      '  openapi 2.0: Plain API  schemes: not given, and a file has no scheme to take (Swagger 2.0 takes the one the document was fetched with): endpoint and protocol written as unknown (host and base path: plain.example/v2)',
    ]);
    const server = createServer((_, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(swagger));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/plain.json`;
      const fetched = await run('import', 'openapi', url, '--provider', 'orders', '--integration', 'plain-url', '--content', reg);
      expect(fetched.code).toBe(0);
      expect(fetched.out).not.toContain('schemes');
      expect(await data(`${reg}/integrations/plain-url.yaml`)).toMatchObject({ protocol: 'HTTP', connection: { endpoint: 'http://plain.example/v2' } });
    } finally {
      server.close();
    }
  });

  it('writes no protocol for a Backstage API whose definition it did not read', async () => {
    const reg = await registry('bs');
    expect(await data(`${reg}/integrations/orders-api.yaml`)).toMatchObject({ type: 'rest', protocol: 'unknown' });
    expect(await data(`${reg}/integrations/payments-api.yaml`)).toMatchObject({ type: 'grpc', protocol: 'gRPC' });
  });
});

describe('AsyncAPI 3.1, each channel on its own servers', () => {
  it("reads 3.1, gives each channel its own servers' protocol, and leaves a consumer's handling for a person", async () => {
    const reg = await registry('social');
    const { code, out } = await run('import', 'asyncapi', 'specs/social-3.1.yaml', '--repository', 'orders', '--content', reg);
    expect([code, out.split('\n')[0]]).toEqual([0, 'Imported 2 messages of Comments Service into 6 files under social: 5 new, 1 updated, 0 unchanged.']);
    const liked = await data(`${reg}/events/comment-liked.yaml`);
    expect(liked).toMatchObject({ channel: 'mqtt: comment/liked', producers: [], consumers: [{ repository: 'orders' }] });
    expect(liked.consumers[0].handling).toBeUndefined();
    expect(await data(`${reg}/events/likes-count.yaml`)).toMatchObject({ channel: 'ws: comment/{commentId}/likes', producers: ['orders'] });
  });

  it('derives the integration that carries each event, so no event is left uncarried (PLX035) and none is guessed', async () => {
    const reg = 'social';
    expect(await data(`${reg}/integrations/comment-liked-event.yaml`)).toMatchObject({
      provider: 'unknown',
      consumers: ['orders'],
      type: 'event',
      protocol: 'mqtt',
      events: ['comment-liked'],
      owner: 'payments',
      status: 'unknown',
    });
    expect(await data(`${reg}/integrations/likes-count-event.yaml`)).toMatchObject({
      provider: 'orders',
      consumers: [],
      protocol: 'ws',
      events: ['likes-count'],
    });
    const check = await run('check', '--content', reg);
    expect(check.out).not.toContain('PLX035');
    expect(check.out.split('\n').filter((l) => l.includes('integrations/') && / (error|warning) /.test(l))).toEqual([]);
  });
});

describe('--dry-run summarises spec copies', () => {
  it('says what a new copy holds and what an updated one gains and loses, and prints none of its lines', async () => {
    const reg = await registry('dry');
    const first = await run(
      'import',
      'openapi',
      'specs/orders-3.1.yaml',
      '--provider',
      'orders',
      '--integration',
      'orders-http',
      '--content',
      reg,
      '--dry-run',
    );
    expect(first.code).toBe(0);
    expect(first.out).toContain(['--- /dev/null', '+++ b/dry/specs/orders-http.yaml', 'new copy of the spec, not shown (101 lines): 4 operations'].join('\n'));
    expect(first.out).not.toContain('+openapi: 3.1');
    await run('import', 'openapi', 'specs/orders-3.1.yaml', '--provider', 'orders', '--integration', 'orders-http', '--content', reg);
    const spec = await readFile(join(root, 'specs/orders-3.1.yaml'), 'utf8');
    await writeFile(join(root, 'specs/orders-changed.yaml'), spec.replace('  /health:', '  /healthz:'));
    const second = await run(
      'import',
      'openapi',
      'specs/orders-changed.yaml',
      '--provider',
      'orders',
      '--integration',
      'orders-http',
      '--content',
      reg,
      '--dry-run',
    );
    expect(second.out).toContain(
      [
        '--- a/dry/specs/orders-http.yaml',
        '+++ b/dry/specs/orders-http.yaml',
        'updated copy of the spec, not shown (101 → 101 lines): 4 operations; 1 added: GET /healthz; 1 removed: GET /health',
      ].join('\n'),
    );
  });
});

describe('what an integration cannot hold is said', () => {
  it('reports webhooks, callbacks and response links, kept in the spec copy; security: [] is auth none', async () => {
    const reg = await registry('hooks');
    const { code, out } = await run('import', 'openapi', 'specs/webhooks-3.1.yaml', '--provider', 'orders', '--content', reg);
    expect(code).toBe(0);
    expect(out).toContain(
      [
        '  openapi 3.1.0: Hooks API  webhooks: 1 not in operations (newPet): kept in the spec copy',
        '  openapi 3.1.0: Hooks API  callbacks: 1 not in operations (POST /subscriptions → onEvent): kept in the spec copy',
        '  openapi 3.1.0: Hooks API  links: 1 response links (POST /subscriptions 201 → GetSubscription): kept in the spec copy',
      ].join('\n'),
    );
    expect(await data(`${reg}/integrations/hooks-api.yaml`)).toMatchObject({ auth: 'none', protocol: 'HTTPS' });
  });
});

describe('several documents about one event', () => {
  it("keeps the first sender's channel and spec, adds the second sender's role, and says the second channel", async () => {
    const reg = await registry('two-senders');
    await run('import', 'asyncapi', 'specs/social-3.1.yaml', '--repository', 'orders', '--content', reg);
    const spec = await readFile(join(root, 'specs/social-3.1.yaml'), 'utf8');
    await writeFile(
      join(root, 'specs/social-kafka.yaml'),
      spec.replace('title: Comments Service', 'title: Likes Relay').replace('protocol: ws', 'protocol: kafka'),
    );
    const { out } = await run('import', 'asyncapi', 'specs/social-kafka.yaml', '--repository', 'payments', '--content', reg);
    expect(out).toContain(
      '  asyncapi 3.1.0: Likes Relay  message likesCount: on kafka: comment/{commentId}/likes here; the event keeps ws: comment/{commentId}/likes (specs/orders.asyncapi.yaml)',
    );
    expect(await data(`${reg}/events/likes-count.yaml`)).toMatchObject({
      channel: 'ws: comment/{commentId}/likes',
      spec: 'specs/orders.asyncapi.yaml',
      producers: ['orders', 'payments'],
    });
  });
});
