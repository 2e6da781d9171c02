// What a rendered page becomes on its way to the search index (see search-middleware.ts).

/** The output file Astro writes for a page URL (`format: 'directory'`), relative to the site. */
export function outputPath(pathname: string, base: string): string {
  const path = decodeURI(pathname.startsWith(base) ? pathname.slice(base.length) : pathname).replace(/^\/+|\/+$/g, '');
  if (path === '') return 'index.html';
  if (path.endsWith('.html')) return path;
  return path === '404' ? '404.html' : `${path}/index.html`;
}

/**
 * What the search index needs of a page. Elements marked `data-pagefind-ignore="all"` (drawn
 * diagrams, a repository's integration details) are skipped by search anyway and are most of an
 * entity page's bytes, so they are cut out before the page is sent; so are inline SVGs. Tags get a
 * space between them: the built HTML has none (`<dt>Role</dt><dd>Service</dd>`), and Pagefind
 * would otherwise index "RoleService" as one word. The HTML is Plexus's own output (user text is
 * escaped), so counting tags of one name is enough to find where an element ends.
 */
export function searchableHtml(html: string): string {
  return withoutIgnored(indexedPart(html))
    .replace(/<svg\b[\s\S]*?<\/svg>/g, '')
    .replaceAll('><', '> <');
}

/**
 * A page's head (its language, and its `data-pagefind-meta` tags: title and kind) and its
 * `<main data-pagefind-body>`: all Pagefind reads of a page that has such a body. The site's
 * header, footer and script, about half of what is left of an entity page, are not sent.
 */
function indexedPart(html: string): string {
  const head = html.indexOf('</head>');
  const main = html.indexOf('<main ', head);
  const end = html.lastIndexOf('</main>');
  if (head < 0 || main < 0 || end < main || !html.slice(main, html.indexOf('>', main)).includes(' data-pagefind-body')) return html;
  return `${html.slice(0, head)}</head><body>${html.slice(main, end)}</main></body></html>`;
}

const IGNORED = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore="all"[^>]*>/g;

function withoutIgnored(html: string): string {
  let out = '';
  let from = 0;
  IGNORED.lastIndex = 0;
  for (let m = IGNORED.exec(html); m; m = IGNORED.exec(html)) {
    const end = closingEnd(html, m[1]!, m.index + m[0].length);
    if (end < 0) break; // unbalanced: leave the rest for Pagefind to judge
    out += html.slice(from, m.index);
    from = end;
    IGNORED.lastIndex = end;
  }
  return out + html.slice(from);
}

/** Index just past the tag that closes an element `tag` whose content starts at `at`, or -1. */
function closingEnd(html: string, tag: string, at: number): number {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  tags.lastIndex = at;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}
