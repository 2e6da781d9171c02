// OpenAPI (Swagger 2.0, OpenAPI 3.0/3.1) and AsyncAPI (2.x, 3.0, 3.1) documents, read into the few
// facts Plexus uses: operations, security, servers, messages and their schemas. `$ref`s are
// resolved by maintained parsers (@apidevtools/swagger-parser for OpenAPI, its
// json-schema-ref-parser for AsyncAPI); positions come from our own YAML reading of the text.
import $RefParser from '@apidevtools/json-schema-ref-parser';
import SwaggerParser from '@apidevtools/swagger-parser';
import { dirname, resolve } from 'node:path';
import { stringify } from 'yaml';
import { diagnostic } from '../core/codes.ts';
import type { Diagnostic, Position } from '../core/diagnostics.ts';
import { text } from '../core/loose.ts';
import { parseYamlSource, type ParsedYaml } from '../core/source.ts';
import { jsonPosition, positionAt } from './json-locate.ts';
import { localPath, type RefRefused, type RefScope, refOptions } from './refs.ts';
import { type AsyncApiSpec, summariseAsyncApi } from './asyncapi.ts';
import { type OpenApiSpec, summariseOpenApi } from './openapi.ts';

export type { ApiOperation, OpenApiSpec } from './openapi.ts';
export type { AsyncApiSpec, AsyncMessage } from './asyncapi.ts';
export type { Schema } from './schema.ts';

export type Spec = (OpenApiSpec | AsyncApiSpec) & { file: string; locate: ParsedYaml['locate'] };

export const OPENAPI_VERSIONS = 'OpenAPI 3.0.x and 3.1.x, Swagger 2.0';
export const ASYNCAPI_VERSIONS = 'AsyncAPI 2.0–2.6, 3.0 and 3.1';

