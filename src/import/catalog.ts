// Reading a Backstage catalog: the files named (files, folders, globs), every entity in them
// (several YAML documents a file), Location targets followed; positions kept for diagnostics.
// Catalogs come from anywhere, so every file is read through the gate and only inside the folders
// named on the command line: a target elsewhere, a pipe or a device is "not followed", never read.
import { glob, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { diagnostic } from '../core/codes.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { describeFsError } from '../core/fs-errors.ts';
import { type Fence, fence, GateError, hiddenPath, readGated, within } from '../core/gate.ts';
import { list, record, text } from '../core/loose.ts';
import { onBothThreads } from '../core/second-thread.ts';
import { decodeSource, MAX_FILE_BYTES } from '../core/decode.ts';
import { parseYamlStream, preparsedYamlStream, type ParsedYaml } from '../core/source.ts';
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
  /** The folder the entity was read inside: files it names (a definition's `$text`) are read only there. */
  fence: Fence;
}

/** Kinds Plexus maps (Location is followed, not mapped). */
export const MAPPED = ['Component', 'API', 'Resource', 'System', 'Domain', 'Group', 'User', 'Location'];
/** Backstage kinds with no place in Plexus: reported, not refused. */
export const UNMAPPED_KINDS = ['Template'];

/**
 * A diagnostic about one entity or relation the import skips: a warning, and the rest is written;
 * with `--strict`, an error, and nothing is.
 */
export const strictly = (d: Diagnostic, strict: boolean): Diagnostic => ({ ...d, severity: strict ? 'error' : 'warning' });

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

/** Whether an input names several files: `catalog/*.yaml`. */
const isGlob = (input: string) => /[*?[{]/.test(input);

/**
 * The folder an input fences: a folder itself, a file's folder, a glob's fixed folder before its
 * first wildcard (the working folder when it starts with one). Nothing outside these is read.
 */
function fenceFolder(input: string, cwd: string, isFolder: boolean): string {
  if (isFolder) return resolve(cwd, input);
  if (!isGlob(input)) return dirname(resolve(cwd, input));
  const parts = input.split('/');
  return resolve(cwd, parts.slice(0, parts.findIndex(isGlob)).join('/') || '.');
}

/** Every .yaml/.yml file under `dir`: real folders only (a link to a folder is not walked), no dot-folders or node_modules. */
async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) found.push(path);
  }
  return found;
}

/** A catalog file to read, the folder that fences it, and the Location entry that named it, if one did. */
interface Queued {
  file: string;
  fence: Fence;
  /** A file named on the command line is called what it was called there. */
  shown?: string;
  from?: { ref: string; field: string; target: string; display: string };
}

/** Files named on the command line (files, folders, every .yaml/.yml inside, and globs), each with its fence. */
async function expand(inputs: readonly string[], cwd: string): Promise<{ queue: Queued[]; fences: Fence[]; errors: string[] }> {
  const queue: Queued[] = [];
  const fences: Fence[] = [];
  const errors: string[] = [];
  const add = async (files: string[], folder: string, shown?: string) => {
    const where = await fence(folder);
    fences.push(where);
    // A glob may match in dot-folders and node_modules; like a folder's walk, it does not read there.
    const inside = shown === undefined ? files.filter((file) => !hiddenPath(within(where.dir, file) ?? '')) : files;
    queue.push(...inside.sort().map((file) => ({ file, fence: where, shown })));
  };
  for (const input of inputs) {
    if (isGlob(input)) {
      const found: string[] = [];
      for await (const f of glob(input, { cwd })) found.push(resolve(cwd, f));
      if (found.length === 0) errors.push(`${input}: no file matches`);
      else await add(found, fenceFolder(input, cwd, false));
      continue;
    }
    const path = resolve(cwd, input);
    // A folder named on the command line is read even through a link: the user chose it.
    const info = await stat(path).catch(() => undefined);
    if (!info) errors.push(`${input}: no such file or folder`);
    else if (info.isDirectory()) await add(await walk(path), fenceFolder(input, cwd, true));
    else await add([path], fenceFolder(input, cwd, false), input);
  }
  return { queue, fences, errors };
}

/** The fence `file` lies in, as written: the one it was found from first, then any other named on the command line. */
const fenceOf = (file: string, first: Fence, fences: readonly Fence[]) =>
  [first, ...fences].find((f) => within(f.dir, file) !== undefined || within(f.real, file) !== undefined);

/** Why a Location target is not read, in words for the "Not mapped" list. */
function notFollowed(error: GateError, target: string, fences: readonly Fence[], cwd: string): string {
  if (error.reason !== 'outside') return `not followed: ${error.message}`;
  const names = [...new Set(fences.map((f) => relative(cwd, f.dir) || '.'))];
  const folders = names.length === 1 ? `${names[0]}, the folder` : `${names.join(' and ')}, the folders`;
  return `not followed: ${target}: it is outside ${folders} the catalog is read from`;
}

/** What reading a file says: errors that stop the import, targets not followed, diagnostics. */
type ReadReport = { errors: string[]; unmapped: Unmapped[]; diagnostics: Diagnostic[] };

/** Catalog text from which a wave's files are parsed on two threads (about 2,500 small entities). */
const PARALLEL_FROM_CHARS = 512 * 1024;

