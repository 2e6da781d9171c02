import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/**
 * The browser diagrams are drawn in: PLEXUS_CHROMIUM (a path, or `none` to draw in the reader's
 * browser instead), else the system's Chromium or Chrome.
 */
export function chromiumPath(): string | undefined {
  if (process.env.PLEXUS_CHROMIUM === 'none') return undefined;
  const candidates = [process.env.PLEXUS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((p): p is string => !!p && existsSync(p));
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
