// plexus init [DIR]: a new registry project of the team's own, depending on Plexus. What it
// writes, and how, is src/init/write.ts, shared with `npm create plexus` (packages/create-plexus).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ProjectRefused, writeProject } from '../init/write.ts';
import { plexusRoot } from '../site/root.ts';
import { EXIT, UsageError } from './io.ts';
import type { Command } from './command.ts';

const root = plexusRoot(import.meta.dirname);

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

export const init: Command = {
  summary: 'Start a registry project of your own: package.json depending on Plexus, a small valid registry, CI and Pages workflows, editor settings.',
  usage: 'plexus init [DIR] [--example] [--force]',
  args: { min: 0, max: 1, name: 'DIR' },
  options: {
    example: { type: 'boolean', description: 'start from the full Eventful example instead of a small registry' },
    force: { type: 'boolean', description: 'add what is missing to a folder that is not empty (nothing there is replaced)' },
  },
  env: ['PLEXUS_TODAY'],
  async run({ values, positionals }, io) {
    const plexusVersion = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version as string;
    try {
      const code = await writeProject({
        dir: positionals[0] ?? '.',
        cwd: io.cwd,
        env: io.env,
        plexusVersion,
        force: values.force === true,
        example: values.example ? await exampleFiles() : undefined,
        out: io.out,
        err: io.err,
      });
      return code === 0 ? EXIT.ok : EXIT.problems;
    } catch (error) {
      if (error instanceof ProjectRefused) throw new UsageError(error.message);
      throw error;
    }
  },
};
