// The site's diagrams in one process: `npm run dev` asks again after every edit, and what was
// drawn or verified once is not read from the cache again.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { landscapeMermaid } from '../../src/diagrams/graph-text.ts';
import { diagramKey } from '../../src/diagrams/render.ts';
import { buildChannel } from '../../src/site/build-channel.ts';
import { devDiagrams, drawSiteDiagrams, siteDiagrams, siteDiagramSources } from '../../src/site/diagrams.ts';
import { documents, example } from '../example-model.ts';

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
      'Hand-written diagrams: 1 drawing, 0 from cache, 1 drawn in N ms.',
      'Hand-written diagrams: 1 drawing, 1 from cache, 0 drawn in N ms.',
    ]);
  }, 60_000);
});

describe('npm run dev: diagrams drawn in the background as pages ask for them', () => {
  it('gives nothing at first and says it is drawing, then the drawing; a diagram that cannot be drawn falls back to the browser', async () => {
    const cacheDir = join(dir, 'dev-cache');
    const lines: string[] = [];
    const drawn = devDiagrams(cacheDir, (l) => lines.push(l));
    const good = 'flowchart LR\n  a["Dev A"] --> b["Dev B"]\n';
    const bad = 'flowchart LR\n  a -->\n';
    // A cached drawing someone tampered with is not used, and is drawn again.
    await mkdir(cacheDir, { recursive: true });
    const tampered = join(cacheDir, `${diagramKey(good, 'site')}.svg`);
    await writeFile(tampered, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const told = new Promise<string[]>((resolve) => {
      buildChannel().diagramsDrawn = resolve;
    });
    expect([drawn.get(good), drawn.get(bad)]).toEqual([undefined, undefined]);
    expect(drawn.pending(good)).toBe(diagramKey(good, 'site'));
    expect(drawn.fallback).toBeNull();
    // Both were asked for while one page rendered: one batch, and the dev server is told their keys.
    expect((await told).sort()).toEqual([diagramKey(good, 'site'), diagramKey(bad, 'site')].sort());
    expect(drawn.pending(good)).toBeUndefined();
    expect(drawn.get(good)?.svg).toContain('> A</tspan>');
    expect(drawn.get(bad)).toBeUndefined();
    expect(drawn.pending(bad)).toBeUndefined();
    expect(drawn.fallback).toBe('some diagrams failed');
    expect(lines.map((l) => l.replace(/in \d+ ms/, 'in N ms').split('\n')[0])).toEqual([
      'Hand-written diagrams: 1 drawn in the background in N ms, 1 failed.',
      `A cached drawing was not a clean SVG (it holds a <script> element); it was drawn again: ${tampered}`,
      expect.stringMatching(/^A diagram could not be drawn \(.+\); it will be drawn in the browser:$/),
    ]);
    // What it drew is in the cache for the next server.
    const next = await readFile(join(cacheDir, `${diagramKey(good, 'site')}.svg`), 'utf8');
    expect(next).toBe(drawn.get(good)!.svg);
    delete buildChannel().diagramsDrawn;
  }, 60_000);
});

describe('what the site draws in Chromium', () => {
  it('is only the hand-written mermaid: the landscape and sequences the Markdown export writes are drawn in Node', () => {
    const system = documents.find((d) => d.path === 'system-integrations.md')!.markdown;
    expect(system).toContain(`\`\`\`mermaid\n${landscapeMermaid(example.model)}\`\`\``);
    const sources = siteDiagramSources(siteDiagrams(example.model), documents, example.model);
    expect(sources.map((s) => s.split('\n').slice(0, 2).join('\n'))).toEqual(['sequenceDiagram\n    participant App as Web app']);
  });
});
