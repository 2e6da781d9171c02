// YAML read with positions: one parser and its options for every registry file, catalog and spec,
// a way back from any path in the data to its place in the file, and a bound on alias expansion.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, visit, type Document, type Node } from 'yaml';
import { diagnostic } from './codes.ts';
import type { Diagnostic, Position } from './diagnostics.ts';

export type PathSegment = string | number;

/** A parsed YAML mapping and a way back from any path in it to its place in the file. */
export interface ParsedYaml {
  data: Record<string, unknown>;
  /** Where `path` is in the file: its key (`'key'`) or its value (`'value'`, the default). */
  locate(path: readonly PropertyKey[], target?: 'key' | 'value'): Position;
  /** The value at `path` as written in the file (`1.0` where data holds 1), if it is a scalar. */
  raw(path: readonly PropertyKey[]): string | undefined;
}

/** Aliases one file may expand; more is a "billion laughs" bomb, not a registry entry. */
export const MAX_ALIASES = 100;

/** First tab inside a line's indentation, where YAML forbids it. */
function firstIndentTab(text: string, lineOffset: number): Position | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^[ ]*\t/.exec(lines[i]!);
    if (m) return { line: i + 1 + lineOffset, col: m[0].length };
  }
  return undefined;
}

function makeLocate(doc: Document, counter: LineCounter, lineOffset: number): ParsedYaml['locate'] {
  const at = (offset: number): Position => {
    const p = counter.linePos(offset);
    return { line: p.line + lineOffset, col: p.col };
  };
  return (path, target = 'value') => {
    let node: unknown = doc.contents;
    let best: Position = node && (node as Node).range ? at((node as Node).range![0]) : { line: 1 + lineOffset, col: 1 };
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return best;
        const key = pair.key as Node;
        if (key.range) best = at(key.range[0]);
        if (last && target === 'key') return best;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        return best;
      }
      if (isAlias(node)) node = node.resolve(doc);
      const range = (node as Node | null | undefined)?.range;
      if (range && !(last && target === 'key' && !isMap(node))) best = at(range[0]);
    }
    return best;
  };
}

/**
 * Parses one YAML file that must hold a mapping, keeping a way back to source positions.
 * `lineOffset` shifts reported lines, for YAML that starts further down a file (front matter).
 *
 * One parser, one meaning: the `yaml` package reads every file as YAML 1.2 (core schema), so
 * `0b10` is text and `+.5` a number wherever they appear, whatever else the file holds.
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: counter });
  return fromDocument(file, text, doc, counter, lineOffset);
}

/**
 * Parses a file of one or more YAML documents (`---` between them), as Backstage catalogs are
 * written: each non-empty document that holds a mapping, with its positions in the whole file.
 */
export function parseYamlStream(file: string, text: string): { documents: ParsedYaml[]; diagnostics: Diagnostic[] } {
  const counter = new LineCounter();
  const all = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter: counter });
  const documents: ParsedYaml[] = [];
  const diagnostics: Diagnostic[] = [];
  // The first tab in the stream's indentation is looked for once, not once for each broken document
  // (thousands of them made a small file take minutes).
  let tab: { at?: Position } | undefined;
  const firstTab = () => (tab ??= { at: firstIndentTab(text, 0) }).at;
  for (const doc of Array.isArray(all) ? all : []) {
    const contents = doc.contents;
    if (doc.errors.length === 0 && (contents === null || (isScalar(contents) && contents.value === null))) continue;
    const one = fromDocument(file, text, doc, counter, 0, firstTab);
    diagnostics.push(...one.diagnostics);
    if (one.parsed) documents.push(one.parsed);
  }
  return { documents, diagnostics };
}

// logLevel error: the parser's warnings (a key that is a list becomes text) would print as raw Node warnings on stderr.
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, schema: 'core', logLevel: 'error' } as const;

/**
 * The data of a file that parses cleanly into a mapping, or undefined: what a second thread
 * hands back (src/core/parse-worker.ts). Anything else is parsed again on the main thread,
 * where its diagnostics are made.
 */
export function cleanYamlData(text: string): Record<string, unknown> | undefined {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The data of each non-empty document of a catalog file, as `parseYamlStream` finds them, when
 * every one parses cleanly into a mapping; undefined otherwise, and that file is parsed again
 * where its diagnostics are made. What a second thread hands back for a large catalog.
 */
export function cleanYamlStream(text: string): Record<string, unknown>[] | undefined {
  const documents: Record<string, unknown>[] = [];
  for (const doc of parseAllDocuments(text, YAML_OPTIONS) as Document[]) {
    if (doc.errors.length > 0) return undefined;
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null)) continue;
    if (!isMap(contents)) return undefined;
    try {
      documents.push(doc.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>);
    } catch {
      return undefined;
    }
  }
  return documents;
}

/**
 * The documents of a catalog file already parsed (by `cleanYamlStream`, perhaps on another
 * thread): their positions are found by parsing the file again, only when a diagnostic asks.
 */
