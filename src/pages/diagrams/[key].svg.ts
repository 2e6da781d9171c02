import { drawn } from '../../site/registry.ts';

/** Each drawn diagram as a standalone SVG: the full-size view, zoomable by the browser itself. */
export function getStaticPaths() {
  return drawn.files().map(([key]) => ({ params: { key } }));
}

export function GET({ params }: { params: { key: string } }) {
  const svg = drawn.files().find(([key]) => key === params.key)![1];
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, { headers: { 'content-type': 'image/svg+xml' } });
}
