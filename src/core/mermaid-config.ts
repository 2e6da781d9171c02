import { parse } from 'yaml';
import { blocks } from './markdown.ts';
import { type Found, safeCss, safeLinks, safeNodeData, safeStyles } from './mermaid-statements.ts';
import { Patched } from './patched-text.ts';

/**
 * A mermaid text can reconfigure the drawing itself: `%%{init: …}%%` directives anywhere in it,
 * and `config:` in front matter at its top. Through them `themeCSS`, `fontFamily` or
 * `themeVariables` put the author's CSS in the drawing, and CSS can load from any address: the
 * build's browser, the dev server's and every reader's would fetch it. So before any mermaid sees
 * a text, its configuration is read here and only plain options are kept (`theme: dark`,
 * `flowchart: {curve: basis}`), written back as front matter Plexus made; the rest is removed and
 * reported. Mermaid's own `secure` keys (MERMAID_CONFIG) are the second wall, the drawing page's
 * lack of network the third.
 *
 * The body of a text can do the same through its statements: `style`, `classDef` and `linkStyle`
 * put CSS on nodes, edges and into the drawing's stylesheet (state, class and block diagrams take
 * `fill:url(http://…)` as written, and the reader's browser fetches it), a sequence diagram's
 * `rect` colour becomes a `fill` attribute, a node's `@{ img: … }` is an image mermaid loads, and
 * `click`/`link` statements make links. So the body is read too (`safeBody`): properties that are
 * not plain values are dropped, links go only where registry links may, images and script
 * callbacks are removed, and whatever else CSS would read as loading an address (`url(`,
 * `image-set(`, `@import`, escaped or not) is broken with an invisible space.
 */

/** What was removed from a mermaid text, where (offset, 1-based line and column in it), and why. */
export interface RemovedConfig {
  offset: number;
  line: number;
  col: number;
  /** What it was: `%%{init}%% directive`, `front matter config`… */
  what: string;
  /** Why it was removed, as the rest of a sentence: `sets "themeCSS", which can …`. */
  problem: string;
  /** What was done, when not removed: `an invisible space was put in it`. */
  outcome?: string;
  /** Found in the diagram's statements or text, not its configuration. */
  body?: true;
}

type Config = Record<string, unknown>;

/** Keys Plexus sets itself so that drawings are safe and alike; a diagram may not change them. */
const PLEXUS_KEYS = new Set([
  'secure',
  'securityLevel',
  'startOnLoad',
  'htmlLabels',
  'maxTextSize',
  'maxEdges',
  'deterministicIds',
  'deterministicIDSeed',
  'layout',
  'look',
  'handDrawnSeed',
  'useMaxWidth',
  'wrappingWidth',
  'dompurifyConfig',
  'suppressErrorRendering',
  'legacyMathML',
  'forceLegacyMathML',
  'arrowMarkerAbsolute',
  // `%%{init: {config: …}}%%` means "the options of this diagram's type", which only mermaid knows.
  'config',
]);
/** Key words that carry styling or addresses: themeCSS, fontFamily, themeVariables, ticketBaseUrl, … */
const STYLING_KEY = /css|style|font|variables|url|href|link|icon|image/i;
const PLAIN_KEY = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
/** A value that can be nothing but a name: no `;`, `:`, `(` or quote with which CSS or an address is written. */
const PLAIN_WORD = /^[A-Za-z][\w-]{0,63}$/;

const isConfig = (value: unknown): value is Config => typeof value === 'object' && value !== null && !Array.isArray(value);
const plainValue = (value: unknown) =>
  typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && PLAIN_WORD.test(value));

/**
 * Why a configuration may not be kept, or undefined. Kept: options whose values are plain words,
 * numbers or true/false, at the top or in one section (`flowchart: {curve: basis}`); never a key
 * that styles, names an address, or is one Plexus sets itself.
 */
function configProblem(config: unknown, section?: string): string | undefined {
  if (!isConfig(config)) return 'is not a set of options';
  for (const [key, value] of Object.entries(config)) {
    const at = section ? `${section}.${key}` : key;
    if (!PLAIN_KEY.test(key) || STYLING_KEY.test(key)) return `sets "${at}", which can carry styling or addresses`;
    if (PLEXUS_KEYS.has(key)) return `sets "${at}", which Plexus sets itself to draw safely`;
    if (isConfig(value) && section === undefined) {
      const problem = configProblem(value, key);
      if (problem !== undefined) return problem;
    } else if (!plainValue(value)) return `sets "${at}" to something other than a plain word, number or true/false`;
  }
  return undefined;
}

