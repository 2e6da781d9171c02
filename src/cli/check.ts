import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatDiagnostic, formatGithubAnnotation, formatSummary, type Diagnostic } from '../core/diagnostics.ts';
import { todayFromEnv } from '../core/dates.ts';
import { loadRegistry } from '../core/fs.ts';
import { type Command, NO_ARGS, type OptionSpec } from './command.ts';
import { EXIT, UsageError, type Io } from './io.ts';

/**
 * The registry folder: --content, else PLEXUS_CONTENT, else `content/` (a project as plexus init
 * writes it), else the current folder when it is a registry itself (it holds ecosystem.yaml).
 */
export async function contentDir(value: unknown, io: Io): Promise<string> {
  const given = typeof value === 'string' ? value : io.env.PLEXUS_CONTENT;
  const inHere = given === undefined && !(await stat(resolve(io.cwd, 'content')).catch(() => undefined)) && (await isRegistry(io.cwd));
  const dir = resolve(io.cwd, given ?? (inHere ? '.' : 'content'));
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`No registry folder at ${dir}.`);
  return dir;
}

async function isRegistry(dir: string): Promise<boolean> {
  for (const name of ['ecosystem.yaml', 'ecosystem.yml']) if ((await stat(resolve(dir, name)).catch(() => undefined))?.isFile()) return true;
  return false;
}

/** `PLEXUS_TODAY` pins "today" for reproducible checks; otherwise the real date. */
export function today(io: Io): string | undefined {
  const { today, error } = todayFromEnv(io.env);
  if (error) throw new UsageError(error);
  return today;
}

/** `--content DIR`, as every command that reads the registry takes it. */
export const CONTENT_OPTION: OptionSpec = {
  type: 'string',
  value: 'DIR',
  description: 'the registry folder',
  default: '$PLEXUS_CONTENT, else content/, else . when it holds ecosystem.yaml',
};

const FORMATS = ['text', 'json', 'github'] as const;

export const check: Command = {
  summary: 'Validate the registry: schemas, references, events, reviews and policies.',
  usage: 'plexus check [--content DIR] [--strict] [--format text|json|github]',
  args: NO_ARGS,
  options: {
    content: CONTENT_OPTION,
    strict: { type: 'boolean', description: 'count warnings as errors (exit 1 on any problem)' },
    format: {
      type: 'string',
      value: 'FORMAT',
      description: 'text (file:line:col lines), json (machine-readable) or github (GitHub Actions annotations)',
      default: 'text',
    },
  },
  env: ['PLEXUS_CONTENT', 'PLEXUS_TODAY'],
  async run({ values }, io) {
    const format = values.format ?? 'text';
    if (!(FORMATS as readonly unknown[]).includes(format)) throw new UsageError(`--format must be text, json or github, not "${String(format)}".`);
    const { diagnostics: found, fileCount } = await loadRegistry(await contentDir(values.content, io), { cwd: io.cwd, today: today(io) });
    const diagnostics: Diagnostic[] = values.strict ? found.map((d) => ({ ...d, severity: 'error' })) : found;
    const failed = diagnostics.some((d) => d.severity === 'error');
    if (format === 'json') {
      io.out(JSON.stringify({ ok: !failed, files: fileCount, diagnostics }, null, 2));
    } else {
      for (const d of diagnostics) io.out(format === 'github' ? formatGithubAnnotation(d) : formatDiagnostic(d));
      io.out(formatSummary(diagnostics, fileCount));
    }
    return failed ? EXIT.problems : EXIT.ok;
  },
};
