// The plexus bin explains itself on a Node too old for Plexus, in a checkout and in a team's
// project, which (since it no longer brings a Node of its own) may well run the system's.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
/** The machine's own Node, older than Plexus needs here (Debian's 20); skipped where there is none. */
const OLD_NODE = '/usr/bin/node';
const old = existsSync(OLD_NODE) && Number((await run(OLD_NODE, ['-p', 'process.versions.node.split(".")[0]'])).stdout) < 22;
const temp = await mkdtemp(join(tmpdir(), 'plexus-old-node-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

async function plexus(bin: string): Promise<{ code: number; err: string }> {
  try {
    await run(OLD_NODE, [bin, 'check']);
    return { code: 0, err: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, err: e.stderr };
  }
}

describe.skipIf(!old)('plexus on a Node older than 22.12', () => {
  it('says how to run it in a checkout, exit 2', async () => {
    const { code, err } = await plexus(join(ROOT, 'bin', 'plexus.mjs'));
    const version = (await run(OLD_NODE, ['-p', 'process.versions.node'])).stdout.trim();
    expect([code, err]).toEqual([
      2,
      `Plexus needs Node 22.12 or newer; this is Node ${version} (${OLD_NODE}).\nRun commands through npm (npm run …, npm test, npx plexus …) so the pinned Node from\nnode_modules/.bin is used, and run \`npm install\` first if node_modules is missing.\n`,
    ]);
  });

  it('says what to install in a team project, exit 2', async () => {
    await mkdir(join(temp, 'bin'));
    await copyFile(join(ROOT, 'bin', 'plexus.mjs'), join(temp, 'bin', 'plexus.mjs'));
    const { code, err } = await plexus(join(temp, 'bin', 'plexus.mjs'));
    expect(code).toBe(2);
    expect(err).toMatch(
      /^Plexus needs Node 22\.12 or newer; this is Node 20\.\S+ \(\/usr\/bin\/node\)\.\nInstall Node 22\.12 or newer \(24 LTS is what Plexus is tested on; your project says so under\n"engines" in package.json\), then run the command again\.\n$/,
    );
  });
});
