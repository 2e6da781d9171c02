import { integrationRows } from '../../site/list-data.ts';
import { model } from '../../site/data.ts';

/** Every integration as a list row: what the list's filter and sort work on in the browser. */
export function GET() {
  return new Response(JSON.stringify(integrationRows(model)), { headers: { 'content-type': 'application/json' } });
}
