// The diagram figure: caption, accessible name, text alternative; the SVG kept out of the search index.
import { describe, expect, it } from 'vitest';
import { diagramFigure, linkedSvg } from '../../src/render/diagram-html.ts';

describe('diagramFigure', () => {
  const text = { title: 'A <b>&', description: 'Two "nodes".', rows: [{ from: 'x<y', label: 'REST', to: 'z' }] };

  it('writes a drawn diagram with its text alternative, escaping every value', () => {
    expect(diagramFigure('graph', text, { svg: '<svg></svg>', file: '/d/1.svg' })).toBe(
      '<figure class="diagram" data-diagram><figcaption><strong>A &#60;b&#62;&#38;</strong> <span>Two &#34;nodes&#34;.</span></figcaption>' +
        '<div class="diagram-canvas" data-pagefind-ignore="all" tabindex="0" role="group" aria-label="A &#60;b&#62;&#38;. Two &#34;nodes&#34;."><div class="diagram-svg"><svg></svg></div></div>' +
        '<p class="diagram-open"><a href="/d/1.svg">Open full size</a></p>' +
        '<details class="diagram-text"><summary>Diagram as text</summary><div class="table-wrap" tabindex="0"><table><thead><tr><th scope="col">Who</th><th scope="col">Does</th><th scope="col">To or with</th></tr></thead>' +
        '<tbody><tr><td>x&#60;y</td><td>REST</td><td>z</td></tr></tbody></table></div></details></figure>',
    );
  });

  it('leaves the source for the browser when the diagram was not drawn', () => {
    expect(diagramFigure('graph TD\n  A["<x>"]', { title: 't', description: 'd' })).toContain(
      '<pre class="mermaid">graph TD\n  A[&#34;&#60;x&#62;&#34;]</pre>',
    );
  });

  it("hands the reader's browser a block without the configuration it may not set", () => {
    const hostile =
      '%%{init: {"themeCSS": ".x { background: url(http://127.0.0.1:9/x.png) }", "fontFamily": "x; background:url(http://127.0.0.1:9/y.png)"}}%%\n' +
      'flowchart LR\n  a --> b\n';
    const html = diagramFigure(hostile, { title: 't', description: 'd' });
    expect(html).toContain('<pre class="mermaid">\nflowchart LR\n  a --&#62; b\n</pre>');
    // Neither the block the browser draws nor its text alternative carries the directive.
    expect(html).not.toMatch(/%%\{|themeCSS|fontFamily|url\(/);
    // Plain options are kept, as front matter the browser's mermaid reads.
    expect(diagramFigure("%%{init: {'theme': 'dark'}}%%\nflowchart LR\n", { title: 't', description: 'd' })).toContain(
      '<pre class="mermaid">---\n{&#34;config&#34;:{&#34;theme&#34;:&#34;dark&#34;}}\n---\n\nflowchart LR\n</pre>',
    );
  });

  it('in dev, while the diagram is drawn, says so and opens its text', () => {
    const html = diagramFigure('graph TD\n  A', text, undefined, { pending: '0a1b' });
    expect(html).toContain(
      '<p class="diagram-pending" data-diagram-pending="0a1b">Drawing this diagram… It appears here when drawn; meanwhile, read it as text below.</p></div>',
    );
    expect(html).toContain('<details class="diagram-text" open><summary>');
    expect(html).not.toContain('class="mermaid"');
    // Once drawn, the drawing wins over a stale pending key.
    expect(diagramFigure('graph', text, { svg: '<svg></svg>' }, { pending: '0a1b' })).not.toContain('pending');
  });
});

describe('linkedSvg', () => {
  const svg =
    '<svg id="d1" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 300.5px;" viewBox="0 0 300.5 100">' +
    '<g class="nodes"><g class="node default" id="d1-flowchart-n0-0" transform="translate(1,1)"><g class="label"><text>A</text></g></g>' +
    '<g class="node default" id="d1-flowchart-n1-1"><rect/></g></g></svg>';

  it('draws at natural width and wraps each linked node, nested groups and all, in one link', () => {
    expect(linkedSvg(svg, new Map([['n0', '/r/a/?x="1"']]))).toBe(
      '<svg id="d1" width="300.5" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300.5 100">' +
        '<g class="nodes"><a href="/r/a/?x=&#34;1&#34;"><g class="node default" id="d1-flowchart-n0-0" transform="translate(1,1)"><g class="label"><text>A</text></g></g></a>' +
        '<g class="node default" id="d1-flowchart-n1-1"><rect/></g></g></svg>',
    );
  });

  it('leaves nodes it has no page for, and ids it cannot find, as they are', () => {
    expect(linkedSvg(svg, new Map([['n7', '/x/']]))).not.toContain('<a ');
  });
});
