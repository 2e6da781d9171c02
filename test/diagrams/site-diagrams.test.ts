// The site's diagrams in one process: `npm run dev` asks again after every edit, and what was
// drawn or verified once is not read from the cache again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drawSiteDiagrams } from '../../src/site/diagrams.ts';

const dir = await mkdtemp(join(tmpdir(), 'plexus-site-diagrams-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('drawing the site’s diagrams again in the same process', () => {
  it('reuses what it drew, even when the cache folder is gone', async () => {
    const source = 'flowchart LR\n  a["Memo A"] --> b["Memo B"]\n';
    const lines: string[] = [];
    const first = await drawSiteDiagrams([source], join(dir, 'cache'), (l) => lines.push(l));
    expect(first.get(source)?.svg).toContain('> A</tspan>');
    await rm(join(dir, 'cache'), { recursive: true, force: true });
    const second = await drawSiteDiagrams([source], join(dir, 'cache'), (l) => lines.push(l));
    expect(second.get(source)).toEqual(first.get(source));
    expect(second.files()).toEqual(first.files());
    expect(lines.map((l) => l.replace(/in \d+ ms/, 'in N ms'))).toEqual([
      'Diagrams: 1 drawings, 0 from cache, 1 drawn in N ms.',
      'Diagrams: 1 drawings, 1 from cache, 0 drawn in N ms.',
    ]);
  }, 60_000);
});