export function preparsedYamlStream(file: string, text: string, data: Record<string, unknown>[]): ParsedYaml[] {
  let full: ParsedYaml[] | undefined;
  const positioned = (i: number) => (full ??= parseYamlStream(file, text).documents)[i]!;
  return data.map((d, i) => ({ data: d, locate: (path, target) => positioned(i).locate(path, target), raw: (path) => positioned(i).raw(path) }));
}

/**
 * Any YAML value (a document a spec's `$ref` names need not be a mapping), read by the same parser
 * with the same alias limit as every registry file; throws with the parser's first error.
 */
export function parseYamlValue(text: string): unknown {
  const doc = parseDocument(text, YAML_OPTIONS);
  const error = doc.errors[0];
  if (error) throw new Error(error.message.split('\n')[0]);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    throw new Error(`its aliases expand past ${MAX_ALIASES} (a YAML bomb?)`);
  }
}

/**
 * A file already parsed (by `cleanYamlData`, perhaps on another thread): positions are found by
 * parsing it again, with the same parser, only when a diagnostic asks where something is.
 */
export function preparsedYaml(text: string, data: Record<string, unknown>, lineOffset = 0): ParsedYaml {
  let full: ParsedYaml | undefined;
  const positioned = () => (full ??= parseYamlSource('', text, lineOffset).parsed!);
  return { data, locate: (path, target) => positioned().locate(path, target), raw: (path) => positioned().raw(path) };
}

function emptyFile(file: string, lineOffset: number): Diagnostic {
  return diagnostic('EmptyFile', file, { line: 1 + lineOffset, col: 1 });
}

function notMapping(file: string, list: boolean, at: Position): Diagnostic {
  return diagnostic('NotMapping', file, at, { list });
}

function rawAt(doc: Document, text: string, path: readonly PropertyKey[]): string | undefined {
  const node = doc.getIn(path as PathSegment[], true);
  return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
}

/** The key written at `offset`, as YAML reads it (a quoted key unquoted). */
function keyAt(doc: Document, offset: number): string | undefined {
  let key: string | undefined;
  visit(doc, {
    Pair: (_, pair) => {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      key = String(pair.key.value);
      return visit.BREAK;
    },
  });
  return key;
}

/** Syntax errors at their exact positions, a bound on alias expansion, then the data. */
function fromDocument(
  file: string,
  text: string,
  doc: Document,
  counter: LineCounter,
  lineOffset: number,
  firstTab: () => Position | undefined = () => firstIndentTab(text, lineOffset),
): { parsed?: ParsedYaml; diagnostics: Diagnostic[] } {
  const shift = (p: { line: number; col: number } | undefined): Position => (p ? { line: p.line + lineOffset, col: p.col } : { line: 1 + lineOffset, col: 1 });

  if (doc.errors.length > 0) {
    const tab = firstTab();
    const diagnostics = doc.errors.map((error) => {
      const pos = shift(counter.linePos(error.pos[0]));
      if (error.code === 'DUPLICATE_KEY') {
        const key =
          keyAt(doc, error.pos[0]) ??
          text
            .slice(error.pos[0])
            .split(/:(?:\s|$)/)[0]!
            .trim();
        return diagnostic('DuplicateKey', file, pos, { key });
      }
      if (tab && (error.code === 'TAB_AS_INDENT' || tab.line <= pos.line)) {
        return diagnostic('TabIndent', file, tab);
      }
      if (error.code === 'MISSING_CHAR' && /closing ["']quote/.test(error.message)) {
        // An unclosed quote runs to the end of the file; nothing after it can be a quote,
        // so the last one before the error is the one left open.
        const quote: '"' | "'" = error.message.includes(`"quote`) ? '"' : "'";
        const open = counter.linePos(text.lastIndexOf(quote, error.pos[0]));
        return diagnostic('YamlSyntax', file, shift(open), { unclosedQuote: quote });
      }
      if (error.code === 'MULTIPLE_DOCS') {
        return diagnostic('YamlSyntax', file, pos, { multipleDocuments: true });
      }
      const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return diagnostic('YamlSyntax', file, pos, { reason });
    });
    // One mistake often yields several parser errors at one spot; report each place once.
    const seen = new Set<string>();
    return { diagnostics: diagnostics.filter((d) => !seen.has(`${d.line}:${d.col}:${d.code}`) && !!seen.add(`${d.line}:${d.col}:${d.code}`)) };
  }

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { diagnostics: [emptyFile(file, lineOffset)] };
  const locate = makeLocate(doc, counter, lineOffset);
  if (!isMap(contents)) return { diagnostics: [notMapping(file, isSeq(contents), locate([]))] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    let first: Position = shift(undefined);
    visit(doc, {
      Alias: (_, node) => {
        if (node.range) first = shift(counter.linePos(node.range[0]));
        return visit.BREAK;
      },
    });
    return {
      diagnostics: [diagnostic('AliasBomb', file, first, { limit: MAX_ALIASES })],
    };
  }
  return { parsed: { data: data as Record<string, unknown>, locate, raw: (path) => rawAt(doc, text, path) }, diagnostics: [] };
}
