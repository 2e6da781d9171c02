import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/render/escape-html.ts';
import { outline, slug } from '../../src/site/outline.ts';

describe('a page outline', () => {
  it('lists second-level headings, keeping their ids and giving unique ids to those without', () => {
    const html =
      '<h1>Title</h1><h2 id="usage">Usage</h2><h2>Who and how</h2><h3>Not listed</h3><h2 class="x">Who <em>and</em> how</h2><p id="who-and-how-2">taken</p>';
    const { html: out, entries } = outline(html);
    expect(entries).toEqual([
      { id: 'usage', text: 'Usage' },
      { id: 'who-and-how', text: 'Who and how' },
      { id: 'who-and-how-3', text: 'Who and how' },
    ]);
    expect(out).toBe(
      '<h1>Title</h1><h2 id="usage">Usage</h2><h2 id="who-and-how">Who and how</h2><h3>Not listed</h3><h2 id="who-and-how-3" class="x">Who <em>and</em> how</h2><p id="who-and-how-2">taken</p>',
    );
  });

  it('reads headings as text: references decoded, so the page escapes them once', () => {
    expect(outline('<h2>Orders &amp; &#60;payments&#62;</h2>').entries).toEqual([{ id: 'orders-payments', text: 'Orders & <payments>' }]);
    expect(outline('<h2 id="a&#39;b">x</h2>').entries[0]!.id).toBe("a'b");
  });

  it('leaves out the titles of cards: they are the page header, not its sections', () => {
    const html = '<section class="card"><h2>Who and how</h2></section><section class="card wide">\n <h2>Health</h2></section><section><h2>Usage</h2></section>';
    expect(outline(html)).toEqual({ html: html.replace('<h2>Usage', '<h2 id="usage">Usage'), entries: [{ id: 'usage', text: 'Usage' }] });
  });

  it('makes ids of letters and digits in any script', () => {
    expect(slug('🎯 Purpose')).toBe('purpose');
    expect(slug('Über Änderungen 2026')).toBe('uber-anderungen-2026');
    expect(slug('???')).toBe('section');
  });

  it('decodes only character references', () => {
    expect(decodeHtml('&lt;b&gt; &#x41; &bogus; &#99999999;')).toBe('<b> A &bogus; &#99999999;');
  });
});
