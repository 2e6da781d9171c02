import { chromium } from 'playwright-core';
import { serve } from '../test/e2e/static-server.ts';
const [dir, scheme, ...paths] = process.argv.slice(2);
const server = await serve(dir!, '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [i, p] of paths.entries()) {
  for (const [w, h, tag] of [
    [1366, 900, 'd'],
    [390, 844, 'm'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme as 'dark' | 'light' });
    await page.goto(`${server.url}${p}`);
    await page.screenshot({ path: `/tmp/shot-${i}-${tag}.png`, fullPage: tag === 'm' ? false : true });
    await page.close();
  }
}
await browser.close();
process.exit(0);
