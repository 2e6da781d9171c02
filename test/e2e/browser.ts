import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium, noChromium } from '../../src/site/chromium.ts';

export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(noChromium());
  return launchChromium(executablePath);
}
