import { formatDiagnostic, formatSummary } from '../core/diagnostics.ts';
import { loadRegistry } from '../core/fs.ts';
import type { Model } from '../core/model.ts';
import { contentDir, today } from './check.ts';
import type { Io } from './io.ts';

/**
 * The registry for commands that render from it. A registry with errors prints them, as
 * `check` would, and yields nothing: nothing is rendered from a registry that does not check.
 */
export async function loadValidModel(content: unknown, io: Io): Promise<{ model: Model; dir: string } | undefined> {
  const dir = await contentDir(content, io);
  const { model, diagnostics, fileCount } = await loadRegistry(dir, { cwd: io.cwd, today: today(io) });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return { model, dir };
  for (const d of errors) io.err(formatDiagnostic(d));
  io.err(`${formatSummary(errors, fileCount)} Fix the registry first (plexus check).`);
  return undefined;
}
