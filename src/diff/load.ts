// The two sides `plexus diff` compares, each built into a model: a git revision read from git's
// objects (no checkout), or a folder read as check reads it (the file gate applies).
import { join } from 'node:path';
import { decodeSource, MAX_SPEC_BYTES } from '../core/source.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { buildFromFiles, readRegistry } from '../core/fs.ts';
import { classify } from '../core/load.ts';
import type { Source } from '../core/model.ts';
import { type BuildResult, buildRegistry } from '../core/registry.ts';
import type { Spec } from '../specs/read.ts';
import { readRevision } from './git.ts';

export type Side = { kind: 'folder'; dir: string } | { kind: 'git'; top: string; commit: string; prefix: string };

/** Builds a registry from sources in memory; its specs' `$ref`s reach only the other sources. */
export async function buildFromMemory(sources: readonly Source[], dir: string, options: { today: string; contentLabel: string }): Promise<BuildResult> {
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
  return buildRegistry(sources, { today: options.today, contentLabel: options.contentLabel, specs: { specs, diagnostics } });
}

/** One side as a model. `display` is the content folder as messages name it (relative to where plexus runs). */
export async function loadSide(side: Side, options: { today: string; cwd: string; display: string }): Promise<BuildResult> {
  if (side.kind === 'folder') return buildFromFiles(await readRegistry(side.dir, { cwd: options.cwd }), options.today);
  const sources = await readRevision(side.top, side.commit, side.prefix, options.display);
  return buildFromMemory(sources, join(side.top, side.prefix), { today: options.today, contentLabel: options.display || '.' });
}
