import type { z } from 'zod';
import { diagnostic } from './codes.ts';
import type { Diagnostic } from './diagnostics.ts';
import { splitFrontMatter } from './frontmatter.ts';
import type { DocumentEntity, Entity, Registry, Source } from './model.ts';
import { COLLECTIONS, DOC_ID_PATTERN, DocumentSchema, EcosystemSchema, ID_PATTERN, SINGULAR, type CollectionName } from './schemas/index.ts';
import { renameKeys } from './renamed.ts';
import { decodeSource } from './decode.ts';
import { parseYamlSource, preparsedYaml } from './source.ts';
import { validate } from './validate.ts';

const START = { line: 1, col: 1 };
const YAML_FILE = /\.ya?ml$/;
const DOC_FILE = /\.mdx?$/;

export function emptyRegistry(): Registry {
  return {
    teams: new Map(),
    repositories: new Map(),
    integrations: new Map(),
    events: new Map(),
    patterns: new Map(),
    protocols: new Map(),
    docsets: new Map(),
    resources: new Map(),
    systems: new Map(),
    domains: new Map(),
    documents: new Map(),
    templates: new Map(),
    invalid: new Set(),
  };
}

/** What a path under the content root holds, by the registry's folder layout. */
export function classify(
  path: string,
):
  | { kind: 'ecosystem' }
  | { kind: 'collection'; collection: CollectionName; id: string }
  | { kind: 'document'; id: string }
  | { kind: 'template'; name: string }
  | { kind: 'spec' }
  | { kind: 'asset' }
  | { kind: 'ignored' }
  | { kind: 'unknown' } {
  if (path === 'ecosystem.yaml' || path === 'ecosystem.yml') return { kind: 'ecosystem' };
  const [top, ...rest] = path.split('/');
  if (top === 'docs' && DOC_FILE.test(path)) return { kind: 'document', id: rest.join('/').replace(DOC_FILE, '') };
  if (top === 'templates' && rest.length === 1 && rest[0]!.endsWith('.hbs')) return { kind: 'template', name: rest[0]! };
  if (top === 'public' && rest.length > 0) return { kind: 'asset' };
  if (top === 'specs' && rest.length > 0) return /\.(ya?ml|json)$/.test(path) ? { kind: 'spec' } : { kind: 'ignored' };
  if (top === 'templates' || !YAML_FILE.test(path)) return { kind: 'ignored' };
  if (top && top in COLLECTIONS && rest.length > 0) {
    return { kind: 'collection', collection: top as CollectionName, id: rest[rest.length - 1]!.replace(YAML_FILE, '') };
  }
  return { kind: 'unknown' };
}

function parseAndValidate<S extends z.ZodType>(
  schema: S,
  source: Source,
  what: string,
  text: string,
  lineOffset = 0,
  preparsed?: Record<string, unknown>,
  collection?: string,
) {
  const { parsed, diagnostics } = preparsed
    ? { parsed: preparsedYaml(text, preparsed, lineOffset), diagnostics: [] }
    : parseYamlSource(source.display, text, lineOffset);
  if (!parsed) return { diagnostics };
  // A renamed key is an error that says how to rename it; the file counts as invalid until then.
  const renamed = collection ? renameKeys(collection, source.display, parsed) : [];
  if (renamed.length > 0)
    return { value: undefined, locate: parsed.locate, diagnostics: [...renamed, ...validate(schema, source.display, parsed, what).diagnostics] };
  const result = validate(schema, source.display, parsed, what);
  return { value: result.value, locate: parsed.locate, diagnostics: result.diagnostics };
}

/**
 * Parses and validates every source into the registry's collections. Duplicate ids and
 * files outside the layout are reported here; references are resolved later.
 */
