import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Model } from '../core/model.ts';
import { viewFigure } from '../diagrams/figure.ts';
import { LANDSCAPE_LIMIT, landscapeGraph } from '../diagrams/graph.ts';
import type { DiagramGraph } from '../diagrams/view-graph.ts';
import { type Fitted, fitGraph } from '../diagrams/layout-fit.ts';

/**
 * Generated diagrams, drawn in this process: each view is laid out once (ELK, in Node, no
 * browser) and kept by the hash of its graph in memory and under the cache folder, so an
 * unchanged view costs nothing next build; the SVG is written from the layout for each page.
 */
/** Bumped whenever layout.ts lays out the same graph differently, so no older layout is reused (2: star drawings, named arrows; 3: a phone column of areas; 4: long words broken after a part). */
export const LAYOUT_VERSION = 4;

const made = new Map<string, Promise<Fitted>>();

export function viewKey(g: DiagramGraph): string {
  return createHash('sha256')
    .update(JSON.stringify([LAYOUT_VERSION, g]))
    .digest('hex')
    .slice(0, 32);
}

/** The layouts of a view, from memory, the cache folder, or laid out now. */
export function fitted(g: DiagramGraph, cacheDir?: string): Promise<Fitted> {
  const key = viewKey(g);
  let found = made.get(key);
  if (!found) {
    found = (async () => {
      const file = cacheDir ? join(cacheDir, `view-${key}.json`) : undefined;
      if (file) {
        const cached = await readFile(file, 'utf8').then(JSON.parse, () => undefined);
        if (cached?.wide !== undefined && cached?.narrow !== undefined) return { graph: g, wide: cached.wide, narrow: cached.narrow } as Fitted;
      }
      const f = await fitGraph(g);
      if (file) {
        await mkdir(cacheDir!, { recursive: true });
        await writeFile(`${file}.tmp`, JSON.stringify({ wide: f.wide, narrow: f.narrow }));
        await rename(`${file}.tmp`, file).catch(() => {});
      }
      return f;
    })();
    made.set(key, found);
  }
  return found;
}

/**
 * The landscape that can be read: by area; for a systems registry with too many systems, by
 * domain; and where even that does not fit a canvas, the figure falls back to its table.
 */
export async function fittedLandscape(model: Model, cacheDir?: string): Promise<Fitted> {
  const byArea = landscapeGraph(model);
  const canGroup = model.systems.size > 0 && model.domains.size > 0;
  if (byArea.nodes.length <= LANDSCAPE_LIMIT || !canGroup) {
    const f = await fitted(byArea, cacheDir);
    if ((f.wide && f.narrow) || !canGroup) return f;
  }
  return fitted(landscapeGraph(model, 'domain'), cacheDir);
}

/** A view's figure for a page: `link` puts the base in front of a site path. */
export async function viewHtml(
  f: Fitted | Promise<Fitted>,
  link: (path: string) => string,
  titles: (id: string) => string,
  options: { full?: boolean } = {},
): Promise<string> {
  const done = await f;
  return viewFigure(done, { link, idPrefix: `v${viewKey(done.graph).slice(0, 8)}`, full: options.full }, titles);
}
