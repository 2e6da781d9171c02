import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { todayIso } from '../core/dates.ts';
import { compareModels } from '../diff/compare.ts';
import { formatJson, formatMarkdown, formatText } from '../diff/format.ts';
import { defaultBase, describeCommit, GitError, gitLocation, resolveRevision } from '../diff/git.ts';
import { loadSide, type Side } from '../diff/load.ts';
import { CONTENT_OPTION, contentDir, today } from './check.ts';
import type { Command } from './command.ts';
import { EXIT, type Io, UsageError } from './io.ts';

const FORMATS = ['text', 'markdown', 'json'] as const;

const isDir = async (path: string) => (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
const shown = (io: Io, path: string) => relative(io.cwd, path).split(sep).join('/') || '.';

export const diff: Command = {
  summary:
    'Compare two states of the registry: what changed, whom it reaches, whom to notify, and the changes that break consumers against the deprecation policy.',
  usage: 'plexus diff [BASE] [HEAD] [--content DIR] [--format text|markdown|json]',
  args: { min: 0, max: 2, name: 'BASE and HEAD: git revisions or folders' },
  options: {
    content: CONTENT_OPTION,
    format: {
      type: 'string',
      value: 'FORMAT',
      description: 'text (for the terminal), markdown (a pull-request comment) or json (machine-readable)',
      default: 'text',
    },
  },
  env: ['PLEXUS_CONTENT', 'PLEXUS_TODAY'],
  async run({ values, positionals }, io) {
    const format = values.format ?? 'text';
    if (!(FORMATS as readonly unknown[]).includes(format)) throw new UsageError(`--format must be text, markdown or json, not "${String(format)}".`);
    const day = today(io) ?? todayIso();
    const [baseArg, headArg] = positionals;
    try {
      const sides = await resolveSides(baseArg, headArg, values.content, io);
      // The two sides share most files: each is parsed once.
      const cache = new Map();
      const [base, head] = await Promise.all(sides.map((s) => loadSide(s.side, { today: day, cwd: io.cwd, display: s.display, cache })));
      const errors = (r: typeof base) => r!.diagnostics.filter((d) => d.severity === 'error').length;
      const report = compareModels(base!.model, head!.model, { base: sides[0].label, head: sides[1].label }, { base: errors(base), head: errors(head) });
      io.out(format === 'json' ? formatJson(report) : format === 'markdown' ? formatMarkdown(report) : formatText(report));
      return report.summary.breaking > 0 ? EXIT.problems : EXIT.ok;
    } catch (error) {
      if (error instanceof GitError) throw new UsageError(error.message);
      throw error;
    }
  },
};

type Resolved = { side: Side; label: string; display: string };

/**
 * BASE and HEAD as sides: a folder when the argument is one, else a git revision of the registry
 * folder's repository. Without BASE, the merge base of HEAD with the default branch; without HEAD,
 * the registry folder as it is (the working tree).
 */
async function resolveSides(baseArg: string | undefined, headArg: string | undefined, content: unknown, io: Io): Promise<[Resolved, Resolved]> {
  const folder = async (arg: string): Promise<Resolved | undefined> => {
    const dir = resolve(io.cwd, arg);
    return (await isDir(dir)) ? { side: { kind: 'folder', dir }, label: shown(io, dir), display: shown(io, dir) } : undefined;
  };
  const baseFolder = baseArg === undefined ? undefined : await folder(baseArg);
  const headFolder = headArg === undefined ? undefined : await folder(headArg);
  if (baseFolder && headFolder) return [baseFolder, headFolder];
  const dir = await contentDir(content, io);
  const tree: Resolved = { side: { kind: 'folder', dir }, label: 'the working tree', display: shown(io, dir) };
  if (baseFolder) return [baseFolder, headFolder ?? { ...tree, label: shown(io, dir) }];
  const { top, prefix } = await gitLocation(dir);
  const display = shown(io, join(top, prefix));
  const revision = async (rev: string): Promise<Resolved> => {
    const commit = await resolveRevision(top, rev);
    return { side: { kind: 'git', top, commit, prefix }, label: `${rev} (${await describeCommit(top, commit)})`, display };
  };
  const head = headFolder ?? (headArg !== undefined ? await revision(headArg) : tree);
  if (baseArg !== undefined) return [await revision(baseArg), head];
  const base = await defaultBase(top);
  return [{ side: { kind: 'git', top, commit: base.commit, prefix }, label: `the ${base.label} (${await describeCommit(top, base.commit)})`, display }, head];
}
