import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generateRegistry } from '../src/synthetic/generate.ts';

/** Writes the generated registry of about `integrations` integrations into `dir` (replacing it), as every site benchmark uses it. */
export async function writeRegistry(integrations: number, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  for (const [path, text] of generateRegistry(Math.round(integrations / 0.6), 42)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}
