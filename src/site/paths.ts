/** Site paths (without the base) of every page kind: the one place that knows the URL scheme. */
export const pages = {
  home: '/',
  registry: '/registry/',
  /** The Integration Registry document as `plexus export --md` writes it, for print. */
  printable: '/registry/printable/',
  patterns: '/patterns/',
  system: '/system/',
  /** A part of a big registry's system page: `domain/commerce`, `system/payments`. */
  systemPart: (slug: string, n = 1) => `/system/${slug.split('/').map(encodeURIComponent).join('/')}/${n <= 1 ? '' : `page/${n}/`}`,
  repositories: '/repositories/',
  repositoriesPage: (n: number) => (n <= 1 ? '/repositories/' : `/repositories/page/${n}/`),
  /** Every repository as list rows, for the list's filter and sort. */
  repositoriesList: '/repositories/list.json',
  integrations: '/integrations/',
  integrationsPage: (n: number) => (n <= 1 ? '/integrations/' : `/integrations/page/${n}/`),
  /** Every integration as list rows, for the list's filter and sort. */
  integrationsList: '/integrations/list.json',
  events: '/events/',
  eventsPage: (n: number) => (n <= 1 ? '/events/' : `/events/page/${n}/`),
  /** Every event as list rows, for the list's filter and sort. */
  eventsList: '/events/list.json',
  teams: '/teams/',
  protocols: '/protocols/',
  gateway: '/gateway/',
  data: '/data/',
  health: '/health/',
  quality: '/quality/',
  resources: '/resources/',
  systems: '/systems/',
  docs: '/docs/',
  formats: '/formats/',
  registryJson: '/registry.json',
  schema: (name: string) => `/schemas/${encodeURIComponent(name)}.schema.json`,
  repository: (id: string) => `/repositories/${encodeURIComponent(id)}/`,
  integration: (id: string) => `/integrations/${encodeURIComponent(id)}/`,
  /** Page `n` (from 2) of a large spec's operations; page 1 is on the integration's page. */
  integrationOperations: (id: string, n: number) =>
    n <= 1 ? `/integrations/${encodeURIComponent(id)}/` : `/integrations/${encodeURIComponent(id)}/operations/${n}/`,
  event: (id: string) => `/events/${encodeURIComponent(id)}/`,
  team: (id: string) => `/teams/${encodeURIComponent(id)}/`,
  resource: (id: string) => `/resources/${encodeURIComponent(id)}/`,
  systemDetail: (id: string) => `/systems/${encodeURIComponent(id)}/`,
  domain: (id: string) => `/systems/domain/${encodeURIComponent(id)}/`,
  protocol: (id: string) => `/protocols/${encodeURIComponent(id)}/`,
  pattern: (id: string) => `/patterns/${encodeURIComponent(id)}/`,
  doc: (id: string) => `/docs/${id.split('/').map(encodeURIComponent).join('/')}/`,
  /** The static list of integrations of one type, status or team; page `n` from 2 below it. */
  filter: (by: 'type' | 'status' | 'team', value: string, n = 1) => `/integrations/${by}/${encodeURIComponent(value)}/${n <= 1 ? '' : `page/${n}/`}`,
} as const;

/** `/x/` under a base path such as `/registry`: every internal URL goes through here. */
export function withBase(base: string, path: string): string {
  const root = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${root}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * The site page of an exported document path (`repositories/x.md`, `docs/a/README.md`,
 * `integration-registry.md#anchor`), so links between rendered documents work on the site.
 */
export function pageOfExport(path: string): string | undefined {
  const [file, anchor] = path.split('#') as [string, string | undefined];
  const hash = anchor ? `#${anchor}` : '';
  const fixed: Record<string, string> = {
    'README.md': pages.home,
    'integration-registry.md': pages.printable,
    'integration-patterns.md': pages.patterns,
    'system-integrations.md': pages.system,
    'docs/README.md': pages.docs,
  };
  if (fixed[file]) return fixed[file] + hash;
  const m = /^(repositories|integrations)\/([^/]+)\.md$/.exec(file);
  if (m) return (m[1] === 'repositories' ? pages.repository(m[2]!) : pages.integration(m[2]!)) + hash;
  const d = /^docs\/(.+?)(?:\/README)?\.md$/.exec(file);
  if (d) return pages.doc(d[1]!) + hash;
  return undefined;
}

/** Resolves a relative link written in the exported document at `from` to a site path. */
export function linkFromExport(from: string, url: string): string {
  if (/^[a-z]+:|^#|^\//i.test(url)) return url;
  const parts = from.split('/').slice(0, -1);
  for (const segment of url.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return pageOfExport(parts.join('/')) ?? url;
}
