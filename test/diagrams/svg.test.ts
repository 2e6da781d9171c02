import { describe, expect, it } from 'vitest';
import { example } from '../example-model.ts';
import { viewFigure } from '../../src/diagrams/figure.ts';
import { areas } from '../../src/diagrams/areas.ts';
import { areaGraph, eventGraph, landscapeGraph, neighbourhoodGraph, sequenceOf } from '../../src/diagrams/graph.ts';
import { fitGraph } from '../../src/diagrams/layout-fit.ts';
import { PROFILES } from '../../src/diagrams/layout.ts';
import { svgProblem } from '../../src/diagrams/safe-svg.ts';
import { writeSvg } from '../../src/diagrams/svg.ts';

const m = example.model;
const link = (path: string) => `/registry${path}`;
const views = [
  landscapeGraph(m),
  ...[...areas(m).keys()].map((k) => areaGraph(m, k)!),
  ...[...m.repositories.keys()].map((id) => neighbourhoodGraph(m, id)),
  ...[...m.events.keys()].map((id) => eventGraph(m, id)),
];

describe('drawn in Node, no browser', () => {
  it('every view of the example fits both canvases at its natural size', async () => {
    for (const g of views) {
      const f = await fitGraph(g);
      expect(f.wide, `${g.title} wide`).not.toBeNull();
      expect(f.wide!.width).toBeLessThanOrEqual(PROFILES.wide.maxWidth);
      expect(f.wide!.height).toBeLessThanOrEqual(PROFILES.wide.maxHeight);
      if (g.view !== 'area' && g.view !== 'landscape') expect(f.narrow, `${g.title} narrow`).not.toBeNull();
      if (f.narrow) expect(f.narrow.width).toBeLessThanOrEqual(PROFILES.narrow.maxWidth);
    }
  }, 60_000);

  it('links every node to its page and every edge to its integrations, under the base path, and is a clean SVG with links', async () => {
    const g = neighbourhoodGraph(m, 'payment-service');
    const f = await fitGraph(g);
    const svg = writeSvg(f.wide!, { link, idPrefix: 'p', title: g.title, desc: g.description });
    expect(svgProblem(svg, { links: true })).toBeUndefined();
    expect(svgProblem(svg)).toMatch(/<a> element/);
    for (const n of g.nodes) expect(svg).toContain(`<a href="/registry${n.href}">`);
    for (const e of g.edges) expect(svg).toContain(`<a href="/registry${e.href}"`);
    expect(svg).toContain('href="/registry/map/repository/payment-service/#e-order-service--payment-service"');
    // No label below 12 px: the writer's sizes are 12 and 14, set by class, never scaled down.
    expect(svg).not.toMatch(/font-size|transform="scale/);
  });

  it('refuses links that leave the site', () => {
    const bad = (href: string) => svgProblem(`<svg><a href="${href}"><text>x</text></a></svg>`, { links: true });
    expect(bad('/registry/repositories/x/')).toBeUndefined();
    for (const href of ['javascript:alert(1)', '//evil.example/', 'https://evil.example/', 'data:text/html,x']) expect(bad(href)).toMatch(/outside/);
  });

  it("a figure holds both drawings, the trail up to the landscape, a legend of the kinds it shows, and the bundled edges' rows", async () => {
    const html = viewFigure(await fitGraph(neighbourhoodGraph(m, 'payment-service')), { link, idPrefix: 'p' }, (id) => m.integrations.get(id)!.data.title);
    expect(html).toContain('<div class="view-wide"><svg');
    expect(html).toContain('<div class="view-narrow"><svg');
    expect(html).toContain(
      '<nav class="view-trail" aria-label="Diagram level">View: <ol><li><a href="/registry/map/">Landscape</a></li><li><a href="/registry/map/domain/commerce/">domain commerce</a></li><li aria-current="page">repository Payment Service</li></ol></nav>',
    );
    // Each drawing carries its legend, so the one shown with it is the one a reader sees.
    const wideDrawing = /<div class="view-wide">[\s\S]*?<\/ul><\/div>/.exec(html)![0];
    expect([...wideDrawing.matchAll(/<\/svg>(Service|Gateway|External system|Library|Datastore)<\/li>/g)].map((x) => x[1])).toEqual([
      'Service',
      'Gateway',
      'Library',
      'External system',
      'Datastore',
    ]);
    expect(html).toContain('<tr id="e-order-service--payment-service">');
    // Every link has a name: an arrow's is what it says, though a star drawing writes it under the counterpart instead.
    expect([...html.matchAll(/<a href="[^"]*"( aria-label="([^"]*)")?>(<g class="edge[^"]*">)/g)].filter((m) => !m[2])).toEqual([]);
  });

  it('keeps the shapes legend with its drawing: a list shown instead on a phone has only what its arrows mean', async () => {
    // The example's commerce domain is drawn on a laptop and listed on a phone.
    const fitted = await fitGraph(areaGraph(m, [...areas(m).keys()].find((k) => k.endsWith('commerce'))!)!);
    expect(fitted.wide).not.toBeNull();
    expect(fitted.narrow).toBeNull();
    const html = viewFigure(fitted, { link, idPrefix: 'c' }, (id) => id);
    const list = /<div class="view-table-narrow">[\s\S]*?<\/div>/.exec(html)![0];
    expect(list).toContain('<ul class="view-list">');
    expect(list).not.toContain('<svg');
    expect(list).toMatch(
      /<ul class="diagram-key"><li class="marks">Each arrow starts at the side that acts \(calls, publishes, reads, depends on…\); ↔ both ways; \(n\): n integrations drawn as one arrow, which lists them[^<]*\.<\/li><\/ul><\/div>$/,
    );
    expect(/<div class="view-wide">[\s\S]*?<\/ul><\/div>/.exec(html)![0]).toContain('</svg>Service</li>');
  });

  it('draws a sequence without a layout engine', () => {
    const html = viewFigure({ graph: sequenceOf(m, 'orders-to-payments')!, wide: null, narrow: null }, { link, idPrefix: 's' }, (id) => id);
    expect(html).toContain('class="view-wide"');
    expect(svgProblem(/<svg[\s\S]*?<\/svg>/.exec(html)![0], { links: true })).toBeUndefined();
  });
});
