/**
 * Variables that a parent Vite or Vitest process sets (BASE_URL, MODE, NODE_ENV=test…) and that
 * would change what Astro builds if inherited: a build under Vitest came out without its base path.
 */
const INHERITED_VITE = /^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/;

export function withoutViteEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !INHERITED_VITE.test(e[0])));
}
