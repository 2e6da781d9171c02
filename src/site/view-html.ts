import { areaGraph, eventGraph, neighbourhoodGraph, sequenceOf } from '../diagrams/graph.ts';
import { config, model } from './data.ts';
import { diagramCacheDir } from './diagram-files.ts';
import { href } from './urls.ts';
import { fitted, fittedLandscape, viewHtml } from './views.ts';

/** The generated views as the site's pages show them, drawn in this process (src/site/views.ts). */
const cache = diagramCacheDir(config.cacheDir);
const title = (id: string) => model.integrations.get(id)?.data.title ?? id;
const html = (f: Parameters<typeof viewHtml>[0], full?: boolean) => viewHtml(f, href, title, { full });

export const views = {
  landscape: (full?: boolean) => html(fittedLandscape(model, cache), full),
  area: (key: string, full?: boolean) => {
    const g = areaGraph(model, key);
    return g ? html(fitted(g, cache), full) : Promise.resolve('');
  },
  repository: (id: string, full?: boolean) => html(fitted(neighbourhoodGraph(model, id), cache), full),
  event: (id: string, full?: boolean) => html(fitted(eventGraph(model, id), cache), full),
  sequence: (id: string) => {
    const g = sequenceOf(model, id);
    return g ? html(fitted(g, cache)) : Promise.resolve('');
  },
};
