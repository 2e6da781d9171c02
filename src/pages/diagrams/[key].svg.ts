import { drawn } from '../../site/registry.ts';

/** Each drawn diagram as a standalone SVG: the full-size view, zoomable by the browser itself. */
export function getStaticPaths() {
  return drawn.files().map(([key, svg]) => ({ params: { key }, props: { svg } }));
}

export function GET({ props }: { props: { svg: string } }) {
  const { svg } = props;
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, { headers: { 'content-type': 'image/svg+xml' } });
}
