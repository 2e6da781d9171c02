// The diagram figure: caption, accessible name, text alternative; the SVG kept out of the search index.
import { describe, expect, it } from 'vitest';
import { diagramFigure } from '../../src/render/diagram-html.ts';

describe('diagramFigure', () => {
  const text = { title: 'A <b>&', description: 'Two "nodes".', rows: [{ from: 'x<y', label: 'REST', to: 'z' }] };

  it('writes a drawn diagram with its text alternative, escaping every value', () => {
    expect(diagramFigure('graph', text, { svg: '<svg></svg>', file: '/d/1.svg' })).toBe(
      '<figure class="diagram" data-diagram><figcaption><strong>A &#60;b&#62;&#38;</strong> <span>Two &#34;nodes&#34;.</span></figcaption>' +
        '<div class="diagram-canvas" data-pagefind-ignore="all" role="img" aria-label="A &#60;b&#62;&#38;. Two &#34;nodes&#34;."><div class="diagram-svg"><svg></svg></div></div>' +
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
});
