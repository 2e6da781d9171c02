// Writes a team's registry project: what `plexus init` and `npm create plexus` both do.
// Free of dependencies on purpose (Node's own modules and other files free of them): the
// create-plexus package ships this file compiled, with the files it imports, and nothing else,
// so that `npm create plexus` installs nothing and runs on any Node from 20 on.
import { lstat, mkdir, readdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { addMonths, todayFromEnv, todayIso } from '../core/dates.ts';
import { describeFsError } from '../core/fs-errors.ts';
import { type Fence, fence } from '../core/gate.ts';
import { refusedFolders, writeGated } from '../core/gate-write.ts';
import { CHECK_WORKFLOW, DEPLOY_WORKFLOW, GITIGNORE, packageJson, readme, SCHEMA_GLOBS, STARTER, VSCODE_EXTENSIONS, vscodeSettings } from './project.ts';

/** A reason to write nothing that the person can fix by running the command differently (exit 2, with the usage). */
export class ProjectRefused extends Error {}

export interface ProjectOptions {
  /** The folder to write into, as the person gave it (relative to `cwd`), or '.'. */
  dir: string;
  cwd: string;
  /** PLEXUS_TODAY dates the starter, as for every command. */
  env: Record<string, string | undefined>;
  /** The Plexus version the project depends on (`^version`). */
  plexusVersion: string;
  /** Add what is missing to a folder that is not empty; nothing there is replaced. */
  force?: boolean;
  /** Files written instead of the starter registry (`content/...` paths): the Eventful example for `plexus init --example`. */
  example?: Map<string, Uint8Array>;
  out(text: string): void;
  err(text: string): void;
}

/** An npm package name from a folder name: lower case, letters, digits and dashes. */
export const packageName = (dir: string) =>
  basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '') || 'integration-registry';

/** The starter's dates: today (PLEXUS_TODAY when set) and a review six months out. */
function dates(env: Record<string, string | undefined>) {
  const { today = todayIso(), error } = todayFromEnv(env);
  if (error) throw new ProjectRefused(error);
  return { TODAY: today, NEXT_REVIEW: addMonths(today, 6) };
}

/** Said after every path refused because a link is on its way. */
const LINK_REFUSED = 'Nothing was written. Replace the link with a real folder, or start in another folder.';

/** The folder to write into, made if need be and fenced: a folder given as a link is resolved once, here. */
async function target(dir: string): Promise<Fence> {
  try {
    await mkdir(dir, { recursive: true });
    return await fence(dir);
  } catch (error) {
    throw new ProjectRefused(`Cannot use ${dir}: ${describeFsError(error)}.`);
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

/** The files of a new project but the registry: package.json, workflows, editor settings, README. */
export function projectFiles(dir: string, plexusVersion: string): Record<string, string> {
  return {
    'package.json': packageJson(packageName(dir), plexusVersion),
    '.gitignore': GITIGNORE,
    'README.md': readme(basename(dir)),
    '.github/workflows/check.yml': CHECK_WORKFLOW,
    '.github/workflows/deploy.yml': DEPLOY_WORKFLOW,
    '.vscode/settings.json': vscodeSettings(SCHEMA_GLOBS),
    '.vscode/extensions.json': VSCODE_EXTENSIONS,
  };
}

/**
 * Writes the project into `options.dir` and says what it wrote and what to run next. Exit code 0,
 * or 1 when a folder on the way is a link (nothing is written then); throws ProjectRefused for a
 * folder that is not empty (without `force`), a file, or a PLEXUS_TODAY that is no date.
 */
export async function writeProject(options: ProjectOptions): Promise<0 | 1> {
  const { cwd, example } = options;
  const dir = resolve(cwd, options.dir);
  const present = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw new ProjectRefused(`Cannot use ${dir}: ${error.code === 'ENOTDIR' ? 'it is a file, where a folder is needed' : describeFsError(error)}.`);
  });
  if (present.some((f) => f !== '.git') && !options.force)
    throw new ProjectRefused(
      `${relative(cwd, dir) || '.'} is not empty. Start in an empty folder, or add --force to add what is missing (nothing there is replaced).`,
    );

  const fill = dates(options.env);
  const files = projectFiles(dir, options.plexusVersion);
  if (!example) {
    for (const [path, text] of Object.entries(STARTER)) files[path] = text.replace(/\{(TODAY|NEXT_REVIEW)\}/g, (_, k: 'TODAY' | 'NEXT_REVIEW') => fill[k]);
  }
  const copies = example ?? new Map<string, Uint8Array>();
  const shown = relative(cwd, dir) || '.';
  const show = (path: string) => relative(cwd, join(dir, path));
  const gate = await target(dir);
  // Every path is checked before any is written: a refusal leaves the folder as it was.
  const refused = await refusedFolders(gate, [...Object.keys(files), ...copies.keys()], show);
  if (refused.length > 0) {
    options.err([...refused.map((error) => error.message), LINK_REFUSED].join('\n'));
    return 1;
  }
  const written: string[] = [];
  const kept: string[] = [];
  for (const [path, text] of Object.entries(files)) ((await add(gate, path, text, show(path))) ? written : kept).push(path);
  let copied = 0;
  for (const [path, bytes] of copies) if (await add(gate, path, bytes, show(path))) copied++;
  if (copied > 0) written.push(`content/ (the Eventful example${copied < copies.size ? `, ${copied} of its ${copies.size} files` : ''})`);
  if (copied < copies.size) kept.push(`content/ (${copied > 0 ? `${copies.size - copied} files of ` : ''}the Eventful example)`);
  options.out(
    written.length > 0 ? `Wrote ${written.length} files into ${shown}/: ${written.join(', ')}.` : `Nothing to write: every file is already in ${shown}/.`,
  );
  if (kept.length > 0) options.out(`Left as they were: ${kept.join(', ')}.`);
  options.out(['', 'Next:', ...(shown === '.' ? [] : [`  cd ${shown}`]), '  npm install', '  npm run check', '  npm run dev'].join('\n'));
  return 0;
}
