import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser } from 'playwright-core';

/** Browser commands looked for on PATH, in this order. */
export const CHROMIUM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Where a browser may be installed off PATH: GitHub's runners keep Chrome in /opt/google/chrome, macOS in /Applications. */
export const CHROMIUM_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const runnable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * The browser diagrams are drawn in, and what was tried to find it: PLEXUS_CHROMIUM (a path), then
 * chromium, chromium-browser, google-chrome and google-chrome-stable on PATH, then the places
 * browsers are installed off PATH. PLEXUS_CHROMIUM=none finds none (diagrams are drawn in the
 * reader's browser).
 */
export function findChromium(env: Record<string, string | undefined> = process.env, places = CHROMIUM_PLACES): { path?: string; tried: string[] } {
  const tried: string[] = [];
  if (env.PLEXUS_CHROMIUM === 'none') return { tried: ['PLEXUS_CHROMIUM=none'] };
  if (env.PLEXUS_CHROMIUM) {
    if (runnable(env.PLEXUS_CHROMIUM)) return { path: env.PLEXUS_CHROMIUM, tried };
    tried.push(`PLEXUS_CHROMIUM=${env.PLEXUS_CHROMIUM}`);
  }
  const exe = process.platform === 'win32' ? '.exe' : '';
  const folders = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const command of CHROMIUM_COMMANDS) {
    const found = folders.map((folder) => join(folder, command + exe)).find(runnable);
    if (found) return { path: found, tried };
  }
  tried.push(`${CHROMIUM_COMMANDS.join(', ')} on PATH`);
  for (const place of places) {
    if (runnable(place)) return { path: place, tried };
    tried.push(place);
  }
  return { tried };
}

/** The browser diagrams are drawn in (see findChromium), or undefined. */
export function chromiumPath(env: Record<string, string | undefined> = process.env, places = CHROMIUM_PLACES): string | undefined {
  return findChromium(env, places).path;
}

/** Why no browser was found, naming what was tried. */
export function noChromium(env: Record<string, string | undefined> = process.env, places = CHROMIUM_PLACES): string {
  return `No Chromium or Chrome found (tried ${findChromium(env, places).tried.join(', ')}). Install one, or set PLEXUS_CHROMIUM to its path.`;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    // Offline, no sandbox as root, and nothing phoning home: what headless drawing needs.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
