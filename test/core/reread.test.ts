// npm run dev re-reads only the files an edit touched; what it gets must be what a full read gets.
import { cp, mkdir, mkdtemp, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFromFiles, readRegistry, rereadRegistry, type RegistryFiles } from '../../src/core/fs.ts';

const BOOKSHOP = join(import.meta.dirname, '..', 'fixtures', 'bookshop');
const dir = await mkdtemp(join(tmpdir(), 'plexus-reread-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What a read holds, comparable: every source's path, bytes and problem, and the diagnostics it builds into. */
const summary = (files: RegistryFiles) => ({
  sources: files.sources.map((s) => [s.path, Buffer.from(s.bytes).toString('utf8'), s.problem?.code ?? null]),
  diagnostics: buildFromFiles(files, '2026-11-22').diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`),
});

describe('re-reading a registry after an edit', () => {
  it('gives what a full read gives, for edits, new files, removals, links out and bad YAML', async () => {
    const content = join(dir, 'content');
    await cp(BOOKSHOP, content, { recursive: true });
    let files = await readRegistry(content, { cwd: dir });
    const steps: [string, () => Promise<string[]>][] = [
      [
        'an edit',
        async () => {
          const f = join(content, 'repositories', 'cart-service.yaml');
          await writeFile(f, (await readFile(f, 'utf8')).replace('name: Cart Service', 'name: Basket Service'));
          return [f];
        },
      ],
      [
        'a new file that refers to nothing',
        async () => {
          const f = join(content, 'repositories', 'new-one.yaml');
          await writeFile(f, 'name: New\npurpose: p\nkind: service\nstatus: active\nurl: unknown\nteam: nobody\n');
          return [f];
        },
      ],
      [
        'bad YAML',
        async () => {
          const f = join(content, 'teams', 'payments.yaml');
          await writeFile(f, 'name: "Payments\n');
          return [f];
        },
      ],
      [
        'a removal',
        async () => {
          const f = join(content, 'repositories', 'new-one.yaml');
          await unlink(f);
          return [f];
        },
      ],
      [
        'a link out of the registry',
        async () => {
          const f = join(content, 'teams', 'leak.yaml');
          await symlink('/etc/hostname', f);
          return [f];
        },
      ],
      [
        'a new folder',
        async () => {
          await mkdir(join(content, 'events'));
          const f = join(content, 'events', 'cart.checked-out.yaml');
          await writeFile(f, 'description: d\nchannel: c\nproducers: [cart-service]\npayload: { id: string }\n');
          return [join(content, 'events')];
        },
      ],
    ];
    for (const [what, step] of steps) {
      files = await rereadRegistry(files, await step());
      expect(summary(files), what).toEqual(summary(await readRegistry(content, { cwd: dir })));
    }
    expect(summary(files).diagnostics.some((d) => d.includes('PLX027'))).toBe(true);
  });
});