/** The text of a queued file, or undefined after saying why it cannot be read. */
async function readQueued(item: Queued, fences: readonly Fence[], cwd: string, report: ReadReport): Promise<string | undefined> {
  const display = relative(cwd, item.file) || item.file;
  const shown = item.from?.target ?? item.shown ?? display;
  const where = fenceOf(item.file, item.fence, fences);
  try {
    if (!where) throw new GateError('outside', shown);
    const bytes = await readGated(where, item.file, MAX_FILE_BYTES, shown);
    const decoded = decodeSource(display, bytes);
    report.diagnostics.push(...decoded.diagnostics);
    return decoded.text;
  } catch (error) {
    if (!(error instanceof GateError)) {
      report.errors.push(`${shown}: cannot read it (${describeFsError(error)})`);
      return undefined;
    }
    // A Location's target that is missing is a mistake to fix; one the gate refuses is only not read.
    if (!item.from || error.reason === 'missing') report.errors.push(item.from ? `${item.from.display}: ${item.from.field}: ${error.message}` : error.message);
    else report.unmapped.push({ ref: item.from.ref, field: item.from.field, why: notFollowed(error, item.from.target, fences, cwd) });
    return undefined;
  }
}

/**
 * Reads every catalog file, following Location entities' relative targets, once each. Only files
 * inside the folders named on the command line are read (see `fenceFolder`), through the gate.
 */
export async function readCatalog(
  inputs: readonly string[],
  cwd: string,
  strict = false,
): Promise<{ entities: CatalogEntity[]; diagnostics: Diagnostic[]; unmapped: Unmapped[]; errors: string[] }> {
  const graded = (d: Diagnostic) => strictly(d, strict);
  const { queue, fences, errors } = await expand(inputs, cwd);
  const entities: CatalogEntity[] = [];
  const diagnostics: Diagnostic[] = [];
  const unmapped: Unmapped[] = [];
  const seen = new Set<string>();
  // In waves: every file queued so far is read, the large ones parsed in part on a second thread,
  // then each file's entities are taken in queue order; Locations queue the next wave.
  while (queue.length > 0) {
    const wave: { item: Queued; display: string; text?: string; said: ReadReport }[] = [];
    for (const item of queue.splice(0)) {
      if (seen.has(item.file)) continue;
      // What reading says goes out in order with what parsing says, as if read one at a time.
      const said: ReadReport = { errors: [], unmapped: [], diagnostics: [] };
      const text = await readQueued(item, fences, cwd, said);
      if (text !== undefined) seen.add(item.file);
      wave.push({ item, display: relative(cwd, item.file) || item.file, text, said });
    }
    const texts = wave.flatMap((w) => (w.text === undefined ? [] : [w.text]));
    const clean = await onBothThreads('stream', texts, texts.reduce((n, t) => n + t.length, 0) >= PARALLEL_FROM_CHARS);
    let next = 0;
    for (const { item, display, text: textOf, said } of wave) {
      errors.push(...said.errors);
      unmapped.push(...said.unmapped);
      diagnostics.push(...said.diagnostics);
      if (textOf === undefined) continue;
      const file = item.file;
      const data = clean[next++];
      const parsed = data === undefined ? parseYamlStream(display, textOf) : { documents: preparsedYamlStream(display, textOf, data), diagnostics: [] };
      diagnostics.push(...parsed.diagnostics);
      for (const doc of parsed.documents) {
        const d = doc.data;
        const metadata = record(d.metadata);
        const name = text(metadata.name);
        const kind = text(d.kind);
        if (!text(d.apiVersion) || !kind || !name) {
          const missing = !text(d.apiVersion) ? 'apiVersion' : !kind ? 'kind' : 'metadata.name';
          diagnostics.push(graded(diagnostic('CatalogEntity', display, doc.locate(missing === 'metadata.name' ? ['metadata'] : []), { missing })));
          continue;
        }
        const namespace = text(metadata.namespace) ?? 'default';
        const ref = `${kind.toLowerCase()}:${namespace.toLowerCase()}/${name.toLowerCase()}`;
        if (!MAPPED.includes(kind) && !UNMAPPED_KINDS.includes(kind)) {
          const known = [...MAPPED, ...UNMAPPED_KINDS];
          diagnostics.push(graded(diagnostic('CatalogKind', display, doc.locate(['kind']), { kind, known, meant: didYouMean(kind, known) })));
          unmapped.push({ ref, kind, field: 'kind', why: `Plexus reads no ${kind} entities: not imported` });
          continue;
        }
        if (UNMAPPED_KINDS.includes(kind)) {
          unmapped.push({ ref, kind, field: 'kind', why: `Plexus has no ${kind} entity` });
          continue;
        }
        if (kind === 'Location') {
          const spec = record(d.spec);
          const targets: [unknown, string][] = [
            ...(text(spec.target) ? [[spec.target, 'spec.target'] as [unknown, string]] : []),
            ...list(spec.targets).map((t, i): [unknown, string] => [t, `spec.targets[${i}]`]),
          ];
          for (const [t, field] of targets) {
            const target = text(t);
            if (!target) continue;
            if (/^[a-z][a-z0-9+.-]*:/i.test(target)) unmapped.push({ ref, field, why: `not followed: only relative targets are read (${target})` });
            else queue.push({ file: resolve(dirname(file), target), fence: item.fence, from: { ref, field, target, display } });
          }
          continue;
        }
        entities.push({ kind, ref, id: idOf(namespace, name), file, display, data: d, locate: doc.locate, fence: item.fence });
      }
    }
  }
  return { entities, diagnostics, unmapped, errors };
}
