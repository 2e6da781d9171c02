// Seeded fuzzing of spec `$ref`s: random OpenAPI and AsyncAPI documents whose schemas point at
// files inside the registry and outside it (absolute, climbing, file: URLs, encoded, links out,
// dot-folders, a pipe, a URL, an alias bomb, chains of files), nested and aliased. Whatever the
// document, reading it must not crash or hang, must place every problem, must make no request, and
// no byte of an outside file may reach the spec's data or the HTML the site shows of it.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fence, fence } from '../../src/core/gate.ts';
import { messageHtml, operationsHtml } from '../../src/render/spec-html.ts';
import { readSpec } from '../../src/specs/read.ts';
import { random } from '../../src/synthetic/generate.ts';

const SEED = 20261206;
const RUNS = 300;
/** Text that only files outside the registry (or in its dot-folders) hold. */
const SECRET = 'OUTSIDE-7F3A';

let root: string;
let registry: Fence;
let server: Server;
let requests = 0;
let url = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-refs-fuzz-'));
  const specs = join(root, 'content', 'specs');
  const outside = join(root, 'outside');
  await mkdir(join(specs, 'lib'), { recursive: true });
  await mkdir(join(specs, '.hidden'));
  await mkdir(outside);
  const secret = `type: object\ndescription: ${SECRET}\nproperties:\n  leak: {type: string, example: ${SECRET}}\n`;
  await writeFile(join(outside, 'secret.yaml'), secret);
  await writeFile(join(outside, 'secret.json'), JSON.stringify({ type: 'string', description: SECRET }));
  await writeFile(join(specs, '.hidden', 'secret.yaml'), secret);
  await symlink(join(outside, 'secret.yaml'), join(specs, 'lib', 'link-out.yaml'));
  await symlink(join(specs, '.hidden', 'secret.yaml'), join(specs, 'lib', 'link-hidden.yaml'));
  execFileSync('mkfifo', [join(specs, 'lib', 'pipe.yaml')]);
  await writeFile(join(specs, 'lib', 'order.yaml'), 'type: object\nproperties:\n  id: {type: string}\n  total: {type: number}\n');
  // A chain of files, each pointing at the next; the last one reaches out.
  for (let i = 0; i < 5; i++) await writeFile(join(specs, 'lib', `chain-${i}.yaml`), `type: object\nproperties:\n  next: {$ref: './chain-${i + 1}.yaml'}\n`);
  await writeFile(join(specs, 'lib', 'chain-5.yaml'), `type: object\nproperties:\n  out: {$ref: '../../../outside/secret.yaml'}\n`);
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 9; i++)
    bomb.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(', ')}]`,
    );
  await writeFile(join(specs, 'lib', 'bomb.yaml'), `${bomb.join('\n')}\n`);
  registry = await fence(join(root, 'content'));
  server = createServer((_, res) => {
    requests++;
    res.end(`type: string\ndescription: ${SECRET}\n`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/secret.yaml`;
});

afterAll(async () => {
  server?.close();
  await rm(root, { recursive: true, force: true });
});

/** `$ref` targets, as written in specs/<name>.yaml. */
const targets = () => [
  './lib/order.yaml',
  'lib/order.yaml#/properties/id',
  './lib/chain-0.yaml',
  './lib/chain-3.yaml',
  './lib/link-out.yaml',
  './lib/link-hidden.yaml',
  './lib/pipe.yaml',
  './lib/bomb.yaml',
  './lib/missing.yaml',
  './.hidden/secret.yaml',
  '../../outside/secret.yaml',
  '../../outside/secret.json#/description',
  '%2e%2e/%2e%2e/outside/secret.yaml',
  `${root}/outside/secret.yaml`,
  `file://${root}/outside/secret.yaml`,
  'file:///etc/passwd',
  '/etc/passwd',
  '/proc/self/environ',
  '/dev/zero',
  url,
  'ftp://127.0.0.1/x.yaml',
  '#/components/schemas/S0',
  '#/nowhere',
];

function openapi(pick: () => string, n: number, rand: () => number): string {
  const schemas = Array.from({ length: n }, (_, i) => `    S${i}:\n      $ref: ${JSON.stringify(pick())}`);
  const alias = rand() < 0.3 ? '    Shared: &shared {type: string}\n    Again: *shared\n' : '';
  const paths = Array.from(
    { length: Math.max(1, n - 1) },
    (_, i) =>
      `  /r${i}:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: ${JSON.stringify(rand() < 0.5 ? `#/components/schemas/S${i}` : pick())}}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  nested: {$ref: ${JSON.stringify(pick())}}`,
  );
  return `openapi: 3.0.3\ninfo: {title: Fuzz, version: 1.0.0}\npaths:\n${paths.join('\n')}\ncomponents:\n  schemas:\n${schemas.join('\n')}\n${alias}`;
}

function asyncapi(pick: () => string, n: number): string {
  const messages = Array.from({ length: n }, (_, i) => `    M${i}:\n      payload:\n        $ref: ${JSON.stringify(pick())}`);
  const channels = Array.from({ length: n }, (_, i) => `  c${i}:\n    publish:\n      message: {$ref: '#/components/messages/M${i}'}`);
  return `asyncapi: 2.6.0\ninfo: {title: Fuzz, version: 1.0.0}\nchannels:\n${channels.join('\n')}\ncomponents:\n  messages:\n${messages.join('\n')}\n`;
}

describe('spec $refs, fuzzed', () => {
  it(`${RUNS} seeded documents: no crash, no request, every problem placed, no outside byte shown`, { timeout: 60_000 }, async () => {
    const rand = random(SEED);
    const all = targets();
    const pick = () => all[Math.floor(rand() * all.length)]!;
    const codes = new Map<string, number>();
    for (let run = 0; run < RUNS; run++) {
      const n = 1 + Math.floor(rand() * 4);
      const text = rand() < 0.6 ? openapi(pick, n, rand) : asyncapi(pick, n);
      const name = `specs/fuzz-${run}.yaml`;
      const result = await readSpec(`content/${name}`, join(registry.dir, name), text, { files: registry });
      for (const d of result.diagnostics) {
        codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
        expect(d.file, text).toBe(`content/${name}`);
        expect(d.line, text).toBeGreaterThanOrEqual(1);
        expect(d.col, text).toBeGreaterThanOrEqual(1);
        expect(d.line, text).toBeLessThanOrEqual(text.split('\n').length);
        expect(d.message).not.toContain(SECRET);
      }
      if (!result.spec) continue;
      const html = result.spec.kind === 'openapi' ? operationsHtml(result.spec) : result.spec.messages.map(messageHtml).join('');
      expect(html, text).not.toContain(SECRET);
      expect(html).not.toContain('root:x:0:0');
      expect(JSON.stringify(result.spec), text).not.toContain(SECRET);
    }
    expect(requests).toBe(0);
    // The fuzz reached both outcomes: refused $refs, and documents that read whole.
    expect(codes.get('PLX056') ?? 0).toBeGreaterThan(RUNS / 4);
  });
});