/** Where `needle` first stands in `source` (1-based), for errors a parser gives without a position. */
function positionOf(source: string, needle: string): Position {
  const at = needle ? source.indexOf(needle) : -1;
  if (at < 0) return { line: 1, col: 1 };
  const before = source.slice(0, at).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

/** Positions in a JSON document, found only when a diagnostic asks (see json-locate.ts). */
const jsonLocate =
  (source: string): ParsedYaml['locate'] =>
  (path, target = 'value') =>
    jsonPosition(
      source,
      path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
      target,
    );

/** Parses YAML or JSON text into data with positions; JSON is read natively (fast) and positioned only when asked. */
function parseText(file: string, source: string): { data?: Record<string, unknown>; locate?: ParsedYaml['locate']; diagnostics: Diagnostic[] } {
  if (/^\s*\{/.test(source)) {
    try {
      return { data: JSON.parse(source) as Record<string, unknown>, locate: jsonLocate(source), diagnostics: [] };
    } catch (error) {
      const at = /position (\d+)/.exec((error as Error).message);
      const pos = at ? positionAt(source, Number(at[1])) : { line: 1, col: 1 };
      return { diagnostics: [diagnostic('SpecUnreadable', file, pos, { reason: `This JSON does not parse: ${(error as Error).message.split('\n')[0]}` })] };
    }
  }
  const parsed = parseYamlSource(file, source);
  if (!parsed.parsed) return { diagnostics: parsed.diagnostics };
  return { data: parsed.parsed.data, locate: parsed.parsed.locate, diagnostics: [] };
}

/**
 * The spec as one file: its own text when every `$ref` is inside it, otherwise bundled (the files
 * it points at folded in, as internal `$ref`s), so a copy kept in the registry reads on its own.
 * The `$ref`s reach only what `scope` allows, as when the spec was read.
 */
export async function selfContained(location: string, source: string, kind: Spec['kind'], scope: RefScope): Promise<string> {
  if (!/["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"']/.test(source)) return source;
  const options = refOptions(scope, () => {}) as never;
  const raw = parseText(location, source).data as object;
  const bundled = kind === 'openapi' ? await SwaggerParser.bundle(location, raw as never, options) : await $RefParser.bundle(location, raw, options);
  return /^\s*\{/.test(source) ? `${JSON.stringify(bundled, null, 2)}\n` : stringify(bundled, { lineWidth: 0 });
}

/** Every `$ref` written in `data`, with the path to it. */
function* refsIn(data: unknown, path: (string | number)[] = []): Generator<{ ref: string; path: (string | number)[] }> {
  if (Array.isArray(data)) for (const [i, v] of data.entries()) yield* refsIn(v, [...path, i]);
  else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      if (k === '$ref' && typeof v === 'string') yield { ref: v, path };
      else yield* refsIn(v, [...path, k]);
    }
  }
}

/**
 * Where the `$ref` that led to `target` is written in the spec, and how: at it when the spec itself
 * names it, else (a `$ref` inside a referenced file) at the spec's first external `$ref`.
 */
function refWritten(raw: unknown, locate: ParsedYaml['locate'], location: string, target: string): { at: Position; written?: string } {
  const wanted = localPath(target.split('#')[0]!) ?? target;
  const remote = /^https?:/i.test(location);
  let firstExternal: (string | number)[] | undefined;
  for (const { ref, path } of refsIn(raw)) {
    const file = ref.split('#')[0]!;
    if (file === '') continue;
    firstExternal ??= path;
    let resolved: string | undefined;
    try {
      resolved = remote || /^[a-z][a-z0-9+.-]+:/i.test(file) ? new URL(file, remote ? location : undefined).href : resolve(dirname(location), file);
    } catch {
      resolved = undefined;
    }
    if (resolved !== undefined && (localPath(resolved) ?? resolved) === wanted) return { at: locate([...path, '$ref'], 'value'), written: ref };
  }
  return { at: firstExternal ? locate([...firstExternal, '$ref'], 'value') : { line: 1, col: 1 } };
}

/** A `$ref` the parser could not resolve (a missing pointer, say), at the pointer as written. */
function unresolved(file: string, location: string, source: string, error: unknown): Diagnostic {
  const message = String((error as Error).message ?? error).split('\n')[0]!;
  const ref = /\$ref pointer "([^"]+)"|resolving \$ref pointer "([^"]+)"|"([^"]*#[^"]*)"/.exec(message);
  const target = ref?.[1] ?? ref?.[2] ?? ref?.[3];
  const written = target ? (target.includes('#') ? `#${target.split('#')[1]}` : target) : '';
  const at = written ? positionOf(source, written) : { line: 1, col: 1 };
  return diagnostic('SpecUnreadable', file, at, { reason: `A $ref cannot be resolved: ${message.replace(location, file)}` });
}

/**
 * Reads one spec: `source` is its text, `location` its path or URL (for relative `$ref`s), `file`
 * how messages name it. External `$ref`s reach only what `scope` allows (see refs.ts); a `$ref`
 * to anything else is a diagnostic at the `$ref`.
 */
export async function readSpec(
  file: string,
  location: string,
  source: string,
  scope: RefScope,
): Promise<{ spec?: Spec; notSpec?: true; diagnostics: Diagnostic[] }> {
  const parsed = parseText(file, source);
  if (!parsed.data || !parsed.locate) return { diagnostics: parsed.diagnostics };
  const raw = parsed.data;
  const locate = parsed.locate;
  const openapi = text(raw.openapi) ?? (raw.openapi !== undefined ? String(raw.openapi) : undefined);
  const swagger = raw.swagger !== undefined ? String(raw.swagger) : undefined;
  const asyncapi = raw.asyncapi !== undefined ? String(raw.asyncapi) : undefined;
  const kind = openapi !== undefined || swagger !== undefined ? 'openapi' : asyncapi !== undefined ? 'asyncapi' : undefined;
  if (!kind)
    return {
      notSpec: true,
      diagnostics: [
        diagnostic(
          'SpecUnreadable',
          file,
          { line: 1, col: 1 },
          { reason: 'This is not an OpenAPI, Swagger or AsyncAPI document: it has no openapi, swagger or asyncapi key' },
        ),
      ],
    };
  const supported = kind === 'openapi' ? (openapi ? /^3\.[01]\.\d+$/.test(openapi) : swagger === '2.0') : /^(2\.[0-6]\.\d+|3\.[01]\.\d+)$/.test(asyncapi!);
  if (!supported) {
    const key = openapi !== undefined ? 'openapi' : swagger !== undefined ? 'swagger' : 'asyncapi';
    return {
      diagnostics: [
        diagnostic('SpecVersion', file, locate([key]), {
          found: `${key} ${String(raw[key])}`,
          supported: kind === 'openapi' ? OPENAPI_VERSIONS : ASYNCAPI_VERSIONS,
        }),
      ],
    };
  }
  const refused: RefRefused[] = [];
  const options$ = {
    ...refOptions(scope, (error) => {
      if (!refused.some((r) => r.target === error.target)) refused.push(error);
    }),
    // Every refused $ref is reported, not only the first.
    continueOnError: true,
  };
  let api: Record<string, unknown>;
  try {
    // Dereferencing works in place; AsyncAPI's reading also needs the document as written, for its pointers.
    const copy = kind === 'asyncapi' ? structuredClone(raw) : raw;
    api = (kind === 'openapi'
      ? await SwaggerParser.dereference(location, copy as never, options$ as never)
      : await $RefParser.dereference(location, copy, options$ as never)) as unknown as Record<string, unknown>;
  } catch (error) {
    if (refused.length > 0) {
      const asWritten = parseText(file, source).data;
      const diagnostics = refused.map((r) => {
        const { at, written } = refWritten(asWritten, locate, location, r.target);
        const target = written ?? r.target.replace(dirname(location), dirname(file));
        return diagnostic('SpecRefRefused', file, at, { target, reason: r.why });
      });
      return { diagnostics };
    }
    // With continueOnError the parser throws the errors it met as one group.
    const errors = (error as { errors?: unknown[] }).errors ?? [error];
    return { diagnostics: errors.map((e) => unresolved(file, location, source, e)) };
  }
  const summary = kind === 'openapi' ? summariseOpenApi(raw, api) : summariseAsyncApi(raw, api);
  return { spec: { ...summary, file, locate }, diagnostics: [] };
}
