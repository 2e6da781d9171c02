import { registryJson } from '../render/registry-json.ts';
import { model } from '../site/data.ts';

/** The resolved model, for other tools. */
export function GET() {
  return new Response(registryJson(model), { headers: { 'content-type': 'application/json' } });
}