export function loadSources(
  sources: readonly Source[],
  preparsed: ReadonlyMap<string, Record<string, unknown>> = new Map(),
): { registry: Registry; diagnostics: Diagnostic[] } {
  const registry = emptyRegistry();
  const diagnostics: Diagnostic[] = [];
  const firstFile = new Map<string, string>();

  const claimId = (collection: string, id: string, source: Source): boolean => {
    const key = `${collection}/${id}`;
    const previous = firstFile.get(key);
    if (previous !== undefined) {
      diagnostics.push(diagnostic('DuplicateId', source.display, START, { kind: SINGULAR[collection as CollectionName], id, previous }));
      return false;
    }
    firstFile.set(key, source.display);
    return true;
  };

  for (const source of [...sources].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const where = classify(source.path);
    if (source.problem && where.kind !== 'collection' && where.kind !== 'document') {
      diagnostics.push(source.problem);
      continue;
    }
    if (where.kind === 'template') {
      const decoded = decodeSource(source.display, source.bytes);
      diagnostics.push(...decoded.diagnostics);
      if (decoded.text !== undefined) registry.templates.set(where.name, { name: where.name, file: source.display, text: decoded.text });
      continue;
    }
    if (where.kind === 'ignored' || where.kind === 'spec' || where.kind === 'asset') continue; // specs are read by src/specs/, apart; assets are published as they are
    if (where.kind === 'unknown') {
      diagnostics.push(diagnostic('UnknownFile', source.display, START, { path: source.path, folders: Object.keys(COLLECTIONS) }));
      continue;
    }
    // Claim the id before reading, so a file that fails to parse still exists for references.
    if (where.kind === 'collection' || where.kind === 'document') {
      if (where.kind === 'collection' && !ID_PATTERN.test(where.id)) {
        diagnostics.push(diagnostic('InvalidId', source.display, START, { fileName: where.id }));
        continue;
      }
      // Document paths become page URLs and file names in exports: the same plain characters, per folder.
      if (where.kind === 'document' && !DOC_ID_PATTERN.test(where.id)) {
        diagnostics.push(diagnostic('InvalidId', source.display, START, { documentPath: source.path.slice('docs/'.length) }));
        continue;
      }
      const collection = where.kind === 'document' ? 'documents' : where.collection;
      if (!claimId(collection, where.id, source)) continue;
      registry.invalid.add(`${collection}/${where.id}`); // until it validates
    }
    if (source.problem) {
      diagnostics.push(source.problem);
      continue;
    }
    const decoded = decodeSource(source.display, source.bytes);
    diagnostics.push(...decoded.diagnostics);
    if (decoded.text === undefined) continue;

    if (where.kind === 'ecosystem') {
      const r = parseAndValidate(EcosystemSchema, source, 'ecosystem', decoded.text, 0, preparsed.get(source.path));
      diagnostics.push(...r.diagnostics);
      if (r.value && r.locate) registry.ecosystem = { id: 'ecosystem', file: source.display, data: r.value, locate: r.locate };
      continue;
    }

    if (where.kind === 'document') {
      const split = splitFrontMatter(source.display, decoded.text);
      diagnostics.push(...split.diagnostics);
      if (split.yaml === undefined) continue;
      const r = parseAndValidate(DocumentSchema, source, 'document', split.yaml, 1);
      diagnostics.push(...r.diagnostics);
      if (r.value && r.locate) {
        registry.invalid.delete(`documents/${where.id}`);
        const doc: DocumentEntity = {
          id: where.id,
          file: source.display,
          data: r.value,
          locate: r.locate,
          path: source.path.slice('docs/'.length),
          body: split.body,
          bodyLine: split.bodyLine,
        };
        registry.documents.set(where.id, doc);
      }
      continue;
    }

    const { collection, id } = where;
    const r = parseAndValidate(COLLECTIONS[collection] as z.ZodType, source, SINGULAR[collection], decoded.text, 0, preparsed.get(source.path), collection);
    diagnostics.push(...r.diagnostics);
    if (r.value !== undefined && r.locate) {
      registry.invalid.delete(`${collection}/${id}`);
      (registry[collection] as Map<string, Entity<unknown>>).set(id, { id, file: source.display, data: r.value, locate: r.locate });
    }
  }
  // The logo the site shows must be a file the registry publishes (public/), read as every file is.
  const logo = registry.ecosystem?.data.site?.logo;
  if (logo && !sources.some((s) => s.path === `public/${logo}` && !s.problem)) {
    diagnostics.push(diagnostic('LogoNotFound', registry.ecosystem!.file, registry.ecosystem!.locate(['site', 'logo']), { path: logo }));
  }
  return { registry, diagnostics };
}
