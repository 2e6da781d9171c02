import { lstat, mkdir, mkdtemp, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { overlaps, realTarget } from '../build/output.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { type Fence, fence, GateError, hiddenPath, readGated } from '../core/gate.ts';
import { moveGated, refusedFolders, removeGated, writeGated } from '../core/gate-write.ts';
import { TemplateError } from '../render/engine.ts';
import { renderRegistry } from '../render/load.ts';
import { EXIT, type Io, UsageError } from './io.ts';
import { loadValidModel } from './load.ts';
import { CONTENT_OPTION } from './check.ts';
import { type Command, NO_ARGS } from './command.ts';

/**
 * Marks a folder as written by `plexus export` and lists the files it wrote there, one a line:
 * a later export replaces and deletes only those, and leaves anything else in the folder alone.
 */
const MANIFEST = '.plexus-export';

/** Far more than the list of any registry's documents: a bigger "manifest" was not written by export. */
const MANIFEST_LIMIT = 16 * 1024 * 1024;

/** Said after every path export refuses to write or delete because a link is on its way. */
const LINK_REFUSED = 'Nothing was written or deleted. Remove the link, or export to another folder.';

/**
 * The files a previous export recorded writing, undefined when there is no manifest. Read through
 * the gate: a manifest that is a link out is refused (a GateError), never read from elsewhere.
 */
async function recorded(gate: Fence, shown: string): Promise<string[] | undefined> {
  let text: string;
  try {
    text = new TextDecoder().decode(await readGated(gate, MANIFEST, MANIFEST_LIMIT, shown, { dotFile: true }));
  } catch (error) {
    if (error instanceof GateError && error.reason === 'missing') return undefined;
    throw error;
  }
  // Older exports wrote a one-line note and no list: nothing is known to be theirs, so nothing is deleted.
  // Export writes no dot-file but the manifest, so a listed one is not its own.
  return text.split('\n').filter((line) => line && !line.startsWith('#') && !line.includes('..') && !line.startsWith('/') && !hiddenPath(line));
}

/** Deletes a file a previous export wrote, and the folders it made that are now empty; a folder holding anything else stays. */
async function removeStale(gate: Fence, path: string, shown: string): Promise<void> {
  await removeGated(gate, path, shown);
  for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
    // rmdir does not follow a final link; the check keeps it from reaching through one above.
    if ((await refusedFolders(gate, [dir])).length > 0) break;
    if (
      !(await rmdir(join(gate.dir, dir)).then(
        () => true,
        () => false,
      ))
    )
      break;
  }
}

/** Why a GateError stopped the export, and what to do about it. */
const refusal = (error: GateError) =>
  `${error.message}\n${error.reason === 'link-out' || error.reason === 'dangling' ? LINK_REFUSED : 'Nothing was written or deleted. Move it, or export to another folder.'}`;

/**
 * What stops the export before it changes anything, or undefined: a path it would write or delete
 * that crosses a link (every one is named), then a file there that export did not write.
 */
async function obstacle(gate: Fence, writes: string[], stale: string[], ours: Set<string>, show: (path: string) => string): Promise<string | undefined> {
  const crossing = await refusedFolders(gate, [...writes, ...stale], show);
  if (crossing.length > 0) return [...crossing.map((error) => error.message), LINK_REFUSED].join('\n');
  for (const path of writes) {
    const there = await lstat(join(gate.dir, path)).catch(() => undefined);
    if (there && (!ours.has(path) || !there.isFile()))
      return `${show(path)} is in the way: export did not write it, so it will not replace it; nothing was written.\nMove it, or export to another folder.`;
  }
  for (const path of stale) {
    const there = await lstat(join(gate.dir, path)).catch(() => undefined);
    if (there && !there.isFile())
      return `${show(path)} is not the file export wrote there, so it will not delete it; nothing was written.\nMove it, or export to another folder.`;
  }
  return undefined;
}

/** The folder a first export writes into, made now: one that turned into a link meanwhile is refused. */
async function madeFence(out: string, shown: string): Promise<Fence> {
  await mkdir(out, { recursive: true });
  if ((await lstat(out)).isSymbolicLink()) throw new UsageError(`${shown} is a symbolic link; give the folder itself.`);
  return fence(out);
}

type Documents = Awaited<ReturnType<typeof renderRegistry>>;

/**
 * Writes every document beside the target first, so that a failure while writing changes nothing,
 * then moves them in, deletes the stale files and records what is there now, all through the gate.
 * Returns the stale files it was refused deleting (a folder turned into a link meanwhile): they
 * stay recorded, so a later export deletes them once it may.
 */
