import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { overlaps, realTarget } from '../build/output.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { TemplateError } from '../render/engine.ts';
import { renderRegistry } from '../render/load.ts';
import { EXIT, UsageError } from './io.ts';
import { loadValidModel } from './load.ts';
import type { Command } from './main.ts';

/**
 * Marks a folder as written by `plexus export` and lists the files it wrote there, one a line:
 * a later export replaces and deletes only those, and leaves anything else in the folder alone.
 */
const MANIFEST = '.plexus-export';

async function recorded(out: string): Promise<string[] | undefined> {
  const text = await readFile(join(out, MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  // Older exports wrote a one-line note and no list: nothing is known to be theirs, so nothing is deleted.
  return text.split('\n').filter((line) => line && !line.startsWith('#') && !line.includes('..') && !line.startsWith('/'));
}

/** Whether each folder between `out` and `file` is a real folder (or not there yet): never write through a link. */
async function realFolders(out: string, file: string): Promise<boolean> {
  let dir = dirname(file);
  while (dir.length > out.length) {
    const info = await lstat(dir).catch(() => undefined);
    if (info && !info.isDirectory()) return false;
    dir = dirname(dir);
  }
  return true;
}

export const exportCommand: Command = {
  summary: 'Write every rendered document as plain GitHub-flavoured Markdown.',
  usage: 'plexus export --md DIR [--content DIR]',
  options: { md: { type: 'string' }, content: { type: 'string' } },
  async run({ values }, io) {
    if (typeof values.md !== 'string') throw new UsageError('Say where to write: --md DIR.');
    const out = resolve(io.cwd, values.md);
    const shown = relative(io.cwd, out) || '.';
    const loaded = await loadValidModel(values.content, io);
    if (!loaded) return EXIT.problems;
    if (overlaps(await realTarget(out).catch(() => out), await realTarget(loaded.dir))) {
      throw new UsageError(`${shown} overlaps the registry ${relative(io.cwd, loaded.dir) || '.'}; export to a folder outside it.`);
    }
    const info = await lstat(out).catch(() => undefined);
    if (info?.isSymbolicLink()) throw new UsageError(`${shown} is a symbolic link; give the folder itself.`);
    if (info && !info.isDirectory()) throw new UsageError(`${shown} is a file, not a folder.`);
    const existing = info ? await readdir(out) : [];
    const previous = info ? await recorded(out) : [];
    if (existing.length > 0 && previous === undefined) {
      io.err(`${shown} is not empty and was not written by plexus export; nothing was written.\nChoose an empty or new folder.`);
      return EXIT.problems;
    }
    let documents: Awaited<ReturnType<typeof renderRegistry>>;
    try {
      documents = await renderRegistry(loaded.model, { cwd: io.cwd });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      io.err(formatDiagnostic(error.diagnostic));
      return EXIT.problems;
    }
    const ours = new Set(previous);
    const paths = documents.map((d) => d.path);
    for (const path of paths) {
      const target = join(out, path);
      const there = await lstat(target).catch(() => undefined);
      if ((there && !ours.has(path)) || (there && !there.isFile()) || !(await realFolders(out, target))) {
        io.err(
          `${relative(io.cwd, target)} is in the way: export did not write it, so it will not replace it; nothing was written.\nMove it, or export to another folder.`,
        );
        return EXIT.problems;
      }
    }
    // Every file is written beside the target first, so a failed export changes nothing.
    await mkdir(dirname(out), { recursive: true });
    const staging = await mkdtemp(`${out}.plexus-tmp-`);
    try {
      for (const doc of documents) {
        const file = join(staging, doc.path);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, doc.markdown.endsWith('\n') ? doc.markdown : `${doc.markdown}\n`);
      }
      await mkdir(out, { recursive: true });
      for (const path of paths) {
        await mkdir(dirname(join(out, path)), { recursive: true });
        await rename(join(staging, path), join(out, path));
      }
      const kept = new Set(paths);
      for (const path of previous ?? []) {
        if (kept.has(path)) continue;
        const gone = join(out, path);
        if ((await lstat(gone).catch(() => undefined))?.isFile()) await rm(gone);
        // Folders the export made and emptied go too; a folder holding anything else stays.
        for (let dir = dirname(gone); dir.length > out.length; dir = dirname(dir))
          if (
            !(await rmdir(dir).then(
              () => true,
              () => false,
            ))
          )
            break;
      }
      await writeFile(join(out, MANIFEST), `# Written by plexus export: the next export replaces these files and deletes only these.\n${paths.join('\n')}\n`);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    io.out(`Wrote ${documents.length} documents to ${shown}/ (start at ${shown}/README.md).`);
    return EXIT.ok;
  },
};
