import { lstat, readdir, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { diagnostic } from './codes.ts';
import { todayIso } from './dates.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Source } from './model.ts';
import { loadMdxCompiler, type MdxCompiler } from './mdx.ts';
import { buildRegistry, type BuildResult } from './registry.ts';
import { describeFsError } from './fs-errors.ts';
import { fence, readRegular, within } from './gate.ts';
import { decodeSource, MAX_ASSET_BYTES, MAX_FILE_BYTES, MAX_SPEC_BYTES } from './decode.ts';
import { classify } from './load.ts';
import { onBothThreads } from './second-thread.ts';
import type { Spec } from '../specs/read.ts';

const START = { line: 1, col: 1 };
const posix = (path: string) => path.split(sep).join('/');

/** OpenAPI and AsyncAPI documents under specs/ may be large, and images under public/; every other registry file is a page of text. */
export const limitFor = (path: string) => (path.startsWith('specs/') ? MAX_SPEC_BYTES : path.startsWith('public/') ? MAX_ASSET_BYTES : MAX_FILE_BYTES);

/**
 * One entry of a registry folder as a `Source`, by the one rule for what Plexus reads (see
 * readSources); undefined for what is not read at all (folders, dot-files, node_modules).
 */
async function readEntry(
  root: string,
  dir: string,
  file: string,
  entry: { isDirectory(): boolean; isSymbolicLink(): boolean; isFile(): boolean },
  cwd: string,
  limit: (path: string) => number,
): Promise<Source | undefined> {
  const path = posix(relative(dir, file));
  if (path.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) return undefined;
  if (entry.isDirectory()) return undefined;
  const source = { path, display: posix(relative(cwd, file)) || file };
  const refuse = (is: 'link-out' | 'dangling' | 'special'): Source => ({
    ...source,
    bytes: new Uint8Array(),
    problem: diagnostic('NotRegularFile', source.display, START, { path, is }),
  });
  try {
    if (entry.isSymbolicLink()) {
      const target = await realpath(file).catch(() => undefined);
      if (target === undefined) return refuse('dangling');
      if (within(root, target) === undefined) return refuse('link-out');
      if ((await lstat(target)).isDirectory()) return undefined; // its files are inside the registry and read where they are
      return { ...source, bytes: await readRegular(target, limit(path)) };
    }
    if (!entry.isFile()) return refuse('special');
    return { ...source, bytes: await readRegular(file, limit(path)) };
  } catch (error) {
    return { ...source, bytes: new Uint8Array(), problem: diagnostic('UnreadableFile', source.display, START, { path, reason: describeFsError(error) }) };
  }
}

/**
 * Every file under `dir` (skipping dot-folders and node_modules), as core `Source`s. The one rule
 * for what Plexus reads from a registry: regular files whose real path is inside the registry
 * folder. A link that leads out, a pipe or device, or a file that cannot be read is a source
 * whose `problem` says so (a diagnostic), never a crash and never a read of what lies outside.
 */
export { describeFsError };

export async function readSources(dir: string, cwd: string = process.cwd(), limit: (path: string) => number = limitFor): Promise<Source[]> {
  const root = await realpath(dir);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sources: Source[] = [];
  await Promise.all(
    entries.map(async (entry) => {
      const source = await readEntry(root, dir, join(entry.parentPath, entry.name), entry, cwd, limit);
      if (source) sources.push(source);
    }),
  );
  return sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Below this many YAML files a second thread costs more to start than it saves. */
const PARALLEL_FROM = 400;

/**
 * Parses the YAML files, part of them on a second thread: `yaml` needs ~0.15 ms a file, most of a
 * large check. Files that do not parse cleanly are left to the pipeline, which parses them again
 * to report where.
 */
async function parseInParallel(sources: readonly Source[]): Promise<Map<string, Record<string, unknown>>> {
  const yamlFiles = sources.filter((s) => !s.problem && /\.ya?ml$/.test(s.path) && !s.path.startsWith('specs/') && s.bytes.length <= MAX_FILE_BYTES);
  const preparsed = new Map<string, Record<string, unknown>>();
  if (yamlFiles.length < PARALLEL_FROM) return preparsed;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const texts: { path: string; text: string }[] = [];
  for (const s of yamlFiles) {
    try {
      texts.push({ path: s.path, text: decoder.decode(s.bytes).replace(/^\uFEFF/, '') });
    } catch {
      // not UTF-8: the pipeline reports it
    }
  }
  const data = await onBothThreads(
    'data',
    texts.map((t) => t.text),
    true,
  );
  texts.forEach((t, i) => {
    if (data[i] !== undefined) preparsed.set(t.path, data[i]);
  });
  return preparsed;
}

/** What reading a registry found on disk, kept so that a later build can reuse it with a few files changed. */
export interface RegistryFiles {
  dir: string;
  cwd: string;
  sources: Source[];
  /** YAML data already parsed, by source path. */
  preparsed: Map<string, Record<string, unknown>>;
  compileMdx?: MdxCompiler;
  /** Each file under specs/ as read, by path. */
  specs: Map<string, SpecRead>;
}
type SpecRead = { spec?: Spec; notSpec?: true; diagnostics: Diagnostic[] };

/** Reads a registry folder: every file, its YAML parsed (in part on another thread), its specs read. */
export async function readRegistry(dir: string, options: { cwd?: string } = {}): Promise<RegistryFiles> {
  const cwd = options.cwd ?? process.cwd();
  const sources = await readSources(dir, cwd);
  const preparsed = await parseInParallel(sources);
  const compileMdx = sources.some((s) => s.path.startsWith('docs/') && s.path.endsWith('.mdx')) ? await loadMdxCompiler() : undefined;
  return { dir, cwd, sources, preparsed, compileMdx, specs: await readSpecs(dir, sources) };
}

/**
 * What `readRegistry` would read after `changed` files (absolute paths) were added, edited or
 * removed, reading only those: `npm run dev` re-checks an edit without reading the whole
 * registry again. A changed folder, or a path outside the registry, reads it all.
 */
export async function rereadRegistry(files: RegistryFiles, changed: readonly string[]): Promise<RegistryFiles> {
  const root = await realpath(files.dir);
  const byPath = new Map(files.sources.map((s) => [s.path, s]));
  const preparsed = new Map(files.preparsed);
  for (const file of changed) {
    const path = posix(relative(files.dir, file));
    if (path.startsWith('../') || path === '' || path.startsWith('/')) return readRegistry(files.dir, { cwd: files.cwd });
    const info = await lstat(file).catch(() => undefined);
    if (info?.isDirectory()) return readRegistry(files.dir, { cwd: files.cwd });
    preparsed.delete(path);
    const source = info && (await readEntry(root, files.dir, file, info, files.cwd, limitFor));
    if (source) byPath.set(path, source);
    else byPath.delete(path);
  }
  const sources = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const needsMdx = sources.some((s) => s.path.startsWith('docs/') && s.path.endsWith('.mdx'));
  const specsChanged = changed.some((f) => posix(relative(files.dir, f)).startsWith('specs/'));
  return {
    ...files,
    sources,
    preparsed,
    compileMdx: files.compileMdx ?? (needsMdx ? await loadMdxCompiler() : undefined),
    specs: specsChanged ? await readSpecs(files.dir, sources) : files.specs,
  };
}

/** Runs the pipeline on what `readRegistry` read. */
export function buildFromFiles(files: RegistryFiles, today: string = todayIso()): BuildResult {
  const specs = new Map<string, Spec | undefined>();
  const diagnostics: Diagnostic[] = [];
  for (const [path, read] of files.specs) {
    // A schema file that specs point at is not a spec of its own, and not a mistake.
    if (read.notSpec) continue;
    diagnostics.push(...read.diagnostics);
    specs.set(path, read.spec);
  }
  return buildRegistry(files.sources, {
    today,
    contentLabel: relative(files.cwd, files.dir) || '.',
    preparsed: files.preparsed,
    compileMdx: files.compileMdx,
    specs: { specs, diagnostics },
  });
}

/**
 * The registry as it is after writing `changes` (absolute paths, new text): only the changed
 * files are parsed and read again, so checking what an import wrote costs little more than the
 * files it wrote.
 */
export async function withChanges(
  files: RegistryFiles,
  changes: readonly { path: string; text: string; data?: Record<string, unknown>; spec?: Spec }[],
): Promise<RegistryFiles> {
  const byPath = new Map(files.sources.map((s) => [s.path, s]));
  const preparsed = new Map(files.preparsed);
  const changed: Source[] = [];
  for (const c of changes) {
    const path = posix(relative(files.dir, c.path));
    const source: Source = { path, display: posix(relative(files.cwd, c.path)) || c.path, bytes: new TextEncoder().encode(c.text) };
    byPath.set(path, source);
    if (c.data) preparsed.set(path, c.data);
    else preparsed.delete(path);
    changed.push(source);
  }
  const specs = new Map(files.specs);
  // A spec the import read from this very text (a copy of a self-contained document) is not read again: a 5 MB one costs seconds.
  const known = new Map(changes.flatMap((c) => (c.spec ? [[posix(relative(files.dir, c.path)), c.spec] as const] : [])));
  for (const [path, read] of await readSpecs(
    files.dir,
    changed.filter((s) => !known.has(s.path)),
  ))
    specs.set(path, read);
  for (const s of changed) {
    const spec = known.get(s.path);
    if (spec) specs.set(s.path, { spec: { ...spec, file: s.display }, diagnostics: [] });
  }
  const sources = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...files, sources, preparsed, specs };
}

/** Reads a registry folder and runs the pipeline on it: the I/O edge of `buildRegistry`. */
export async function loadRegistry(dir: string, options: { today?: string; cwd?: string } = {}): Promise<BuildResult> {
  return buildFromFiles(await readRegistry(dir, options), options.today);
}

/** Reads the OpenAPI and AsyncAPI documents among `sources`, side by side; `$ref`s to other registry files are followed, nothing else. */
async function readSpecs(dir: string, sources: readonly Source[]): Promise<Map<string, SpecRead>> {
  const specs = sources.filter((s) => classify(s.path).kind === 'spec');
  if (specs.length === 0) return new Map();
  const { readSpec } = await import('../specs/read.ts');
  // A spec's `$ref`s reach the registry's own files, through the same gate as every other read.
  const scope = { files: await fence(dir) };
  const read = await Promise.all(
    specs.map(async (s): Promise<[string, SpecRead]> => {
      // The registry reports a file it could not read; here it is only not a spec.
      if (s.problem) return [s.path, { diagnostics: [] }];
      const decoded = decodeSource(s.display, s.bytes, MAX_SPEC_BYTES);
      if (decoded.text === undefined) return [s.path, { diagnostics: decoded.diagnostics }];
      return [s.path, await readSpec(s.display, join(dir, s.path), decoded.text, scope)];
    }),
  );
  return new Map(read);
}
