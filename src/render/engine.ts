import Handlebars from 'handlebars';
import { diagnostic } from '../core/codes.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { codeBlock, inlineCode, markdownLink, markdownText, tableCell, tableCode } from './escape.ts';
import { NOT_RECORDED, plural } from './labels.ts';

/** A template file: its name (`registry.md.hbs`), where it came from, and its text. */
export interface TemplateSource {
  name: string;
  file: string;
  text: string;
}

/** A broken template or a template asking for data its document does not have. */
export class TemplateError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(`${diagnostic.file}:${diagnostic.line}:${diagnostic.col} ${diagnostic.message}`);
    this.diagnostic = diagnostic;
  }
}

type Node = { type: string; [key: string]: unknown };
type Mustache = Node & { path: Node & { original: string }; params: Node[]; hash?: unknown; escaped: boolean };

/**
 * Helpers templates may call. Every one returns Markdown that is safe where it lands; a bare
 * `{{value}}` is rewritten to `{{text value}}`, so nothing reaches the output unescaped unless
 * a template asks for it with `{{{triple}}}` (reserved for Markdown the renderer made itself).
 */
const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  text: (value) => markdownText(value),
  cell: (value) => tableCell(value),
  code: (value) => inlineCode(value),
  /** `code` for table cells. */
  cellcode: (value) => tableCode(value),
  link: (text, url) => (url ? markdownLink(text, String(url)) : NOT_RECORDED),
  fence: (value, lang) => codeBlock(String(value ?? ''), typeof lang === 'string' ? lang : ''),
  join: (list, separator) => (Array.isArray(list) ? list.map(markdownText).join(typeof separator === 'string' ? separator : ', ') : ''),
  inc: (n) => Number(n) + 1,
  /** `{{plural n "repository" "repositories"}}` → `1 repository`, `3 repositories`. */
  plural: (n, one, many) => plural(Number(n), String(one), typeof many === 'string' ? many : undefined),
  eq: (a, b) => a === b,
  or: (...args) => args.slice(0, -1).some(Boolean),
  not: (value) => !value,
  /** `[Placeholder]` text kept as is, so `plexus fill` and completeness can find it later. */
  placeholder: (value) => `[${String(value).replace(/[[\]\n]/g, ' ')}]`,
};

/**
 * Rewrites the parsed template: a bare `{{value}}` becomes `{{text value}}`, and every helper
 * call or block learns the names of the fields it was given (`__fields`), so a field the data
 * lacks is an error at its line, even where Handlebars' strict mode does not look (helper
 * arguments, `#if`, `#each`). Views hold `null` for absent values; `undefined` means a typo.
 */
function rewrite(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach(rewrite);
    return;
  }
  const n = node as Node;
  if (n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') {
    const m = n as Mustache;
    if (n.type === 'MustacheStatement' && m.escaped && m.params.length === 0 && !m.hash && m.path.type === 'PathExpression' && !(m.path.original in HELPERS)) {
      m.params = [m.path];
      m.path = { type: 'PathExpression', data: false, depth: 0, parts: ['text'], original: 'text', loc: m.path.loc };
    }
    if (m.params.length > 0) {
      const names = m.params.map((p) => (p.type === 'PathExpression' ? String(p.original) : ''));
      const pair = {
        type: 'HashPair',
        key: '__fields',
        value: { type: 'StringLiteral', value: JSON.stringify(names), original: JSON.stringify(names), loc: m.loc },
        loc: m.loc,
      };
      const hash = (m.hash as { type: string; pairs: unknown[]; loc?: unknown } | undefined) ?? { type: 'Hash', pairs: [] as unknown[], loc: m.loc };
      hash.pairs.push(pair);
      m.hash = hash;
    }
  }
  for (const value of Object.values(n)) if (value && typeof value === 'object') rewrite(value);
}

class MissingField extends Error {
  readonly field: string;
  readonly line: number;
  readonly col: number;
  constructor(field: string, line: number, col: number) {
    super(`"${field}" not defined`);
    this.field = field;
    this.line = line;
    this.col = col;
  }
}

type HelperOptions = { hash?: Record<string, unknown>; loc?: { start: { line: number; column: number } } };

/** The `__fields` hash the AST rewrite adds, parsed once per distinct call site text. */
const parsedFields = new Map<string, string[]>();
function fieldNames(json: string): string[] {
  let names = parsedFields.get(json);
  if (!names) parsedFields.set(json, (names = JSON.parse(json) as string[]));
  return names;
}

/** A helper that refuses `undefined` arguments, naming the field and its place in the template. */
function strictHelper(fn: (...args: unknown[]) => unknown) {
  return function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as HelperOptions;
    const fields = typeof options?.hash?.__fields === 'string' ? fieldNames(options.hash.__fields) : [];
    args.slice(0, -1).forEach((arg, i) => {
      if (arg === undefined) throw new MissingField(fields[i] || 'a value', options.loc?.start.line ?? 1, (options.loc?.start.column ?? 0) + 1);
    });
    if (options?.hash) delete options.hash.__fields;
    return fn.apply(this, args);
  };
}

function templateDiagnostic(source: TemplateSource, error: Error & { lineNumber?: number; column?: number }): Diagnostic {
  if (error instanceof MissingField) return diagnostic('TemplateError', source.file, { line: error.line, col: error.col }, { field: error.field });
  const strict = /^"(.+)" not defined in .* - (\d+):(\d+)$/.exec(error.message);
  if (strict) return diagnostic('TemplateError', source.file, { line: Number(strict[2]), col: Number(strict[3]) + 1 }, { field: strict[1]! });
  const parse = /^Parse error on line (\d+):/.exec(error.message);
  if (parse)
    return diagnostic('TemplateError', source.file, { line: Number(parse[1]), col: 1 }, { parse: /Expecting (.*), got (.*)$/m.exec(error.message)?.[2] });
  return diagnostic('TemplateError', source.file, { line: error.lineNumber ?? 1, col: (error.column ?? 0) + 1 }, { reason: error.message.split('\n')[0]! });
}

export interface Engine {
  render(name: string, view: object): string;
}

/** An isolated Handlebars instance over a set of templates, compiled on first use, strict. */
export function createEngine(templates: ReadonlyMap<string, TemplateSource>): Engine {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, strictHelper(fn));
  for (const name of ['if', 'unless', 'each', 'with']) hb.registerHelper(name, strictHelper(hb.helpers[name] as (...args: unknown[]) => unknown));
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  return {
    render(name, view) {
      const source = templates.get(name);
      if (!source) throw new Error(`No template named ${name}`);
      let template = compiled.get(name);
      try {
        if (!template) {
          const ast = hb.parse(source.text);
          rewrite(ast);
          template = hb.compile(ast, {
            strict: true,
            noEscape: true,
            knownHelpers: Object.fromEntries([...Object.keys(HELPERS), 'if', 'unless', 'each', 'with'].map((h) => [h, true])),
          });
          compiled.set(name, template);
        }
        return template(view, { allowProtoPropertiesByDefault: false });
      } catch (error) {
        throw new TemplateError(templateDiagnostic(source, error as Error));
      }
    },
  };
}
