import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { clientDiagrams } from '../../site/data.ts';

/**
 * Mermaid's prebuilt browser bundle, published only when some diagram must be drawn in the
 * reader's browser (and always in `npm run dev`). Served as a file rather than bundled, so builds that draw every diagram
 * themselves never pay for bundling it.
 */
export function getStaticPaths() {
  // `npm run dev` may need it at any time: a diagram that fails to draw in the background.
  return import.meta.env.DEV || clientDiagrams() ? [{ params: { file: 'mermaid.min.js' } }] : [];
}

export async function GET() {
  const bundle = await readFile(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'));
  return new Response(bundle, { headers: { 'content-type': 'text/javascript' } });
}
