// A spec's `$ref`s pass the same file gate as every registry file: nothing outside the registry,
// in a dot-folder, behind a link out, in a pipe or on the network is read, and each refusal is a
// diagnostic at the `$ref` that asked. The fixtures are made in a temporary folder per test, since
// links and pipes cannot be committed.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/core/diagnostics.ts';
import { fence } from '../../src/core/gate.ts';
import { loadRegistry } from '../../src/core/fs.ts';
import { readSpec } from '../../src/specs/read.ts';

let root: string;
let registry: string;
let outside: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-refs-'));
  registry = join(root, 'content');
  outside = join(root, 'outside');
  await mkdir(join(registry, 'specs'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(outside, 'secret.yaml'), 'type: string\ndescription: OUTSIDE-SECRET\n');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** An OpenAPI document whose one schema is `{$ref: target}`, on line 6. */
const specWithRef = (target: string) =>
  `openapi: 3.0.3\ninfo: {title: Orders, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    Order:\n      $ref: ${JSON.stringify(target)}\n`;

async function checkSpec(target: string): Promise<string[]> {
  await writeFile(join(registry, 'specs', 'orders.yaml'), specWithRef(target));
  const { diagnostics } = await loadRegistry(registry, { cwd: root, today: '2026-12-01' });
  return diagnostics.filter((d) => d.file.includes('specs/')).map(formatDiagnostic);
}

const refused = (target: string, why: string) => [
  `content/specs/orders.yaml:7:13 error PLX056 This $ref to "${target}" is not followed: ${why}.\n  hint: A $ref may name a regular file inside the registry (specs/…), by a relative path; copy what it needs into the registry. A spec imported from a URL may $ref documents under that URL's origin only. A spec imported from a file may $ref files under its own folder, or under the folder --root names.`,
];

describe('spec $refs in a registry', () => {
  it('follows a relative $ref to a file inside the registry', async () => {
    await mkdir(join(registry, 'specs', 'schemas'));
    await writeFile(join(registry, 'specs', 'schemas', 'order.yaml'), 'type: object\n');
    expect(await checkSpec('./schemas/order.yaml')).toEqual([]);
  });

  it('refuses absolute paths, file: URLs and paths that climb out', async () => {
    expect(await checkSpec('/etc/passwd')).toEqual(refused('/etc/passwd', 'it is outside the folder Plexus reads'));
    expect(await checkSpec('/proc/self/environ')).toEqual(refused('/proc/self/environ', 'it is outside the folder Plexus reads'));
    expect(await checkSpec('file:///etc/passwd')).toEqual(refused('file:///etc/passwd', 'it is outside the folder Plexus reads'));
    expect(await checkSpec('../../outside/secret.yaml')).toEqual(refused('../../outside/secret.yaml', 'it is outside the folder Plexus reads'));
  });

  it('reports every refused $ref of a spec, each at its place', async () => {
    await writeFile(
      join(registry, 'specs', 'orders.yaml'),
      `${specWithRef('/etc/passwd')}    Customer:\n      properties:\n        name: {$ref: '../../outside/secret.yaml'}\n`,
    );
    const { diagnostics } = await loadRegistry(registry, { cwd: root, today: '2026-12-01' });
    expect(diagnostics.filter((d) => d.code === 'PLX056').map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '7:13 This $ref to "/etc/passwd" is not followed: it is outside the folder Plexus reads.',
      '10:22 This $ref to "../../outside/secret.yaml" is not followed: it is outside the folder Plexus reads.',
    ]);
  });

  it('refuses a link that leads out, a dot-folder and a pipe', async () => {
    await mkdir(join(registry, 'specs', '.hidden'));
    await symlink(join(outside, 'secret.yaml'), join(registry, 'specs', '.hidden', 'x.yaml'));
    await symlink(join(outside, 'secret.yaml'), join(registry, 'specs', 'link.yaml'));
    await writeFile(join(registry, 'specs', '.plain.yaml'), 'type: string\n');
    execFileSync('mkfifo', [join(registry, 'specs', 'fifo.yaml')]);
    const at = (name: string) => `./${name}`;
    const only056 = async (target: string) => (await checkSpec(target)).filter((d) => d.includes('PLX056'));
    expect(await only056('./.hidden/x.yaml')).toEqual(refused(at('.hidden/x.yaml'), 'it is in a dot-folder or node_modules, which Plexus does not read'));
    expect(await only056('./.plain.yaml')).toEqual(refused(at('.plain.yaml'), 'it is in a dot-folder or node_modules, which Plexus does not read'));
    // The link and the pipe are registry files too, each reported once as such (PLX027).
    const linkOut = await checkSpec('./link.yaml');
    expect(linkOut.filter((d) => d.includes('PLX027'))).toHaveLength(2); // the link and the pipe
    expect(linkOut.filter((d) => d.includes('PLX056'))).toEqual(refused(at('link.yaml'), 'it is a symbolic link that leads out of the folder Plexus reads'));
    const fifo = await checkSpec('./fifo.yaml');
    expect(fifo.filter((d) => d.includes('PLX056'))).toEqual(refused(at('fifo.yaml'), 'it is not a regular file (a folder, pipe, socket or device)'));
  });

  it('never fetches a URL from a registry spec', async () => {
    let requests = 0;
    const server: Server = createServer((_, res) => {
      requests++;
      res.end('type: string\n');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x.yaml`;
    try {
      expect(await checkSpec(url)).toEqual(
        refused(url, 'Plexus does not fetch URLs a spec in the registry names; keep the document under specs/ and $ref it by path'),
      );
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('reads referenced YAML with the registry reader and its alias limit', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    await writeFile(join(registry, 'specs', 'bomb.yaml'), `${bomb.join('\n')}\n`);
    const started = performance.now();
    const found = await checkSpec('./bomb.yaml#/i');
    expect(performance.now() - started).toBeLessThan(5_000);
    // The bomb is a registry file too, and reported as such (PLX004).
    expect(found.filter((d) => d.includes('PLX004'))).toHaveLength(1);
    expect(found.filter((d) => d.includes('PLX056'))).toEqual(refused('./bomb.yaml#/i', 'it does not parse: its aliases expand past 100 (a YAML bomb?)'));
  });
});

describe('spec $refs in an import', () => {
  it('reads only files under the folder of the file named', async () => {
    const dir = join(root, 'api');
    await mkdir(join(dir, 'schemas'), { recursive: true });
    await writeFile(join(dir, 'schemas', 'order.yaml'), 'type: object\n');
    const ok = await readSpec('api/openapi.yaml', join(dir, 'openapi.yaml'), specWithRef('./schemas/order.yaml'), { files: await fence(dir) });
    expect(ok.diagnostics).toEqual([]);
    const out = await readSpec('api/openapi.yaml', join(dir, 'openapi.yaml'), specWithRef('../outside/secret.yaml'), { files: await fence(dir) });
    expect(out.diagnostics.map(formatDiagnostic)[0]).toContain(
      '7:13 error PLX056 This $ref to "../outside/secret.yaml" is not followed: it is outside the folder Plexus reads.',
    );
  });

  it('lets a fetched spec $ref its own origin only, and no local file', async () => {
    const seen: string[] = [];
    const server: Server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.end('type: string\n');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const read = (target: string) => readSpec(`${origin}/api.yaml`, `${origin}/api.yaml`, specWithRef(target), { origin });
    try {
      expect((await read('./schemas/order.yaml')).diagnostics).toEqual([]);
      expect(seen).toEqual(['/schemas/order.yaml']);
      const local = await read('file:///etc/passwd');
      expect(local.diagnostics.map((d) => d.message)).toEqual([
        'This $ref to "file:///etc/passwd" is not followed: a spec fetched over http(s) may not $ref files on this machine.',
      ]);
      const other = await read('http://localhost:1/x.yaml');
      expect(other.diagnostics.map((d) => d.message)).toEqual([
        `This $ref to "http://localhost:1/x.yaml" is not followed: a spec fetched from ${origin} may only $ref documents under that origin.`,
      ]);
      expect(seen).toEqual(['/schemas/order.yaml']);
    } finally {
      server.close();
    }
  });
});
