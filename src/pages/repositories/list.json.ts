import { repositoryList } from '../../site/lists.ts';
import { model } from '../../site/data.ts';

/** Every repository as a list row: what the list's filter and sort work on in the browser. */
export function GET() {
  return new Response(JSON.stringify(repositoryList(model).rows), { headers: { 'content-type': 'application/json' } });
}
