/**
 * Whether a drawing may be put into a page as it is. A cached drawing is a file anyone with
 * write access to a shared CI cache can replace, so it is read as untrusted: it must be one whole
 * SVG element, well nested, made only of drawing elements, with no script, no event handler, no
 * `foreignObject` and no reference to anything outside itself. Returns what is wrong, or undefined.
 * With `links`, as Plexus's own writer draws (src/diagrams/svg.ts): `<a>` to paths of the site.
 */
export function svgProblem(svg: string, options: { links?: boolean } = {}): string | undefined {
  const text = svg.trim();
  if (!text.startsWith('<svg') || !text.endsWith('</svg>')) return 'it is not one whole <svg> element';
  const stack: string[] = [];
  let i = 0;
  let roots = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const between = text.slice(i, lt);
    if (stack.at(-1) === 'style' && /@import|url\(\s*(?!['"]?#)|expression\(|javascript:/i.test(between)) return 'its style loads something from outside';
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return 'a comment is never closed';
      i = end + 3;
      continue;
    }
    CLOSE.lastIndex = lt;
    const close = CLOSE.exec(text);
    if (close) {
      if (stack.pop() !== close[1]!.toLowerCase()) return `</${close[1]}> closes an element that is not open`;
      i = CLOSE.lastIndex;
      continue;
    }
    OPEN.lastIndex = lt;
    const open = OPEN.exec(text);
    if (!open) return `malformed markup at character ${lt}`;
    const name = open[1]!.toLowerCase();
    if (!ELEMENTS.has(name) && !(options.links && name === 'a')) return `it holds a <${open[1]}> element`;
    if (stack.length === 0 && ++roots > 1) return 'it holds more than one root element';
    for (const [, attr, value] of (open[2] ?? '').matchAll(ATTRIBUTE)) {
      const a = attr!.toLowerCase();
      const v = (value ?? '').slice(1, -1);
      if (a.startsWith('on')) return `it has an event handler (${attr})`;
      // Plexus's own drawings link their nodes and edges to pages of the site: a path from its root, nothing else.
      if (options.links && name === 'a' && a === 'href' && SITE_PATH.test(v)) continue;
      if ((a === 'href' || a.endsWith(':href') || a === 'src') && !v.startsWith('#'))
        return `it refers to something outside itself (${attr}="${v.slice(0, 40)}")`;
      if (/javascript:|url\(\s*(?!['"]?#)|expression\(/i.test(v)) return `an attribute loads something from outside (${attr})`;
    }
    if (!open[3]) stack.push(name);
    i = OPEN.lastIndex;
  }
  if (stack.length > 0) return `<${stack.at(-1)}> is never closed`;
  return undefined;
}

/** A link to a page of the site: from its root (with the base), no scheme, no host, no script. */
const SITE_PATH = /^\/(?!\/)[^\s:\\]*$/;

const OPEN = /<([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const CLOSE = /<\/([A-Za-z][\w:.-]*)\s*>/y;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)\s*=\s*("[^"]*"|'[^']*')/g;

/** What mermaid draws with: shapes, text, styling and markers; nothing that runs or loads. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'style',
  'title',
  'desc',
  'marker',
  'symbol',
  'use',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'textpath',
  'clippath',
  'mask',
  'pattern',
  'lineargradient',
  'radialgradient',
  'stop',
  'filter',
  'fedropshadow',
  'fegaussianblur',
  'feoffset',
  'feflood',
  'fecomposite',
  'femerge',
  'femergenode',
  'feblend',
  'fecolormatrix',
  'switch',
]);
