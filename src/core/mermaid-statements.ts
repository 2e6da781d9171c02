// The statements of a mermaid text that can load, link or run (see src/core/mermaid-config.ts):
// style, classDef and linkStyle CSS, click and link targets, node images, and any CSS function
// that loads an address. Each reader returns the edits that make its statements safe and reports
// what it found; safeBody in mermaid-config.ts runs them until nothing more is found.
import { linkAllowed } from '../render/links.ts';
import type { RemovedConfig } from './mermaid-config.ts';

/** What the body of a text sets that could load, link or run; reported at an offset in the original. */
export type Found = Omit<RemovedConfig, 'offset' | 'line' | 'col' | 'body'>;

/** The statements that put CSS on the drawing, as the diagrams that have them spell them. */
const STYLE_KEYWORDS: Record<string, string> = { style: 'style', classdef: 'classDef', linkstyle: 'linkStyle' };
/**
 * A statement that styles: its keyword at the start of a line (in any case: this reads more than
 * mermaid does, never less), who it styles (`A`, `c1,c2`, `0,1` or `default`, and for linkStyle an
 * `interpolate` curve), and its properties, separated by commas, up to the line's end, with one
 * `;` at the end allowed, as mermaid's examples write it.
 */
const STYLE_STATEMENT = /^([^\S\n]*)(style|classdef|linkstyle)(?=[^\S\n])([^\n]*)$/gim;
const STYLE_HEAD = /^([^\S\n]+[^\s,:;(){}\\"'@]+(?:,[^\s,:;(){}\\"'@]+)*(?:[^\S\n]+interpolate[^\S\n]+[A-Za-z]+)?(?:[^\S\n]+|$))/i;
/** Functions a style may call: colours and arithmetic, none of which loads anything. */
const SAFE_FUNCTION = /^(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color|calc|min|max|clamp|var)$/i;
const PROPERTY = /^[^\S\n]*(-{0,2}[A-Za-z][\w-]*)[^\S\n]*:([^\n]*)$/;

/**
 * Whether a property's value is plain: letters, digits, spaces and `# . % + - ! / *` (colours,
 * sizes, `!important`), and brackets only as a colour or arithmetic function's. Nothing that
 * escapes (`\`), ends a declaration or rule (`;`, `{`, `}`), starts an at-rule (`@`), quotes,
 * comments or calls any other function, so nothing that can load.
 */
function plainCss(value: string): boolean {
  if (!/^[\w\s#.%+!/*()-]*$/.test(value) || /\/\*|\*\//.test(value)) return false;
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === ')' && --depth < 0) return false;
    if (value[i] !== '(') continue;
    depth++;
    const name = /[\w-]*$/.exec(value.slice(0, i))![0];
    if (name !== '' && !SAFE_FUNCTION.test(name)) return false;
  }
  return depth === 0;
}

/** The style statements of a body with every property that is not a plain value dropped. */
export function safeStyles(body: string, found: (offset: number, f: Found) => void): { from: number; to: number; insert: string }[] {
  const edits: { from: number; to: number; insert: string }[] = [];
  for (const m of body.matchAll(STYLE_STATEMENT)) {
    const keyword = STYLE_KEYWORDS[m[2]!.toLowerCase()]!;
    const what = `${keyword} statement`;
    const start = m.index + m[1]!.length;
    const rest = m[3]!;
    const head = STYLE_HEAD.exec(rest)?.[1];
    if (head === undefined) {
      // Nothing styled, as far as can be read (`style A`): harmless if plain, else removed.
      if (!/^[\w\s,.#:%-]*$/.test(rest)) {
        found(start, { what, problem: 'could not be read' });
        edits.push({ from: start, to: m.index + m[0].length, insert: '' });
      }
      continue;
    }
    if (head.length === rest.length) continue;
    const tail = /[^\S\n]*;?[^\S\n]*$/.exec(rest.slice(head.length))![0];
    const properties = rest.slice(head.length, rest.length - tail.length).split(',');
    const kept = properties.filter((property) => {
      if (property.trim() === '') return true;
      const p = PROPERTY.exec(property);
      if (p && plainCss(p[2]!)) return true;
      found(start, { what, problem: p ? `sets "${p[1]}" to CSS that can load an address` : 'sets CSS that can load an address' });
      return false;
    });
    if (kept.length === properties.length) continue;
    const insert = kept.some((p) => p.trim() !== '') ? `${m[2]}${head}${kept.join(',')}${tail}` : '';
    edits.push({ from: start, to: m.index + m[0].length, insert });
  }
  return edits;
}

/** The diagram's type as mermaid finds it: the first word of its first line that is not blank or a comment. */
function diagramType(body: string): string {
  return /^(?:[^\S\n]*(?:%%[^\n]*)?\n)*[^\S\n]*([A-Za-z][\w-]*)/.exec(body)?.[1] ?? '';
}

/** The first `"…"` of a text, or undefined. */
const quoted = (text: string) => /"([^"\n]*)"/.exec(text)?.[1];

/**
 * The statements that make links or call script (`click` in flowcharts, class diagrams and Gantt
 * charts; `link` and `callback` in class diagrams; `link` and `links` in sequence diagrams): a
 * link stays when it goes where registry links may (http(s), mailto, relative), a callback never
 * (mermaid runs none at securityLevel strict; the site never asks for one).
 */
export function safeLinks(body: string, found: (offset: number, f: Found) => void): { from: number; to: number }[] {
  const type = diagramType(body);
  const words =
    /^(?:graph|flowchart)/.test(type) || type === 'gantt'
      ? 'click'
      : /^classDiagram/.test(type)
        ? 'click|link|callback'
        : /^sequenceDiagram/.test(type)
          ? 'links?'
          : undefined;
  if (words === undefined) return [];
  const edits: { from: number; to: number }[] = [];
  for (const m of body.matchAll(new RegExp(`^([^\\S\\n]*)(${words})[^\\S\\n]+([^\\n]*)$`, 'gm'))) {
    const keyword = m[2]!;
    const rest = m[3]!;
    let problem: string | undefined;
    if (/^sequenceDiagram/.test(type)) {
      const text = rest.slice(rest.indexOf(':') + 1);
      let urls: unknown[] = [];
      if (!rest.includes(':')) urls = [];
      else if (keyword === 'link') urls = [text.slice(text.indexOf('@') + 1)];
      else {
        try {
          const links = JSON.parse(text) as unknown;
          urls = links && typeof links === 'object' ? Object.values(links) : [links];
        } catch {
          problem = 'could not be read';
        }
      }
      if (urls.some((url) => typeof url !== 'string' || !linkAllowed(url.trim()))) problem ??= 'links to an address that is not http(s), mailto or relative';
    } else if (keyword === 'callback') problem = 'calls a script function, which a drawing on the site never runs';
    else {
      // `click A href "url"`, `click A "url"`, `link A "url"`; else `click A call f()` or `click A f`, a callback.
      const action = /^\S+[^\S\n]+(.*)$/.exec(rest)?.[1] ?? '';
      const url = /^(?:href[^\S\n]*)?"/.test(action) ? quoted(action) : undefined;
      if (url !== undefined) {
        if (!linkAllowed(url.trim())) problem = 'links to an address that is not http(s), mailto or relative';
      } else if (keyword === 'click' && !/^(?:href\b|")/.test(action)) problem = 'calls a script function, which a drawing on the site never runs';
      else problem = 'could not be read';
    }
    if (problem === undefined) continue;
    const start = m.index + m[1]!.length;
    found(start, { what: `${keyword} statement`, problem });
    edits.push({ from: start, to: m.index + m[0].length });
  }
  return edits;
}

/**
 * Node data (`A@{ shape: …, img: … }`) that may set `img`, an image mermaid loads from its
 * address. Read as mermaid's lexer reads it: from `@{` to the next `}` outside `"…"`. Any mention
 * of img, or an escape that could spell it, removes the whole of it.
 */
export function safeNodeData(body: string, found: (offset: number, f: Found) => void): { from: number; to: number }[] {
  const edits: { from: number; to: number }[] = [];
  for (let p = body.indexOf('@{'); p >= 0; p = body.indexOf('@{', p + 2)) {
    let end = p + 2;
    while (end < body.length && body[end] !== '}') {
      if (body[end] === '"') {
        const close = body.indexOf('"', end + 1);
        end = close < 0 ? body.length : close;
      }
      end++;
    }
    end = Math.min(end + 1, body.length);
    if (/img|\\/i.test(body.slice(p, end))) {
      found(p, { what: 'node data (@{ … })', problem: 'may set "img", an image loaded from an address' });
      edits.push({ from: p, to: end });
    }
    p = end - 2;
  }
  return edits;
}

/**
 * A CSS name, escapes and all. Browsers differ on which other characters a name may hold, so it
 * is read as ASCII only: `😀url(` is found as `url(` (a browser may read it so), never missed.
 */
const CSS_NAME = /(?:[\w-]|\\(?:[0-9A-Fa-f]{1,6}[ \t\n\f]?|[^\n\f0-9A-Fa-f]))+/g;
const unescapeCss = (name: string) =>
  name.replace(/\\(?:([0-9A-Fa-f]{1,6})[ \t\n\f]?|([^\n\f0-9A-Fa-f]))/g, (_, hex: string | undefined, c: string | undefined) =>
    hex ? String.fromCodePoint(Math.min(Number.parseInt(hex, 16) || 0xfffd, 0x10ffff)) : c!,
  );
/** CSS functions that load from an address (their `-webkit-` forms too); src and image only with a string. */
const LOADS = /^(?:-[a-z]+-)?(?:url|image-set|expression)$/i;
const LOADS_FROM_STRING = /^(?:-[a-z]+-)?(?:src|image)$/i;
/** `image(` and `src(` load only what their first argument, a string, names (`image(ltr "x.png")`). */
const STRING_FIRST = /^\(\s*(?:(?:ltr|rtl)\s+)?["']/i;
const ZWSP = '\u200B';

/**
 * Whatever else in a body CSS would read as loading an address: a `url(`, `image-set(` or
 * `expression(` (`src(` and `image(` with a quoted address), spelt plainly or with escapes (`u\rl(`),
 * and `@import`. Wherever it stands (a label is text and stays so), an invisible space is put
 * before its `(` (after its `@`), so no CSS can read it as what it was.
 */
export function safeCss(body: string, found: (offset: number, f: Found) => void): { from: number; to: number; insert: string }[] {
  const edits: { from: number; to: number; insert: string }[] = [];
  // Without an escape, a name that loads is spelt as it is read.
  if (!/\\|(?:url|image-set|expression|src|image)\(|@import/i.test(body)) return edits;
  // A line that starts with %% is a comment mermaid deletes before it reads anything.
  const COMMENT = /[^\S\n]*%%/y;
  const inComment = (offset: number) => {
    COMMENT.lastIndex = body.lastIndexOf('\n', offset) + 1;
    return COMMENT.test(body);
  };
  for (const m of body.matchAll(CSS_NAME)) {
    const end = m.index + m[0].length;
    const atRule = body[m.index - 1] === '@';
    const name = unescapeCss(m[0]);
    const loads = atRule
      ? /^import$/i.test(name)
      : body[end] === '(' && (LOADS.test(name) || (LOADS_FROM_STRING.test(name) && STRING_FIRST.test(body.slice(end, end + 80))));
    if (!loads || inComment(m.index)) continue;
    const at = atRule ? m.index - 1 : m.index;
    found(at, {
      what: 'text',
      problem: `has "${atRule ? '@' : ''}${m[0].slice(0, 40)}${atRule ? '' : '('}", which CSS can read as an address to load`,
      outcome: 'an invisible space was put in it',
    });
    edits.push(atRule ? { from: m.index, to: m.index, insert: ZWSP } : { from: end, to: end, insert: ZWSP });
  }
  return edits;
}
