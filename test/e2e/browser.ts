import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../../src/site/chromium.ts';

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set PLEXUS_CHROMIUM.');
  return launchChromium(executablePath);
}
