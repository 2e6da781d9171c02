import { jsonSchemas } from '../../core/json-schema.ts';

/** The JSON Schemas editors use, published beside the site: point `$schema` at them from any registry. */
export function getStaticPaths() {
  return Object.keys(jsonSchemas()).map((name) => ({ params: { name: `${name}.schema` } }));
}

export function GET({ params }: { params: { name: string } }) {
  const text = jsonSchemas()[params.name.replace(/\.schema$/, '') as keyof ReturnType<typeof jsonSchemas>];
  return new Response(text, { headers: { 'content-type': 'application/schema+json' } });
}
