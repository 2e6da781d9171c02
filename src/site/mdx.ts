/**
 * MDX documents render through @astrojs/mdx so their expressions and elements work. They are
 * found with a glob over the registry's docs/ folder (`@plexus-content`, resolved by the plexus
 * integration), not an Astro content collection: Plexus already reads and validates their front
 * matter, and a collection made every build ~1 s slower (content sync) with or without MDX.
 */
type MdxModule = { default: (props: Record<string, unknown>) => unknown };
const modules = import.meta.glob<MdxModule>('@plexus-content/docs/**/*.mdx');
const byId = new Map(Object.entries(modules).map(([file, load]) => [file.replace(/^.*?\/docs\//, '').replace(/\.mdx$/, ''), load]));

/** The compiled component of document `id` (its path under docs/, no extension). */
export async function mdxContent(id: string): Promise<MdxModule['default']> {
  const load = byId.get(id);
  if (!load) throw new Error(`No MDX module for document ${id} (found: ${[...byId.keys()].join(', ') || 'none'})`);
  return (await load()).default;
}
