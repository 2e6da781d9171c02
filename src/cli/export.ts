import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { TemplateError } from '../render/engine.ts';
import { renderRegistry } from '../render/load.ts';
import { EXIT, UsageError } from './io.ts';
import { loadValidModel } from './load.ts';
import type { Command } from './main.ts';

/** Marks a folder as written by `plexus export`, so a later export may replace it whole. */
const MARKER = '.plexus-export';

export const exportCommand: Command = {
  summary: 'Write every rendered document as plain GitHub-flavoured Markdown.',
  usage: 'plexus export --md DIR [--content DIR]',
  options: { md: { type: 'string' }, content: { type: 'string' } },
  async run({ values }, io) {
    if (typeof values.md !== 'string') throw new UsageError('Say where to write: --md DIR.');
    const out = resolve(io.cwd, values.md);
    const shown = relative(io.cwd, out) || '.';
    const existing = await readdir(out).catch(() => undefined);
    if (existing && existing.length > 0 && !existing.includes(MARKER)) {
      io.err(`${shown} is not empty and was not written by plexus export; nothing was written.\nChoose an empty or new folder.`);
      return EXIT.problems;
    }
    if ((await stat(out).catch(() => undefined))?.isFile()) throw new UsageError(`${shown} is a file, not a folder.`);
    const loaded = await loadValidModel(values.content, io);
    if (!loaded) return EXIT.problems;
    let documents: Awaited<ReturnType<typeof renderRegistry>>;
    try {
      documents = await renderRegistry(loaded.model, { cwd: io.cwd });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      io.err(formatDiagnostic(error.diagnostic));
      return EXIT.problems;
    }
    // Write beside the target, then swap, so a failed export never leaves a half-written folder.
    const staging = `${out}.plexus-tmp-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    try {
      for (const doc of documents) {
        const file = join(staging, doc.path);
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, doc.markdown.endsWith('\n') ? doc.markdown : `${doc.markdown}\n`);
      }
      await writeFile(join(staging, MARKER), 'Written by plexus export; the next export replaces this folder.\n');
      await rm(out, { recursive: true, force: true });
      await rename(staging, out);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    io.out(`Wrote ${documents.length} documents to ${shown}/ (start at ${shown}/README.md).`);
    return EXIT.ok;
  },
};
