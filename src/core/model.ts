import type { DocumentMeta, Docset, Ecosystem, Event, Integration, Pattern, Protocol, Repository, Resource, System, Domain, Team } from './schemas/index.ts';
import type { ParsedYaml } from './source.ts';

/** One validated entity, where it came from, and how to point back into its file. */
export interface Entity<T> {
  id: string;
  /** Display path, e.g. `content/integrations/orders-to-payments.yaml`. */
  file: string;
  data: T;
  locate: ParsedYaml['locate'];
}

export interface DocumentEntity extends Entity<DocumentMeta> {
  /** Path under `docs/`, e.g. `integration/strategy.md`. */
  path: string;
  /** Markdown after the front matter. */
  body: string;
  /** Line in the file where the body starts. */
  bodyLine: number;
}

/** What the model derives about a repository from the integrations and events around it. */
export interface RepositoryLinks {
  /** Integrations this repository provides (it is `from`). */
  provides: string[];
  /** Integrations this repository consumes (it is among `to`, or a client of an all-clients one). */
  consumes: string[];
  /** Repositories it depends on. */
  upstream: string[];
  /** Repositories that depend on it. */
  downstream: string[];
  /** Every repository affected, directly or transitively, if it fails. */
  blastRadius: string[];
  /** Events it produces and consumes. */
  produces: string[];
  consumesEvents: string[];
}

export interface Registry {
  ecosystem?: Entity<Ecosystem>;
  teams: Map<string, Entity<Team>>;
  repositories: Map<string, Entity<Repository>>;
  integrations: Map<string, Entity<Integration>>;
  events: Map<string, Entity<Event>>;
  patterns: Map<string, Entity<Pattern>>;
  protocols: Map<string, Entity<Protocol>>;
  docsets: Map<string, Entity<Docset>>;
  resources: Map<string, Entity<Resource>>;
  systems: Map<string, Entity<System>>;
  domains: Map<string, Entity<Domain>>;
  documents: Map<string, DocumentEntity>;
  /** The registry's own `templates/*.hbs`, which override Plexus's templates of the same name. */
  templates: Map<string, { name: string; file: string; text: string }>;
  /** `kind/id` of files that exist but failed validation: references to them are not dangling. */
  invalid: Set<string>;
}

export interface Analysis {
  links: Map<string, RepositoryLinks>;
  /** Repositories an integration reaches on its `to` side, with all-clients expanded. */
  consumersOf: Map<string, string[]>;
  overdueReviews: { kind: 'docset' | 'ecosystem'; id: string; name: string; due: string }[];
  deprecations: { id: string; title: string; announced: string; sunset: string; migration: string }[];
}

/** The resolved, analysed registry: what templates, pages and exports read. */
export interface Model extends Registry {
  analysis: Analysis;
  /** The date the analysis was made for, `YYYY-MM-DD`. */
  today: string;
  /** The OpenAPI and AsyncAPI documents under specs/, by path, as read (undefined where unreadable). */
  specs: ReadonlyMap<string, import('../specs/read.ts').Spec | undefined>;
}

/** A file handed to the core: its path relative to the content root and its bytes. */
export interface Source {
  /** Path relative to the content folder, with `/`, e.g. `integrations/a.yaml`. */
  path: string;
  /** Path to show in diagnostics, e.g. `content/integrations/a.yaml`. */
  display: string;
  bytes: Uint8Array;
  /** Why the file could not be read (a link out of the registry, permissions…); its bytes are empty. */
  problem?: import('./diagnostics.ts').Diagnostic;
}
