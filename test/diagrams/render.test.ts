// Drawing diagrams in Chromium: hostile names drawn as written, same input same bytes, the cache,
// and no request ever leaving the drawing page, nor the reader's browser drawing a block itself.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { safeMermaid } from '../../src/core/mermaid-config.ts';
import { PALETTE } from '../../src/diagrams/mermaid-theme.ts';
import { compactSvg, diagramKey, MERMAID_CONFIG, openDrawingSession, renderDiagrams } from '../../src/diagrams/render.ts';
import { diagramFigure } from '../../src/render/diagram-html.ts';
import { escapeHtml } from '../../src/render/escape-html.ts';
import { flowchart, sequence } from '../../src/render/mermaid.ts';
import { launch } from '../e2e/browser.ts';

const dirs: string[] = [];
const cache = async () => {
  const d = await mkdtemp(join(tmpdir(), 'plexus-diagrams-'));
  dirs.push(d);
  return d;
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const HOSTILE = ['Say "hi"', 'a-->b', 'x; y', '#1 & co', '<b>bold</b>', 'a[b]{c}(d)', 'ümlaut ✓', 'back`tick', 'pipe | here', 'end', '#60;lit', 'C:\\n'];
/** What each is drawn as: the text itself but for the documented look-alikes. */
const DRAWN = ['Say ”hi”', 'a-->b', 'x; y', '#1 & co', '<b>bold</b>', 'a[b]{c}(d)', 'ümlaut ✓', 'back`tick', 'pipe | here', 'end', '#\u200B60;lit', 'C:∖n'];

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
/** Text of each <text> element of an SVG, its tspans joined as one line. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)]
    .map((m) =>
      decode(
        [...m[1]!.matchAll(/>([^<]*)</g)]
          .map((t) => t[1])
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim() || m[1]!.replace(/<[^>]+>/g, ''),
      ),
    )
    .filter(Boolean);

describe('compactSvg', () => {
  it('rounds coordinates in attributes and leaves text alone', () => {
    expect(
      compactSvg(
        '<svg viewBox="0 0 862.1657104492188 262.6" style="max-width: 12.345px;"><path d="M1.23456,7.891L3 4"/><text x="5.5555">Pi is 3.14159</text></svg>',
      ),
    ).toBe('<svg viewBox="0 0 862.1 262.6" style="max-width: 12.3px;"><path d="M1.2,7.8L3 4"/><text x="5.5">Pi is 3.14159</text></svg>');
  });
});

describe('renderDiagrams', () => {
  it('draws any name as written, never as syntax', async () => {
    const source = flowchart(
      HOSTILE.map((label, i) => ({ key: String(i), label })),
      HOSTILE.slice(1).map((label, i) => ({ from: '0', to: String(i + 1), label })),
    );
    const seq = sequence(
      [
        { key: 'a', label: 'A; "x" #1' },
        { key: 'b', label: 'B --> C' },
      ],
      HOSTILE.map((message) => ({ from: 'a', to: 'b', message })),
    );
    const { svgs, stats } = await renderDiagrams(
      [
        { source, theme: 'site' },
        { source: seq, theme: 'site' },
      ],
      { cacheDir: await cache(), launch },
    );
    expect(stats.failed).toEqual([]);
    const flow = texts(svgs.get(diagramKey(source, 'site'))!).map((t) => t.replace(/ /g, ''));
    for (const label of DRAWN) expect(flow, label).toContain(label.replace(/ /g, ''));
    const messages = texts(svgs.get(diagramKey(seq, 'site'))!);
    expect(messages).toContain('A\u037E "x" ＃1');
    expect(messages).toContain('B --> C');
    for (const m of HOSTILE) expect(messages, m).toContain(m.replace(/;/g, '\u037E').replace(/#/g, '＃').replace(/\\/g, '∖'));
  }, 60_000);

  it('draws the same SVG bytes for the same source, and reuses the cache', async () => {
    const source = flowchart(
      [
        { key: 'a', label: 'Orders' },
        { key: 'b', label: 'Payments' },
      ],
      [{ from: 'a', to: 'b', label: 'gRPC' }],
    );
    const jobs = [
      { source, theme: 'site' as const },
      { source, theme: 'dark' as const },
    ];
    const first = await renderDiagrams(jobs, { cacheDir: await cache(), launch });
    const second = await renderDiagrams(jobs, { cacheDir: await cache(), launch });
    expect([...second.svgs].sort()).toEqual([...first.svgs].sort());
    expect(first.svgs.get(diagramKey(source, 'dark'))).not.toBe(first.svgs.get(diagramKey(source, 'site')));
    // The site's look: nodes in the site's service colour, as its custom property with the light value
    // as fallback, so dark mode recolours this one drawing; mermaid's own dark theme is drawn as it is.
    expect(first.svgs.get(diagramKey(source, 'site'))).toMatch(/\.node rect[^}]*\{fill:var\(--k-service, #e8edff\);stroke:var\(--accent, #3556d8\);/);
    expect(first.svgs.get(diagramKey(source, 'dark'))).not.toContain('var(--');
    const dir = await cache();
    await renderDiagrams(jobs, { cacheDir: dir, launch });
    const warm = await renderDiagrams(jobs, {
      cacheDir: dir,
      launch: () => {
        throw new Error('the browser must not start when everything is cached');
      },
    });
    expect([warm.stats.cached, warm.stats.drawn]).toEqual([2, 0]);
    expect((await readdir(dir)).sort()).toEqual([`${diagramKey(source, 'dark')}.svg`, `${diagramKey(source, 'site')}.svg`].sort());
  }, 60_000);

  it('wraps labels between words, never inside one', async () => {
    const source = flowchart(
      [
        { key: 'a', label: 'Recommendation Service', shape: 'box' },
        { key: 'b', label: 'Notification Service', shape: 'box' },
      ],
      [{ from: 'a', to: 'b', label: 'publishes payment.completed and what else happened' }],
    );
    const { svgs } = await renderDiagrams([{ source, theme: 'site' }], { cacheDir: await cache(), launch });
    const words = [...[...svgs.values()][0]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!.trim());
    for (const word of ['Recommendation', 'Notification', 'Service', 'payment.completed', 'happened']) expect(words).toContain(word);
  }, 60_000);

  it('lists a diagram mermaid cannot draw instead of failing the batch', async () => {
    const good = 'flowchart LR\n  a --> b\n';
    const { svgs, stats } = await renderDiagrams(
      [
        { source: 'flowchart LR\n  a -->\n', theme: 'site' },
        { source: good, theme: 'site' },
      ],
      { cacheDir: await cache(), launch },
    );
    expect(stats.failed.map((f) => f.source)).toEqual(['flowchart LR\n  a -->\n']);
    expect(svgs.has(diagramKey(good, 'site'))).toBe(true);
  }, 60_000);
});

describe('the diagram cache is read as untrusted', () => {
  const GOOD =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>#a .x{fill:url(#grad)}</style><defs><marker id="m"><path d="M0 0"/></marker></defs><g><rect width="1" marker-end="url(#m)"/><text><tspan>a &lt; b</tspan></text></g></svg>';

  it.each([
    ['a drawing as mermaid makes it', GOOD, undefined],
    ['an empty file', '', 'it is not one whole <svg> element'],
    ['a truncated drawing', GOOD.slice(0, 120), 'it is not one whole <svg> element'],
    ['a script', GOOD.replace('<g>', '<g><script>alert(1)</script>'), 'it holds a <script> element'],
    ['an event handler', GOOD.replace('<rect ', '<rect onclick="alert(1)" '), 'it has an event handler (onclick)'],
    [
      'an outside link',
      GOOD.replace('<g>', '<g><use href="https://evil.example/x.svg#a"/>'),
      'it refers to something outside itself (href="https://evil.example/x.svg#a")',
    ],
    ['a foreignObject', GOOD.replace('<g>', '<g><foreignObject><p>x</p></foreignObject>'), 'it holds a <foreignObject> element'],
    ['a style that loads', GOOD.replace('fill:url(#grad)', 'background:url(https://evil.example/t.png)'), 'its style loads something from outside'],
    ['two roots', `${GOOD}${GOOD}`, 'it holds more than one root element'],
    ['badly nested tags', GOOD.replace('</g>', '</text></g>'), '</text> closes an element that is not open'],
  ])('%s', async (_, svg, problem) => {
    const { svgProblem } = await import('../../src/diagrams/safe-svg.ts');
    expect(svgProblem(svg)).toBe(problem);
  });

  it('tells its progress: none drawn before the browser starts, then after each batch, and nothing when all is cached', async () => {
    const dir = await cache();
    const jobs = Array.from({ length: 20 }, (_, i) => ({ source: `flowchart LR\n  a${i} --> b${i}\n`, theme: 'site' as const }));
    const told: (number | string)[][] = [];
    let launched = false;
    await renderDiagrams(jobs, {
      cacheDir: dir,
      workers: 1,
      launch: async () => {
        launched = true;
        return launch();
      },
      progress: (done, total) => told.push([done, total, ...(launched ? [] : ['before launch'])]),
    });
    // One page takes 8 at a time: 8, 16, then the last 4.
    expect(told).toEqual([
      [0, 20, 'before launch'],
      [8, 20],
      [16, 20],
      [20, 20],
    ]);
    const again: [number, number][] = [];
    await renderDiagrams(jobs, { cacheDir: dir, launch, progress: (done, total) => again.push([done, total]) });
    expect(again).toEqual([]);
  }, 60_000);

  it('draws again what the cache holds that is not a clean SVG, and says so', async () => {
    const { writeFile } = await import('node:fs/promises');
    const dir = await cache();
    const sources = ['flowchart LR\n  a --> b\n', 'flowchart LR\n  c --> d\n', 'flowchart LR\n  e --> f\n'];
    const jobs = sources.map((source) => ({ source, theme: 'site' as const }));
    await renderDiagrams(jobs, { cacheDir: dir, launch });
    const [poisoned, truncated, kept] = jobs.map((j) => diagramKey(j.source, j.theme)) as [string, string, string];
    await writeFile(join(dir, `${poisoned}.svg`), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
    await writeFile(join(dir, `${truncated}.svg`), '<svg xmlns="http://www.w3.org/2000/svg"><g>');
    const { svgs, stats } = await renderDiagrams(jobs, { cacheDir: dir, launch });
    expect(stats.rejected).toEqual([
      { key: poisoned, reason: 'it holds a <script> element' },
      { key: truncated, reason: 'it is not one whole <svg> element' },
    ]);
    expect([stats.cached, stats.drawn]).toEqual([1, 2]);
    expect(svgs.get(poisoned)).not.toContain('<script');
    expect(svgs.get(kept)).toContain('<svg');
  }, 60_000);
});

describe('sharing the drawing between pages', () => {
  /** A stand-in browser that records what each page was given to draw, and draws a blank SVG. */
  function fakeBrowser() {
    const pages: string[][][] = [];
    const browser = {
      newContext: async () => {
        const calls: string[][] = [];
        pages.push(calls);
        return {
          route: async () => {},
          newPage: async () => ({
            setContent: async () => {},
            addScriptTag: async () => {},
            evaluate: async (_: unknown, { items }: { items: [string, { source: string }][] }) => {
              calls.push(items.map(([, job]) => job.source));
              return items.map(([key]) => ({ key, svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><g></g></svg>' }));
            },
          }),
          close: async () => {},
        };
      },
      close: async () => {},
    };
    return { pages, launch: async () => browser as unknown as Browser };
  }
  const jobs = Array.from({ length: 30 }, (_, i) => ({ source: `flowchart LR\n  a${'x'.repeat(i)} --> b\n`, theme: 'site' as const }));

  it('draws on one page per core (up to 8) by default, each taking a few diagrams at a time, the largest first', async () => {
    const { pages, launch: fake } = fakeBrowser();
    const { svgs, stats } = await renderDiagrams(jobs, { cacheDir: await cache(), launch: fake });
    expect(pages.length).toBe(Math.min(availableParallelism(), 8, jobs.length));
    const calls = pages.flat();
    expect(calls.every((items) => items.length <= 8)).toBe(true);
    expect(calls.flat().sort()).toEqual(jobs.map((j) => j.source).sort());
    expect(pages.map((p) => p[0]![0]).includes(jobs.at(-1)!.source)).toBe(true);
    expect([svgs.size, stats.drawn]).toEqual([30, 30]);
  });

  it('uses as many pages as asked, never more than there are diagrams', async () => {
    const three = fakeBrowser();
    await renderDiagrams(jobs, { cacheDir: await cache(), launch: three.launch, workers: 3 });
    expect(three.pages.length).toBe(3);
    const few = fakeBrowser();
    await renderDiagrams(jobs.slice(0, 2), { cacheDir: await cache(), launch: few.launch, workers: 5 });
    expect(few.pages.length).toBe(2);
  });
});

/** A server on 127.0.0.1 that counts the requests it gets: any request is one the data made. */
async function listening() {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { paths, origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('data never makes a request', () => {
  it('draws a block whose directive and front matter carry CSS with addresses without them, and nothing is fetched', async () => {
    const server = await listening();
    try {
      const hostile = [
        `%%{init: {"themeCSS": ".node rect { fill: url(${server.origin}/x.png) } svg { background: url(${server.origin}/x2.png) }", "fontFamily": "x; background:url(${server.origin}/y.png)"}}%%`,
        'flowchart LR',
        '  a --> b',
        '',
      ].join('\n');
      const front = ['---', 'config:', `  themeCSS: "svg { background: url(${server.origin}/z.png) }"`, '---', 'flowchart LR', '  c --> d', ''].join('\n');
      const { svgs, stats } = await renderDiagrams(
        [
          { source: hostile, theme: 'site' },
          { source: front, theme: 'site' },
        ],
        { cacheDir: await cache(), launch },
      );
      expect(server.paths).toEqual([]);
      // Both are drawn (without what was removed), so no reader's browser is left to draw them.
      expect(stats.failed).toEqual([]);
      for (const source of [hostile, front]) {
        const svg = svgs.get(diagramKey(source, 'site'))!;
        expect(svg).toContain('<svg');
        expect(svg).not.toContain('url(http');
        expect(svg).not.toContain(server.origin);
      }
    } finally {
      await server.close();
    }
  }, 60_000);

  it('gives the drawing page no network: a request from it is aborted before it leaves', async () => {
    const server = await listening();
    const session = await openDrawingSession(launch, 1);
    try {
      const page = session.pages[0]!;
      const outcome = await page.evaluate(async (origin) => {
        const image = new Image();
        const loaded = new Promise((resolve) => {
          image.onload = () => resolve('loaded');
          image.onerror = () => resolve('refused');
        });
        image.src = `${origin}/img.png`;
        const fetched = await fetch(`${origin}/fetch`).then(
          () => 'fetched',
          () => 'refused',
        );
        return [await loaded, fetched];
      }, server.origin);
      expect(outcome).toEqual(['refused', 'refused']);
      expect(server.paths).toEqual([]);
    } finally {
      await session.close();
      await server.close();
    }
  }, 60_000);
});

/** Statements that make the reader's browser fetch (measured with mermaid 12.3 at securityLevel strict), each from its own path. */
const LOADING_STATEMENTS = (origin: string) => [
  `stateDiagram-v2\n  [*] --> S\n  classDef c fill:url(${origin}/state.png)\n  class S c\n`,
  `stateDiagram-v2\n  [*] --> S\n  classDef c fill:u\\rl(${origin}/escaped.png)\n  class S c\n`,
  `stateDiagram-v2\n  [*] --> S\n  classDef c fill:red;;background:url(${origin}/semicolons.png)\n  class S c\n`,
  `stateDiagram-v2\n  [*] --> S\n  classDef c background-image:image-set("${origin}/image-set.png" 1x)\n  class S c\n`,
  `classDiagram\n  class A\n  style A fill:url(${origin}/class.png)\n`,
  `block-beta\n  a b\n  classDef c fill:url(${origin}/block.png)\n  class a c\n`,
  `sequenceDiagram\n  rect url(${origin}/rect.png)\n  A->>B: hi\n  end\n`,
  `flowchart LR\n  A@{ img: "${origin}/img.png", label: "x" } --> B\n`,
  'flowchart LR\n  A --> B\n  click A href "xmpp:someone"\n  click B href "tel:1"\n',
];

/**
 * A page as the site serves one whose diagrams were not drawn at build: each block a `<pre
 * class="mermaid">` in its figure, and DiagramScript's own script loading mermaid and drawing them.
 * Returns the links the drawings hold and how many were drawn.
 */
async function drawnByTheReader(origin: string, figures: string[]): Promise<{ drawn: number; links: string[]; themed: number }> {
  const require = createRequire(import.meta.url);
  const bundle = await readFile(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8');
  const astro = await readFile(join(import.meta.dirname, '../../src/components/DiagramScript.astro'), 'utf8');
  const script = /<script is:inline define:vars=\{\{[^}]*\}\}>([\s\S]*?)<\/script>/.exec(astro)![1];
  const html = `<!doctype html><html><head></head><body>${figures.join('\n')}<script>(function () { const src = '/site/mermaid.min.js'; const config = ${JSON.stringify(MERMAID_CONFIG)}; const palette = ${JSON.stringify(PALETTE)};${script}})();</script></body></html>`;
  const browser = await launch();
  try {
    // A page with network, as a reader's: only the site's own two files (under /site/) are served here.
    // It is served from the counting server's origin, so no rule of the browser's about other hosts stops a request.
    const page = await (await browser.newContext()).newPage();
    await page.route(`${origin}/site/**`, (route) =>
      route.fulfill(route.request().url().endsWith('.js') ? { contentType: 'text/javascript', body: bundle } : { contentType: 'text/html', body: html }),
    );
    await page.goto(`${origin}/site/`);
    await page.waitForFunction((n) => document.querySelectorAll('.diagram-svg, .diagram-canvas p.muted').length === n, figures.length);
    // Time for what the drawings' CSS asks for to be fetched.
    await page.waitForTimeout(1_000);
    return await page.evaluate(() => ({
      drawn: document.querySelectorAll('.diagram-svg').length,
      links: [...document.querySelectorAll('.diagram-svg a')].map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? ''),
      // Drawn in the site's palette, its text colour the site's custom property (dark mode recolours it).
      themed: [...document.querySelectorAll('.diagram-svg style')].filter((s) => s.textContent?.includes('var(--text, #1b2333)')).length,
    }));
  } finally {
    await browser.close();
  }
}

describe("data never makes a request from the reader's browser", () => {
  it('draws blocks whose statements set CSS that loads, an image or an odd link, and nothing is fetched once safeMermaid has read them', async () => {
    const server = await listening();
    try {
      const sources = LOADING_STATEMENTS(server.origin);
      // As written, the reader's browser fetches them all (so this test can fail) and keeps both links.
      const asWritten = await drawnByTheReader(
        server.origin,
        sources.map((source) => `<figure><div class="diagram-canvas"><pre class="mermaid">${escapeHtml(source)}</pre></div></figure>`),
      );
      expect(new Set(server.paths)).toEqual(
        new Set(['/state.png', '/escaped.png', '/semicolons.png', '/image-set.png', '/class.png', '/block.png', '/rect.png', '/img.png']),
      );
      expect(asWritten.links).toEqual(['xmpp:someone', 'tel:1']);
      server.paths.length = 0;
      // As the site hands them over: every one drawn, nothing fetched, no link but to where links may go.
      const asServed = await drawnByTheReader(
        server.origin,
        sources.map((source) => diagramFigure(source, { title: 't', description: 'd' })),
      );
      expect(server.paths).toEqual([]);
      expect(asServed).toEqual({ drawn: sources.length, links: [], themed: sources.length });
    } finally {
      await server.close();
    }
  }, 120_000);

  it('draws them at build, so no reader is handed them to draw', async () => {
    const server = await listening();
    try {
      const sources = LOADING_STATEMENTS(server.origin);
      const { svgs, stats } = await renderDiagrams(
        sources.map((source) => ({ source, theme: 'site' as const })),
        { cacheDir: await cache(), launch },
      );
      expect(server.paths).toEqual([]);
      expect(stats.failed).toEqual([]);
      for (const source of sources) expect(svgs.get(diagramKey(source, 'site'))).not.toMatch(/url\(http|xmpp:|tel:/);
      expect(safeMermaid(sources[0]!).source).toBe('stateDiagram-v2\n  [*] --> S\n  \n  class S c\n');
    } finally {
      await server.close();
    }
  }, 120_000);
});
