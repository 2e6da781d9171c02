// Reading a Backstage catalog: the files named (files, folders, globs), every entity in them
// (several YAML documents a file), Location targets followed; positions kept for diagnostics.
import { glob, lstat, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { diagnostic } from '../core/codes.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { list, record, text } from '../core/loose.ts';
import { parseYamlStream, type ParsedYaml } from '../core/source.ts';
import { didYouMean } from '../core/suggest.ts';
import type { Unmapped } from './contract.ts';

export interface CatalogEntity {
  kind: string;
  ref: string;
  id: string;
  file: string;
  /** The file as given, relative to the working folder. */
  display: string;
  data: Record<string, unknown>;
  locate: ParsedYaml['locate'];
}

/** Kinds Plexus maps (Location is followed, not mapped). */
export const MAPPED = ['Component', 'API', 'Resource', 'System', 'Domain', 'Group', 'User', 'Location'];
/** Backstage kinds with no place in Plexus: reported, not refused. */
export const UNMAPPED_KINDS = ['Template'];

/** `[kind:][namespace/]name` → `kind:namespace/name`, lowercase, with the field's default kind. */
export function normaliseRef(value: string, defaultKind: string): string {
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(value.trim());
  if (!m) return value.trim().toLowerCase();
  return `${(m[1] ?? defaultKind).toLowerCase()}:${(m[2] ?? 'default').toLowerCase()}/${m[3]!.toLowerCase()}`;
}

/** A Plexus id for a catalog name: lowercase, the namespace in front when it is not `default`. */
export function idOf(namespace: string, name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  return namespace === 'default' ? base : `${namespace.toLowerCase()}-${base}`;
}

/** Files named on the command line: files, folders (every .yaml/.yml inside) and globs. */
async function expand(inputs: readonly string[], cwd: string): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    if (/[*?[{]/.test(input)) {
      const found: string[] = [];
      for await (const f of glob(input, { cwd })) found.push(resolve(cwd, f));
      if (found.length === 0) errors.push(`${input}: no file matches`);
      files.push(...found.sort());
      continue;
    }
    const path = resolve(cwd, input);
    const info = await lstat(path).catch(() => undefined);
    if (!info) errors.push(`${input}: no such file or folder`);
    else if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      files.push(
        ...entries
          .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
          .map((e) => join(e.parentPath, e.name))
          .filter(
            (f) =>
              !relative(path, f)
                .split('/')
                .some((p) => p.startsWith('.') || p === 'node_modules'),
          )
          .sort(),
      );
    } else if (info.isFile()) files.push(path);
    else errors.push(`${input}: not a regular file or folder`);
  }
  return { files, errors };
}

/** Reads every catalog file, following Location entities' relative targets, once each. */
export async function readCatalog(
  inputs: readonly string[],
  cwd: string,
): Promise<{ entities: CatalogEntity[]; diagnostics: Diagnostic[]; unmapped: Unmapped[]; errors: string[] }> {
  const { files, errors } = await expand(inputs, cwd);
  const entities: CatalogEntity[] = [];
  const diagnostics: Diagnostic[] = [];
  const unmapped: Unmapped[] = [];
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const display = relative(cwd, file) || file;
    const textOf = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
      errors.push(`${display}: cannot read it (${e.code ?? e.message})`);
      return undefined;
    });
    if (textOf === undefined) continue;
    const parsed = parseYamlStream(display, textOf);
    diagnostics.push(...parsed.diagnostics);
    for (const doc of parsed.documents) {
      const d = doc.data;
      const metadata = record(d.metadata);
      const name = text(metadata.name);
      const kind = text(d.kind);
      if (!text(d.apiVersion) || !kind || !name) {
        const missing = !text(d.apiVersion) ? 'apiVersion' : !kind ? 'kind' : 'metadata.name';
        diagnostics.push(diagnostic('CatalogEntity', display, doc.locate(missing === 'metadata.name' ? ['metadata'] : []), { missing }));
        continue;
      }
      if (!MAPPED.includes(kind) && !UNMAPPED_KINDS.includes(kind)) {
        diagnostics.push(
          diagnostic('CatalogKind', display, doc.locate(['kind']), {
            kind,
            known: [...MAPPED, ...UNMAPPED_KINDS],
            meant: didYouMean(kind, [...MAPPED, ...UNMAPPED_KINDS]),
          }),
        );
        continue;
      }
      const namespace = text(metadata.namespace) ?? 'default';
      const ref = `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name.toLowerCase()}`;
      if (UNMAPPED_KINDS.includes(kind)) {
        unmapped.push({ ref, field: 'kind', why: `Plexus has no ${kind} entity` });
        continue;
      }
      if (kind === 'Location') {
        const spec = record(d.spec);
        const targets = [...(text(spec.target) ? [spec.target] : []), ...list(spec.targets)];
        targets.forEach((t, i) => {
          const target = text(t);
          if (!target) return;
          if (/^[a-z][a-z0-9+.-]*:/i.test(target))
            unmapped.push({ ref, field: `spec.targets[${i}]`, why: `not followed: only relative targets are read (${target})` });
          else queue.push(resolve(dirname(file), target));
        });
        continue;
      }
      entities.push({ kind, ref, id: idOf(namespace, name), file, display, data: d, locate: doc.locate });
    }
  }
  return { entities, diagnostics, unmapped, errors };
}
