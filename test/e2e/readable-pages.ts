import { readdir, readFile, stat } from 'node:fs/promises';
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

/** A page's type: its first path segment, two for the map's views and domains ('map/repository'). */
export const pageType = (page: string) =>
  page
    .split('/')
    .slice(0, page.startsWith('map/') || page.startsWith('systems/domain/') ? 2 : 1)
    .join('/');

/**
 * A sample of `pages` for a registry too big to walk whole: every page of a type with at most
 * `each` pages; of a larger type, its `largest` largest pages (the densest diagrams) and the rest
 * of `each` spread evenly over the type.
 */
export async function samplePerType(dist: string, pages: readonly string[], each: number, largest: number): Promise<string[]> {
  const byType = Map.groupBy(pages, pageType);
  const sample: string[] = [];
  for (const list of byType.values()) {
    if (list.length <= each) {
      sample.push(...list);
      continue;
    }
    const sizes = new Map(await Promise.all(list.map(async (p) => [p, (await stat(join(dist, p, 'index.html'))).size] as const)));
    const biggest = [...list].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a.localeCompare(b)).slice(0, largest);
    const rest = list.filter((p) => !biggest.includes(p));
    const step = rest.length / (each - largest);
    sample.push(...biggest, ...Array.from({ length: each - largest }, (_, i) => rest[Math.floor(i * step)]!));
  }
  return sample.sort();
}
