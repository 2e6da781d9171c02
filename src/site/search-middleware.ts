import { defineMiddleware } from 'astro:middleware';
import { buildChannel } from './build-channel.ts';
import { outputPath, searchableHtml } from './search-page.ts';

const decoder = new TextDecoder();

/** Hands every page rendered at build time to the search index (see pagefind-integration.ts). */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const search = buildChannel().search;
  if (!search || !context.isPrerendered || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const file = outputPath(context.url.pathname, import.meta.env.BASE_URL);
  if (file === '404.html') return response; // "Page not found" is no search result.
  if (file.startsWith('map/')) return response; // A diagram's own page restates its entity's page, which is the result.
  // Read as bytes and hand the same bytes back: re-encoding the page as a new string body costs more.
  const bytes = await response.arrayBuffer();
  search(file, searchableHtml(decoder.decode(bytes)));
  return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
});
