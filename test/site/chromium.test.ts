// How Plexus finds the browser it draws diagrams in: nothing to configure on a machine with
// Chromium or Chrome on PATH (a GitHub runner's Chrome included), and a message naming what it
// tried when there is none.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, findChromium, noChromium } from '../../src/site/chromium.ts';

let root = '';
const bin = (name: string) => join(root, name);

async function fake(folder: string, name: string, executable = true) {
  await mkdir(join(root, folder), { recursive: true });
  const file = join(root, folder, name);
  await writeFile(file, '#!/bin/sh\n');
  await chmod(file, executable ? 0o755 : 0o644);
  return file;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'plexus-chromium-'));
  await fake('a', 'google-chrome');
  await fake('b', 'chromium');
  await fake('c', 'chromium-browser', false);
  await fake('d', 'google-chrome-stable');
  await fake('opt', 'chrome');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('finding Chromium or Chrome', () => {
  it('takes the commands on PATH in order (chromium before google-chrome), whichever folder comes first', () => {
    expect(chromiumPath({ PATH: [bin('a'), bin('b')].join(':') }, [])).toBe(join(root, 'b', 'chromium'));
    expect(chromiumPath({ PATH: bin('a') }, [])).toBe(join(root, 'a', 'google-chrome'));
    expect(chromiumPath({ PATH: bin('d') }, [])).toBe(join(root, 'd', 'google-chrome-stable'));
  });

  it('skips a file that cannot be run', () => {
    expect(findChromium({ PATH: bin('c') }, [])).toEqual({ tried: ['chromium, chromium-browser, google-chrome, google-chrome-stable on PATH'] });
  });

  it('finds one installed off PATH, as Chrome in /opt/google/chrome on a GitHub runner', () => {
    expect(chromiumPath({ PATH: bin('c') }, [join(root, 'missing'), join(root, 'opt', 'chrome')])).toBe(join(root, 'opt', 'chrome'));
  });

  it('takes PLEXUS_CHROMIUM first, and looks further when it names nothing that runs', () => {
    const chrome = join(root, 'a', 'google-chrome');
    expect(chromiumPath({ PLEXUS_CHROMIUM: chrome, PATH: bin('b') }, [])).toBe(chrome);
    expect(findChromium({ PLEXUS_CHROMIUM: join(root, 'nothing'), PATH: bin('b') }, [])).toEqual({
      path: join(root, 'b', 'chromium'),
      tried: [`PLEXUS_CHROMIUM=${join(root, 'nothing')}`],
    });
    expect(findChromium({ PLEXUS_CHROMIUM: 'none', PATH: bin('b') }, [])).toEqual({ tried: ['PLEXUS_CHROMIUM=none'] });
  });

  it('names everything it tried when there is none', () => {
    const places = [join(root, 'x', 'chrome')];
    expect(noChromium({ PLEXUS_CHROMIUM: '/no/chrome', PATH: bin('c') }, places)).toBe(
      `No Chromium or Chrome found (tried PLEXUS_CHROMIUM=/no/chrome, chromium, chromium-browser, google-chrome, google-chrome-stable on PATH, ${places[0]}). Install one, or set PLEXUS_CHROMIUM to its path.`,
    );
  });

  it('finds a browser on this machine without PLEXUS_CHROMIUM, as the browser tests need', () => {
    expect(chromiumPath({ PATH: process.env.PATH })).toMatch(/chrom/i);
  });
});
