// How rendered pages are named and trimmed for the search index.
import { describe, expect, it } from 'vitest';
import { outputPath, searchableHtml } from '../../src/site/search-page.ts';

describe('outputPath', () => {
  it.each([
    ['/', '/', 'index.html'],
    ['/repositories/orders-api/', '/', 'repositories/orders-api/index.html'],
    ['/repositories/orders-api', '/', 'repositories/orders-api/index.html'],
    ['/plexus/teams/', '/plexus/', 'teams/index.html'],
    ['/plexus/', '/plexus/', 'index.html'],
    ['/404', '/', '404.html'],
    ['/plexus/404.html', '/plexus/', '404.html'],
    ['/docs/caf%C3%A9/', '/', 'docs/café/index.html'],
  ])('names %s under base %s as %s', (pathname, base, file) => {
    expect(outputPath(pathname, base)).toBe(file);
  });
});

describe('searchableHtml', () => {
  it('drops inline SVG drawings and keeps every other character', () => {
    const html = '<main><h1>Orders</h1><div class="diagram-svg"><svg viewBox="0 0 1 1"><text>n1</text></svg></div><p>After <svg><path/></svg>text</p></main>';
    expect(searchableHtml(html)).toBe('<main> <h1>Orders</h1> <div class="diagram-svg"> </div> <p>After text</p> </main>');
  });

  it('cuts out elements search ignores entirely, nested ones included, and keeps what follows', () => {
    const html =
      '<main><h2>Details</h2><div class="prose" data-pagefind-ignore="all"><div class="table-wrap"><table><tr><td>x</td></tr></table></div><div>y</div></div><p>kept</p>' +
      '<div class="diagram-canvas" data-pagefind-ignore="all" role="img"><div class="diagram-svg"><svg><text>n1</text></svg></div></div><p>also kept</p></main>';
    expect(searchableHtml(html)).toBe('<main> <h2>Details</h2> <p>kept</p> <p>also kept</p> </main>');
  });

  it('leaves an element it cannot see the end of to Pagefind', () => {
    expect(searchableHtml('<div data-pagefind-ignore="all"><div>open')).toBe('<div data-pagefind-ignore="all"> <div>open');
  });

  it('separates text in adjacent elements, so it indexes as separate words', () => {
    expect(searchableHtml('<dl><dt>Role</dt><dd>Processor</dd><dt>Kind</dt></dl>')).toBe('<dl> <dt>Role</dt> <dd>Processor</dd> <dt>Kind</dt> </dl>');
  });

  const page = (main: string) =>
    '<!DOCTYPE html><html lang="en"><head><meta data-pagefind-meta="title[content]" content="Orders"></head>' +
    `<body><header class="site-header"><nav><a href="/teams/">Teams</a></nav></header>${main}` +
    '<footer class="site-footer"><nav class="site-map"><a href="/health/">Health</a></nav></footer><script>load()</script></body></html>';

  it('sends the head and the indexed body only: the site header, footer and script are not indexed', () => {
    expect(searchableHtml(page('<main id="content" data-pagefind-body><h1>Orders</h1></main>'))).toBe(
      '<!DOCTYPE html> <html lang="en"> <head> <meta data-pagefind-meta="title[content]" content="Orders"> </head> <body> <main id="content" data-pagefind-body> <h1>Orders</h1> </main> </body> </html>',
    );
  });

  it('keeps a page whole when its main element is not the indexed body', () => {
    const html = page('<main id="content"><h1>Orders</h1></main>');
    expect(searchableHtml(html)).toBe(html.replaceAll('><', '> <'));
  });
});
