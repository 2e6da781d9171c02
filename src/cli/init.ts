// plexus init [DIR]: a new registry project of the team's own, depending on Plexus.
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { addMonths, todayFromEnv, todayIso } from '../core/dates.ts';
import { describeFsError } from '../core/fs-errors.ts';
import { CHECK_WORKFLOW, DEPLOY_WORKFLOW, GITIGNORE, packageJson, readme, SCHEMA_GLOBS, STARTER, VSCODE_EXTENSIONS, vscodeSettings } from '../init/project.ts';
import { plexusRoot } from '../site/root.ts';
import { EXIT, UsageError } from './io.ts';
import type { Command } from './main.ts';

const root = plexusRoot(import.meta.dirname);

/** An npm package name from a folder name: lower case, letters, digits and dashes. */
const packageName = (dir: string) =>
  basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '') || 'integration-registry';

/** The starter's dates: today (PLEXUS_TODAY when set, as for every command) and a review six months out. */
function dates(io: { env: Record<string, string | undefined> }) {
  const { today = todayIso(), error } = todayFromEnv(io.env);
  if (error) throw new UsageError(error);
  return { TODAY: today, NEXT_REVIEW: addMonths(today, 6) };
}

export const init: Command = {
  summary: 'Start a registry project of your own: package.json depending on Plexus, a small valid registry, CI and Pages workflows, editor settings.',
  usage: 'plexus init [DIR] [--example] [--force]',
  options: { example: { type: 'boolean' }, force: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new UsageError('Give one folder.');
    const dir = resolve(io.cwd, positionals[0] ?? '.');
    const present = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw new UsageError(`Cannot use ${dir}: ${error.code === 'ENOTDIR' ? 'it is a file, where a folder is needed' : describeFsError(error)}.`);
    });
    if (present.some((f) => f !== '.git') && !values.force)
      throw new UsageError(
        `${relative(io.cwd, dir) || '.'} is not empty. Start in an empty folder, or add --force to add what is missing (nothing there is replaced).`,
      );

    const version = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version as string;
    const fill = dates(io);
    const files: Record<string, string> = {
      'package.json': packageJson(packageName(dir), version),
      '.gitignore': GITIGNORE,
      'README.md': readme(basename(dir)),
      '.github/workflows/check.yml': CHECK_WORKFLOW,
      '.github/workflows/deploy.yml': DEPLOY_WORKFLOW,
      '.vscode/settings.json': vscodeSettings(SCHEMA_GLOBS),
      '.vscode/extensions.json': VSCODE_EXTENSIONS,
    };
    if (!values.example) {
      for (const [path, text] of Object.entries(STARTER)) files[path] = text.replace(/\{(TODAY|NEXT_REVIEW)\}/g, (_, k: 'TODAY' | 'NEXT_REVIEW') => fill[k]);
    }
    const written: string[] = [];
    const kept: string[] = [];
    for (const [path, text] of Object.entries(files)) {
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      // O_EXCL: a file that is already there is never replaced.
      const made = await writeFile(target, text, { flag: 'wx' }).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') return false;
          throw error;
        },
      );
      (made ? written : kept).push(path);
    }
    if (values.example) {
      const copied = await cp(join(root, 'content'), join(dir, 'content'), { recursive: true, errorOnExist: true, force: false }).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ERR_FS_CP_EEXIST') return false;
          throw error;
        },
      );
      (copied ? written : kept).push('content/ (the Eventful example)');
    }
    const shown = relative(io.cwd, dir) || '.';
    io.out(
      written.length > 0 ? `Wrote ${written.length} files into ${shown}/: ${written.join(', ')}.` : `Nothing to write: every file is already in ${shown}/.`,
    );
    if (kept.length > 0) io.out(`Left as they were: ${kept.join(', ')}.`);
    io.out(['', 'Next:', ...(shown === '.' ? [] : [`  cd ${shown}`]), '  npm install', '  npm run check', '  npm run dev'].join('\n'));
    return EXIT.ok;
  },
};