/** Sections merged option by option, as mermaid merges configurations; later ones win. */
function merge(into: Config, config: Config): Config {
  for (const [key, value] of Object.entries(config)) {
    const before = into[key];
    into[key] = isConfig(before) && isConfig(value) ? { ...before, ...value } : value;
  }
  return into;
}

/**
 * Every place mermaid may read a directive, as [start, end) offsets, overlaps merged: each `%%{` to
 * the next `}%%` (or the end of the text: mermaid does not need the close), found from every
 * `%%{`, not after the last one's end, so one that starts inside another is not missed; and each
 * `%%}%%` to its line's end, because mermaid deletes from there to the next line before it looks
 * for directives, which can join a `%%` to a `{`.
 */
function directiveSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let p = text.indexOf('%%{'); p >= 0; p = text.indexOf('%%{', p + 1)) {
    const close = text.indexOf('}%%', p + 3);
    spans.push([p, close < 0 ? text.length : close + 3]);
  }
  for (let p = text.indexOf('%%}%%'); p >= 0; p = text.indexOf('%%}%%', p + 1)) {
    const eol = text.indexOf('\n', p);
    spans.push([p, eol < 0 ? text.length : eol]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    const last = merged.at(-1);
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

const cut = (text: Patched, spans: [number, number][]) => text.edit(spans.map(([from, to]) => ({ from, to })));

/** Mermaid's own reading of one directive (its `directiveRegex`, and `'` read as `"`), anchored to the whole span. */
const DIRECTIVE = /^%%\{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!\}%%).|\r?\n)*))?\s*(?:\}%%)?$/;

