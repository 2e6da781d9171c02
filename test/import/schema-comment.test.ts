// Files an import writes start with a schema comment that resolves from where the file is: it named
// ../../schemas/…, which exists in this repository but not in a team's project, where the schemas
// are under node_modules/plexus/schemas/.
import { access, cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';
import { schemaComment } from '../../src/core/schema-comment.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const root = await mkdtemp(join(tmpdir(), 'plexus-schema-comment-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the schema comment of a written file', () => {
  it('is relative to the file and names the schemas of the Plexus that wrote it', () => {
    expect(schemaComment(join(ROOT, 'content', 'teams', 'x.yaml'), 'team')).toBe('# yaml-language-server: $schema=../../schemas/team.schema.json\n');
  });

  it('resolves to a schema file in every file an import writes outside this repository', async () => {
    await cp(join(ROOT, 'test', 'fixtures', 'backstage'), join(root, 'catalog'), { recursive: true });
    await mkdir(join(root, 'registry'));
    const io: Io = { cwd: root, env: { PLEXUS_TODAY: '2026-11-24' }, out: () => {}, err: () => {} };
    expect(await runMain(['import', 'backstage', 'catalog', '--content', 'registry'], io)).toBe(0);
    const written = join(root, 'registry', 'repositories');
    const files = await readdir(written);
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const first = (await readFile(join(written, name), 'utf8')).split('\n')[0]!;
      const path = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
      expect(path, name).toMatch(/repository\.schema\.json$/);
      await access(resolve(dirname(join(written, name)), path!));
    }
  });
});
