import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A built page that shows a generated view: `<figure class="diagram view" …>`. */
const VIEW = /<figure[^>]*class="[^"]*\bview\b/;

/**
 * Every page of a built site that shows a view, as paths under the base ('' for the home page),
 * sorted; for the readability rule of issue 24 on every page with a diagram.
 */
export async function pagesWithViews(dist: string): Promise<string[]> {
  const files = (await readdir(dist, { recursive: true })).filter((f) => f === 'index.html' || f.endsWith('/index.html'));
  const pages: string[] = [];
  for (const file of files) {
    if (VIEW.test(await readFile(join(dist, file), 'utf8'))) pages.push(relative(dist, join(dist, file)).replace(/index\.html$/, ''));
  }
  return pages.sort();
}
