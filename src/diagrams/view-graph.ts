/**
 * What a diagram view is: nodes, edges, groups and the trail up to the landscape, as every
 * renderer reads it (the SVG writer, `toMermaid`, `toText`), and the site paths of views' pages.
 * graph.ts makes views from the model; areas.ts says where a repository is drawn.
 */
export type NodeKind = 'service' | 'gateway' | 'frontend' | 'library' | 'external' | 'datastore' | 'queue' | 'event' | 'system' | 'domain' | 'team';
export type ViewKind = 'landscape' | 'area' | 'neighbourhood' | 'event' | 'sequence';

export interface DiagramNode {
  key: string;
  label: string;
  /** A second, smaller line: what an area holds, or what a counterpart does. */
  sub?: string;
  kind: NodeKind;
  /** Its page (a site path, without the base). */
  href?: string;
  /** The box it is drawn in (a key of `groups`). */
  group?: string;
  /** The node the view is about. */
  focus?: boolean;
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** What the edge says: one integration's verb and object, or the verbs of several and their count. */
  label: string;
  count: number;
  verbs: string[];
  /** Some of its integrations go the other way, or both ways. */
  both: boolean;
  /** Every integration it stands for is deprecated. */
  dashed: boolean;
  /** The one integration's page, or the row of this view's page that lists them. */
  href?: string;
  /** The integrations it stands for, by id. */
  integrations: string[];
}

export interface DiagramGroup {
  key: string;
  label: string;
  href?: string;
}

/** One step of the trail above a diagram: "landscape › domain commerce › repository x". */
export interface Crumb {
  label: string;
  href: string;
}

export interface DiagramGraph {
  view: ViewKind;
  /** This view's own page, the full-size one (a site path): bundled edges link to its rows. */
  page: string;
  title: string;
  description: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  groups: DiagramGroup[];
  /** From the landscape down to this view (this view last). */
  trail: Crumb[];
  /** An integration's sequence, for the sequence view. */
  steps?: { from: string; to: string; message: string; reply?: boolean }[];
  /** What the area nodes of a landscape hold inside, for the fallback table. */
  inside?: Record<string, number>;
}

/** The site path of a view's own page. */
export const viewPages = {
  landscape: '/map/',
  area: (key: string) => `/map/${key.split(':').map(encodeURIComponent).join('/')}/`,
  repository: (id: string) => `/map/repository/${encodeURIComponent(id)}/`,
  event: (id: string) => `/map/event/${encodeURIComponent(id)}/`,
};

/** The anchor of a bundled edge's row on its view's page. */
export const edgeAnchor = (from: string, to: string) => `e-${slug(from)}--${slug(to)}`;
const slug = (s: string) => s.replace(/[^\w.-]+/g, '_');
