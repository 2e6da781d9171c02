// Publishing drawn diagrams full size at /diagrams/<key>.svg in a build (diagram-files.ts).
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildChannel } from '../../src/site/build-channel.ts';
import diagramFiles from '../../src/site/diagram-files.ts';

type Hooks = Record<string, (options: unknown) => unknown>;

let site: string;
beforeEach(async () => {
  site = await mkdtemp(join(tmpdir(), 'plexus-diagram-files-'));
});
afterEach(async () => {
  delete buildChannel().publishDiagrams;
  await rm(site, { recursive: true, force: true });
});

/** Runs the integration's build hooks in Astro's order, the pages handing over `files`. */
async function build(integration: AstroIntegration, files: [string, string][] | undefined): Promise<string[]> {
  const hooks = integration.hooks as Hooks;
  const logged: string[] = [];
  const logger = { info: (line: string) => logged.push(line) };
  const dir = pathToFileURL(`${site}/`);
  await hooks['astro:build:start']!({ logger });
  if (files) buildChannel().publishDiagrams!(files);
  await hooks['astro:build:generated']!({ dir, logger });
  await hooks['astro:build:done']!({ dir, logger });
  return logged;
}

describe('diagramFiles', () => {
  it('writes each drawing the pages handed over as checked, once per key, and says how many', async () => {
    const logged = await build(diagramFiles(), [
      ['a'.repeat(32), '<svg id="a"></svg>'],
      ['b'.repeat(32), '<svg id="b"></svg>'],
      ['a'.repeat(32), '<svg id="a"></svg>'],
    ]);
    expect((await readdir(join(site, 'diagrams'))).sort()).toEqual([`${'a'.repeat(32)}.svg`, `${'b'.repeat(32)}.svg`]);
    expect(await readFile(join(site, 'diagrams', `${'b'.repeat(32)}.svg`), 'utf8')).toBe('<svg id="b"></svg>');
    expect(logged).toEqual(['2 diagrams published full size.']);
    expect(buildChannel().publishDiagrams).toBeUndefined();
  });

  it('writes nothing and says nothing when no diagram was drawn', async () => {
    expect(await build(diagramFiles(), undefined)).toEqual([]);
    expect(await readdir(site)).toEqual([]);
  });

  it('publishes only the drawings of its own build when one integration sees a second build', async () => {
    const integration = diagramFiles();
    await build(integration, [['d'.repeat(32), '<svg id="d"></svg>']]);
    await rm(join(site, 'diagrams'), { recursive: true });
    expect(await build(integration, undefined)).toEqual([]);
    expect(await readdir(site)).toEqual([]);
  });

  it('fails the build rather than overwrite a file it did not write', async () => {
    const integration = diagramFiles();
    const hooks = integration.hooks as Hooks;
    await hooks['astro:build:start']!({});
    buildChannel().publishDiagrams!([['c'.repeat(32), '<svg id="new"></svg>']]);
    await mkdir(join(site, 'diagrams'));
    await writeFile(join(site, 'diagrams', `${'c'.repeat(32)}.svg`), 'kept');
    const dir = pathToFileURL(`${site}/`);
    await hooks['astro:build:generated']!({ dir });
    await expect(hooks['astro:build:done']!({ dir, logger: { info() {} } })).rejects.toThrow(/EEXIST/);
    expect(await readFile(join(site, 'diagrams', `${'c'.repeat(32)}.svg`), 'utf8')).toBe('kept');
  });
});
