import { analyse } from './analyse.ts';
import { diagnostic } from './codes.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { loadSources } from './load.ts';
import type { Model, Source } from './model.ts';
import { checkMdx, type MdxCompiler } from './mdx.ts';
import { resolveReferences } from './resolve.ts';
import { checkDrift, type Specs } from './drift.ts';

export interface BuildResult {
  model: Model;
  diagnostics: Diagnostic[];
  fileCount: number;
}

/**
 * The whole pure pipeline: parse, validate, resolve, analyse. Never throws on user input;
 * every mistake is a diagnostic. `today` (`YYYY-MM-DD`) decides what is overdue. `preparsed` holds
 * YAML data by source path that another thread already parsed (see `loadRegistry`);
 * `compileMdx` compiles an MDX body and returns its first error, if any (MDX documents are only
 * compiled when it is given).
 */
export function buildRegistry(
  sources: readonly Source[],
  options: {
    today: string;
    contentLabel?: string;
    preparsed?: ReadonlyMap<string, Record<string, unknown>>;
    compileMdx?: MdxCompiler;
    /** The registry's specs/ read by `readSpecs` (I/O), with what reading them found. */
    specs?: { specs: Specs; diagnostics: Diagnostic[] };
  },
): BuildResult {
  const { registry, diagnostics } = loadSources(sources, options.preparsed);
  if (!registry.ecosystem && !diagnostics.some((d) => /\/?ecosystem\.ya?ml$/.test(d.file))) {
    const label = options.contentLabel ?? 'content';
    diagnostics.push(diagnostic('MissingEcosystem', `${label}/ecosystem.yaml`, { line: 1, col: 1 }, { folder: label }));
  }
  diagnostics.push(...checkMdx(registry, options.compileMdx));
  diagnostics.push(...resolveReferences(registry));
  const specs = options.specs?.specs ?? new Map();
  diagnostics.push(...(options.specs?.diagnostics ?? []), ...checkDrift(registry, specs, registry.ecosystem?.data.policies.drift));
  const analysed = analyse(registry, options.today);
  diagnostics.push(...analysed.diagnostics);
  return {
    model: { ...registry, analysis: analysed.analysis, today: options.today, specs },
    diagnostics: sortDiagnostics(diagnostics),
    fileCount: sources.length,
  };
}
