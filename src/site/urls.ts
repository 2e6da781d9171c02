import { model } from './data.ts';
import { pages, withBase } from './paths.ts';

/** Every internal URL goes through here, so the site works under a GitHub Pages base path. */
export const href = (path: string) => withBase(import.meta.env.BASE_URL, path);

/** The page of a diagram node's key, if it has one: a repository or a resource. */
export function pageOfNode(key: string): string | undefined {
  if (model.repositories.has(key)) return href(pages.repository(key));
  const resource = key.startsWith('resource:') ? key.slice('resource:'.length) : undefined;
  return resource && model.resources.has(resource) ? href(pages.resource(resource)) : undefined;
}
