// plexus init [DIR]: a new registry project of the team's own, depending on Plexus.
import { lstat, mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { addMonths, todayFromEnv, todayIso } from '../core/dates.ts';
import { describeFsError } from '../core/fs-errors.ts';
import { type Fence, fence, refusedFolders, writeGated } from '../core/gate.ts';
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

/** Said after every path init refuses because a link is on its way. */
const LINK_REFUSED = 'Nothing was written. Replace the link with a real folder, or start in another folder.';

/** The Eventful example, from Plexus's own install (not a user's file), as `content/...` paths. */
async function exampleFiles(): Promise<Map<string, Uint8Array>> {
  const from = join(root, 'content');
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const files = new Map<string, Uint8Array>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = join(entry.parentPath, entry.name);
    files.set(`content/${relative(from, file).split(sep).join('/')}`, await readFile(file));
  }
  return files;
}

/** The folder to write into, made if need be and fenced: a folder given as a link is resolved once, here. */
async function target(dir: string): Promise<Fence> {
  try {
    await mkdir(dir, { recursive: true });
    return await fence(dir);
  } catch (error) {
    throw new UsageError(`Cannot use ${dir}: ${describeFsError(error)}.`);
  }
}

/**
 * Writes `text` at `path` unless something is there already (a file, a folder or a link: none is
 * replaced, none written through). Whether it wrote.
 */
async function add(gate: Fence, path: string, text: string | Uint8Array, shown: string): Promise<boolean> {
  if (await lstat(join(gate.dir, path)).catch(() => undefined)) return false;
  return writeGated(gate, path, text, { create: true, shown }).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return false;
      throw error;
    },
  );
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
    const example = values.example ? await exampleFiles() : new Map<string, Uint8Array>();
    const shown = relative(io.cwd, dir) || '.';
    const show = (path: string) => relative(io.cwd, join(dir, path));
    const gate = await target(dir);
    // Every path is checked before any is written: a refusal leaves the folder as it was.
    const refused = await refusedFolders(gate, [...Object.keys(files), ...example.keys()], show);
    if (refused.length > 0) {
      io.err([...refused.map((error) => error.message), LINK_REFUSED].join('\n'));
      return EXIT.problems;
    }
    const written: string[] = [];
    const kept: string[] = [];
    for (const [path, text] of Object.entries(files)) ((await add(gate, path, text, show(path))) ? written : kept).push(path);
    let copied = 0;
    for (const [path, bytes] of example) if (await add(gate, path, bytes, show(path))) copied++;
    if (copied > 0) written.push(`content/ (the Eventful example${copied < example.size ? `, ${copied} of its ${example.size} files` : ''})`);
    if (copied < example.size) kept.push(`content/ (${copied > 0 ? `${example.size - copied} files of ` : ''}the Eventful example)`);
    io.out(
      written.length > 0 ? `Wrote ${written.length} files into ${shown}/: ${written.join(', ')}.` : `Nothing to write: every file is already in ${shown}/.`,
    );
    if (kept.length > 0) io.out(`Left as they were: ${kept.join(', ')}.`);
    io.out(['', 'Next:', ...(shown === '.' ? [] : [`  cd ${shown}`]), '  npm install', '  npm run check', '  npm run dev'].join('\n'));
    return EXIT.ok;
  },
};
