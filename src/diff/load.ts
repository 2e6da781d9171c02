// The two sides `plexus diff` compares, each built into a model: a git revision read from git's
// objects (no checkout), or a folder read as check reads it (the file gate applies).
import { join } from 'node:path';
import { decodeSource, MAX_FILE_BYTES, MAX_SPEC_BYTES } from '../core/decode.ts';
import { cleanYamlData } from '../core/source.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { buildFromFiles, readRegistry } from '../core/fs.ts';
import { classify } from '../core/load.ts';
import type { Source } from '../core/model.ts';
import { type BuildResult, buildRegistry } from '../core/registry.ts';
import type { Spec } from '../specs/read.ts';
import { readRevision } from './git.ts';

export type Side = { kind: 'folder'; dir: string } | { kind: 'git'; top: string; commit: string; prefix: string };

/** YAML already parsed, by path, with the bytes it was parsed from: the two sides of a diff share most files. */
export type ParseCache = Map<string, { bytes: Uint8Array; data: Record<string, unknown> }>;

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Each registry YAML file's data, parsed without positions (the pipeline finds positions only when
 * it reports something); a file the other side has with the same bytes is not parsed again. Files
 * that do not parse cleanly are left to the pipeline, which reports where.
 */
function preparse(sources: readonly Source[], cache: ParseCache): Map<string, Record<string, unknown>> {
  const preparsed = new Map<string, Record<string, unknown>>();
  for (const s of sources) {
    if (!/\.ya?ml$/.test(s.path) || s.path.startsWith('specs/') || s.bytes.length > MAX_FILE_BYTES) continue;
    const known = cache.get(s.path);
    if (known && sameBytes(known.bytes, s.bytes)) {
      preparsed.set(s.path, known.data);
      continue;
    }
    let data: Record<string, unknown> | undefined;
    try {
      data = cleanYamlData(decoder.decode(s.bytes).replace(/^\uFEFF/, ''));
    } catch {
      data = undefined; // not UTF-8: the pipeline reports it
    }
    if (data === undefined) continue;
    preparsed.set(s.path, data);
    cache.set(s.path, { bytes: s.bytes, data });
  }
  return preparsed;
}

/** Builds a registry from sources in memory; its specs' `$ref`s reach only the other sources. */
export async function buildFromMemory(
  sources: readonly Source[],
  dir: string,
  options: { today: string; contentLabel: string; cache?: ParseCache },
): Promise<BuildResult> {
  const memory = new Map(sources.map((s) => [join(dir, s.path), s.bytes]));
  const specs = new Map<string, Spec | undefined>();
  const diagnostics: Diagnostic[] = [];
  const specSources = sources.filter((s) => classify(s.path).kind === 'spec');
  if (specSources.length > 0) {
    const { readSpec } = await import('../specs/read.ts');
    await Promise.all(
      specSources.map(async (s) => {
        const decoded = decodeSource(s.display, s.bytes, MAX_SPEC_BYTES);
        if (decoded.text === undefined) return;
        const read = await readSpec(s.display, join(dir, s.path), decoded.text, { memory });
        if (read.notSpec) return;
        diagnostics.push(...read.diagnostics);
        specs.set(s.path, read.spec);
      }),
    );
  }
  const preparsed = preparse(sources, options.cache ?? new Map());
  return buildRegistry(sources, { today: options.today, contentLabel: options.contentLabel, preparsed, specs: { specs, diagnostics } });
}

/** One side as a model. `display` is the content folder as messages name it (relative to where plexus runs). */
export async function loadSide(side: Side, options: { today: string; cwd: string; display: string; cache?: ParseCache }): Promise<BuildResult> {
  if (side.kind === 'folder') return buildFromFiles(await readRegistry(side.dir, { cwd: options.cwd }), options.today);
  const sources = await readRevision(side.top, side.commit, side.prefix, options.display);
  return buildFromMemory(sources, join(side.top, side.prefix), { today: options.today, contentLabel: options.display || '.', cache: options.cache });
}
