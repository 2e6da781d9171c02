import { drawn } from '../../site/data.ts';

/**
 * Each drawn diagram as a standalone SVG, the full-size view, in `npm run dev`. A build copies
 * the same files from the diagram cache instead (src/site/diagram-files.ts), which is faster.
 */
export function getStaticPaths() {
  return import.meta.env.DEV ? drawn.files().map(([key, svg]) => ({ params: { key }, props: { svg } })) : [];
}

export function GET({ props }: { props: { svg: string } }) {
  return new Response(props.svg, { headers: { 'content-type': 'image/svg+xml' } });
}