async function publish(gate: Fence | undefined, out: string, documents: Documents, stale: string[], show: (path: string) => string, io: Io) {
  await mkdir(dirname(out), { recursive: true });
  const staging = await mkdtemp(`${out}.plexus-tmp-`);
  try {
    for (const doc of documents) {
      const file = join(staging, doc.path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, doc.markdown.endsWith('\n') ? doc.markdown : `${doc.markdown}\n`);
    }
    const into = gate ?? (await madeFence(out, show('.')));
    for (const doc of documents) await moveGated(into, join(staging, doc.path), doc.path, show(doc.path));
    const left: string[] = [];
    for (const path of stale) {
      try {
        await removeStale(into, path, show(path));
      } catch (error) {
        if (!(error instanceof GateError)) throw error;
        io.err(`${error.message}; it was not deleted.`);
        left.push(path);
      }
    }
    const list = [...documents.map((d) => d.path), ...left];
    await writeGated(into, MANIFEST, `# Written by plexus export: the next export replaces these files and deletes only these.\n${list.join('\n')}\n`, {
      shown: show(MANIFEST),
    });
    return left;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export const exportCommand: Command = {
  summary: 'Write every rendered document as plain GitHub-flavoured Markdown.',
  usage: 'plexus export --md DIR [--content DIR]',
  args: NO_ARGS,
  options: {
    md: { type: 'string', value: 'DIR', description: 'the folder to write the Markdown into (required): new, empty, or an earlier export' },
    content: CONTENT_OPTION,
  },
  env: ['PLEXUS_CONTENT', 'PLEXUS_TODAY'],
  async run({ values }, io) {
    if (typeof values.md !== 'string') throw new UsageError('Say where to write: --md DIR.');
    const out = resolve(io.cwd, values.md);
    const shown = relative(io.cwd, out) || '.';
    const show = (path: string) => relative(io.cwd, join(out, path)) || '.';
    const loaded = await loadValidModel(values.content, io);
    if (!loaded) return EXIT.problems;
    if (overlaps(await realTarget(out).catch(() => out), await realTarget(loaded.dir))) {
      throw new UsageError(`${shown} overlaps the registry ${relative(io.cwd, loaded.dir) || '.'}; export to a folder outside it.`);
    }
    const info = await lstat(out).catch(() => undefined);
    if (info?.isSymbolicLink()) throw new UsageError(`${shown} is a symbolic link; give the folder itself.`);
    if (info && !info.isDirectory()) throw new UsageError(`${shown} is a file, not a folder.`);
    // Every write, delete and read below is fenced at the folder: nothing crosses a link out of it.
    const gate = info ? await fence(out) : undefined;
    const existing = info ? await readdir(out) : [];
    let previous: string[] | undefined = [];
    try {
      if (gate) previous = await recorded(gate, show(MANIFEST));
    } catch (error) {
      if (!(error instanceof GateError)) throw error;
      io.err(refusal(error));
      return EXIT.problems;
    }
    if (existing.length > 0 && previous === undefined) {
      io.err(`${shown} is not empty and was not written by plexus export; nothing was written.\nChoose an empty or new folder.`);
      return EXIT.problems;
    }
    let documents: Documents;
    try {
      documents = await renderRegistry(loaded.model, { cwd: io.cwd });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      io.err(formatDiagnostic(error.diagnostic));
      return EXIT.problems;
    }
    const paths = documents.map((d) => d.path);
    const kept = new Set(paths);
    const stale = (previous ?? []).filter((path) => !kept.has(path));
    const stop = gate && (await obstacle(gate, [...paths, MANIFEST], stale, new Set([...(previous ?? []), MANIFEST]), show));
    if (stop) {
      io.err(stop);
      return EXIT.problems;
    }
    let left: string[];
    try {
      left = await publish(gate, out, documents, stale, show, io);
    } catch (error) {
      // Only a folder turned into a link while export worked gets here: what was written stays, nothing went through it.
      if (!(error instanceof GateError)) throw error;
      io.err(`${error.message}\nThe export stopped part way; nothing was written through a link. Remove the link and export again.`);
      return EXIT.problems;
    }
    io.out(`Wrote ${documents.length} documents to ${shown}/ (start at ${shown}/README.md).`);
    if (left.length > 0) {
      io.err(`${left.length === 1 ? 'A stale file was' : `${left.length} stale files were`} not deleted; the next export tries again.`);
      return EXIT.problems;
    }
    return EXIT.ok;
  },
};
