import { model } from '../../site/data.ts';
import { searchNames } from '../../site/search-names.ts';
import { withBase } from '../../site/paths.ts';

/** Entity names, ids, kinds and pages: search suggests from them when Pagefind finds nothing. */
export function GET() {
  const base = import.meta.env.BASE_URL;
  return new Response(JSON.stringify(searchNames(model).map(([name, id, kind, path]) => [name, id, kind, withBase(base, path)])), {
    headers: { 'content-type': 'application/json' },
  });
}
