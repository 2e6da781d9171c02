// Screenshots of a built site for a person to look at: every page type (or the paths given) at a
// laptop and a phone width, light and dark, each cut into screen-high parts so long pages stay
// legible. `npm run screenshots -- [--dist DIR] [--out DIR] [PATH…]` (defaults: dist/, .cache/screenshots).
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from '../test/e2e/browser.ts';
import { PAGE_TYPES } from '../test/e2e/page-types.ts';
import { serve } from '../test/e2e/static-server.ts';

const { values, positionals } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: '.cache/screenshots' } },
  allowPositionals: true,
});
const paths = positionals.length > 0 ? positionals.map((p) => p.replace(/^\//, '')) : PAGE_TYPES;
const out = resolve(values.out);
await mkdir(out, { recursive: true });
const server = await serve(resolve(values.dist), '/');
const browser = await launch();
const sizes = [
  { name: 'laptop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
let files = 0;
try {
  for (const path of paths) {
    const slug = path.replace(/\/$/, '').replace(/[^\w.-]+/g, '_') || 'home';
    for (const size of sizes) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, colorScheme: scheme });
        await page.goto(server.url + path, { waitUntil: 'load' });
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const part = size.height * 2;
        for (let y = 0, n = 1; y < height; y += part, n++) {
          await page.screenshot({
            path: join(out, `${slug}-${size.name}-${scheme}-${n}.png`),
            fullPage: true,
            clip: { x: 0, y, width: size.width, height: Math.min(part, height - y) },
          });
          files++;
        }
        await page.close();
      }
    }
    console.log(`${path || '/'}: done`);
  }
} finally {
  await browser.close();
  server.server.close();
}
console.log(`${files} screenshots of ${paths.length} pages in ${out}.`);
