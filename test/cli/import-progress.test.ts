// A big import says what it is doing while it writes (each file is flushed to disk, so 2,000
// files take seconds): a line when writing starts, a few more as it goes, never one a file; a
// small import says nothing more than its summary.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-import-progress-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const component = (i: number) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: service-${i}\nspec:\n  type: service\n  lifecycle: production\n  owner: group:team-a\n`;
const group = 'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\nspec:\n  type: team\n  children: []\n';

async function importing(name: string, components: number) {
  await mkdir(join(root, name, 'catalog'), { recursive: true });
  await mkdir(join(root, name, 'registry'));
  await writeFile(join(root, name, 'catalog', 'all.yaml'), [group, ...Array.from({ length: components }, (_, i) => component(i))].join('---\n'));
  const shown: string[] = [];
  const out: string[] = [];
  const io: Io = {
    cwd: join(root, name),
    env: { PLEXUS_TODAY: '2026-12-06' },
    out: (t) => out.push(t),
    err: () => {},
    progress: { isTTY: false, write: (t) => shown.push(t) },
  };
  const code = await runMain(['import', 'backstage', 'catalog', '--content', 'registry'], io);
  return { code, shown, out: out.join('\n') };
}

describe('plexus import shows its progress', () => {
  it('on a big import: a line when writing starts, at most one a tenth after it', async () => {
    const { code, shown, out } = await importing('big', 300);
    expect(code).toBe(0);
    expect(out).toContain('into 302 files under registry: 302 new, 0 updated, 0 unchanged.');
    expect(shown[0]).toBe('[plexus] Writing 302 files…\n');
    expect(shown.length).toBeLessThanOrEqual(10);
    for (const line of shown.slice(1)) expect(line).toMatch(/^\[plexus\] Writing 302 files… \d+\/302 \(\d+ %\)\n$/);
  });

  it('says nothing more on a small one', async () => {
    const { code, shown } = await importing('small', 20);
    expect(code).toBe(0);
    expect(shown).toEqual([]);
  });
});