/** The options a directive sets, when it is one Plexus keeps; else why it is removed. */
function readDirective(span: string): { config: Config } | { what: string; problem: string } {
  const m = DIRECTIVE.exec(span.replace(/'/g, '"'));
  const type = m?.[1] ?? m?.[2];
  const what = type ? `%%{${type}}%% directive` : 'directive';
  if (!m || !type) return { what, problem: 'could not be read' };
  if (type === 'wrap' && m[3] === undefined && !m[4]?.trim()) return { config: { wrap: true } };
  if (type !== 'init' && type !== 'initialize') return { what, problem: 'is not one Plexus keeps (only init and wrap are)' };
  let config: unknown;
  try {
    config = m[3] ?? JSON.parse(m[4]?.trim() || 'null');
  } catch {
    return { what, problem: 'could not be read' };
  }
  const problem = configProblem(config);
  return problem === undefined ? { config: config as Config } : { what, problem };
}

/**
 * Front matter as mermaid finds it: `---` on the first line (after spaces), to the next line that
 * is the same indent and `---`. Reading it a little differently from mermaid is safe: what Plexus
 * writes back either starts with its own front matter or never with `---`.
 */
const FRONT_MATTER = /^([^\S\n]*)---[^\S\n]*\n([\s\S]*?)\n\1---[^\S\n]*(?:\n|$)/;
const STARTS_LIKE_FRONT_MATTER = /^[^\S\n]*---/;

interface FrontMatter {
  length: number;
  title?: string;
  displayMode?: string;
  config?: Config;
  removed?: { what: string; problem: string };
}

/** The front matter at the top of a text, what of it is kept, and what was removed. */
function readFrontMatter(text: string): FrontMatter | undefined {
  const m = FRONT_MATTER.exec(text);
  if (!m) return undefined;
  const indent = m[1]!;
  const yaml = m[2]!
    .split('\n')
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
  let data: unknown;
  try {
    data = parse(yaml, { maxAliasCount: 16, logLevel: 'error' });
  } catch {
    return { length: m[0].length, removed: { what: 'front matter', problem: 'could not be read' } };
  }
  if (!isConfig(data)) return { length: m[0].length };
  const out: FrontMatter = { length: m[0].length };
  if (['string', 'number', 'boolean'].includes(typeof data.title)) out.title = String(data.title);
  if (typeof data.displayMode === 'string' && PLAIN_WORD.test(data.displayMode)) out.displayMode = data.displayMode;
  if (data.config === undefined || data.config === null) return out;
  const problem = configProblem(data.config);
  if (problem === undefined) out.config = data.config as Config;
  else out.removed = { what: 'front matter config', problem };
  return out;
}

/**
 * Front matter written by Plexus: one JSON line (JSON is YAML), so nothing in a title can end it.
 * `%%` is split in the title, so no mermaid reading of it can ever find a directive there.
 */
function writeFrontMatter(meta: { title?: string; displayMode?: string; config?: Config }): string {
  if (meta.title === undefined && meta.displayMode === undefined && meta.config === undefined) return '';
  const title = meta.title?.replace(/%(?=%)/g, '%\u200B');
  const json = JSON.stringify({ ...meta, title }).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `---\n${json}\n---\n`;
}

/** 1-based line and column of an offset in `text`, by a table of where its lines start (a text may hold thousands of findings). */
function positions(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) starts.push(p + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

const byOffset = <E extends { from: number }>(edits: E[]) => edits.sort((a, b) => a.from - b.from);

/**
 * A body with what its statements and text could load, link or run removed or broken (see the
 * top of this file). Runs until nothing more is found, with directives cut again each time, so
 * no removal can join two pieces into something that was not read.
 */
function safeBody(body: Patched, found: (offset: number, f: Found) => void): Patched {
  for (let round = 0; round < 100; round++) {
    const text = body.text;
    const at = (offset: number, f: Found) => found(body.origin(offset), f);
    // Removals first, one kind at a time, since each may overlap another's.
    const styled = body.edit(byOffset(safeStyles(text, at)));
    const linked = styled.edit(byOffset(safeLinks(styled.text, (o, f) => found(styled.origin(o), f))));
    const imaged = linked.edit(byOffset(safeNodeData(linked.text, (o, f) => found(linked.origin(o), f))));
    const broken = imaged.edit(byOffset(safeCss(imaged.text, (o, f) => found(imaged.origin(o), f))));
    let next = broken;
    for (let more = directiveSpans(next.text); more.length > 0; more = directiveSpans(next.text)) next = cut(next, more);
    if (next.text === text) return next;
    body = next;
  }
  return body;
}

/**
 * A mermaid text that sets only plain options: every directive and the front matter are removed,
 * and what of them is kept is written back as front matter of Plexus's own; and whose statements
 * and text can load, link or run nothing (`safeBody`). Returns the text and what was removed and
 * why (offsets are in `source` with its line ends as `\n`).
 */
export function safeMermaid(source: string): { source: string; removed: RemovedConfig[] } {
  const text = source.replace(/\r\n?/g, '\n');
  const removed: RemovedConfig[] = [];
  const position = positions(text);
  const report = (offset: number, r: { what: string; problem: string }) => removed.push({ offset, ...position(offset), ...r });
  const configured = text.includes('%%') || STARTS_LIKE_FRONT_MATTER.test(text);
  const front = configured ? readFrontMatter(text) : undefined;
  if (front?.removed) report(0, front.removed);
  const start = front?.length ?? 0;
  let body = Patched.of(text.slice(start), start);
  const config: Config = merge({}, front?.config ?? {});
  const spans = directiveSpans(body.text);
  for (const [from, to] of spans) {
    const read = readDirective(body.text.slice(from, to));
    if ('config' in read) merge(config, read.config);
    else report(start + from, read);
  }
  body = cut(body, spans);
  // Cutting can join a `%%` to a `{` that was apart; such a join sits where a reported piece was.
  for (let more = directiveSpans(body.text); more.length > 0; more = directiveSpans(body.text)) body = cut(body, more);
  const found: RemovedConfig[] = [];
  body = safeBody(body, (offset, f) => found.push({ offset, ...position(offset), ...f, body: true }));
  removed.push(...found.sort((a, b) => a.offset - b.offset));
  if (!configured && found.length === 0) return { source, removed: [] };
  const head = writeFrontMatter({ title: front?.title, displayMode: front?.displayMode, config: Object.keys(config).length ? config : undefined });
  // Without front matter of Plexus's own, the text must not start like front matter at all.
  const safe = head || !STARTS_LIKE_FRONT_MATTER.test(body.text) ? head + body.text : `\n${body.text}`;
  return { source: safe, removed };
}

/**
 * What `safeMermaid` would remove from each mermaid block of a Markdown text, at 1-based lines
 * and columns of that text: the check's warning to the author, since the site draws without it.
 */
export function mermaidConfigProblems(markdown: string): RemovedConfig[] {
  const out: RemovedConfig[] = [];
  for (const block of blocks(markdown)) {
    if (!block.fenced || block.lang !== 'mermaid') continue;
    const last = block.lines.at(-1) ?? '';
    const closed = block.lines.length > 1 && /^\s{0,3}(`{3,}|~{3,})\s*$/.test(last);
    const source = block.lines.slice(1, closed ? -1 : undefined).join('\n');
    for (const r of safeMermaid(source).removed) out.push({ ...r, line: block.startLine + 1 + r.line });
  }
  return out;
}
