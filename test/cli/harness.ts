// What the CLI tests share: running a command with a captured Io, and a registry written into a
// temporary folder from the test's fixture files.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Io } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';

/** Runs `plexus …args` in `cwd` with `env`; its exit code and what it printed to stdout and stderr. */
export async function runIn(cwd: string, args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { cwd, env, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runMain(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Writes `files` (path → text) into `root/name`; returns `name`. */
export async function writeRegistry(root: string, name: string, files: Record<string, string>): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, name, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return name;
}
