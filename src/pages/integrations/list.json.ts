import { integrationList } from '../../site/lists.ts';
import { model } from '../../site/data.ts';

/** Every integration as a list row: what the list's filter and sort work on in the browser. */
export function GET() {
  return new Response(JSON.stringify(integrationList(model).rows), { headers: { 'content-type': 'application/json' } });
}
