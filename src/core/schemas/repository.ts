import { z } from 'zod';
import { Imported, Link, Ref, Text, UNKNOWN, WebUrl } from './common.ts';

export const REPOSITORY_KINDS = ['service', 'frontend', 'library', 'external', 'docs', 'monorepo', 'gateway'] as const;
export const REPOSITORY_STATUSES = ['planned', 'active', 'maintenance', 'deprecated', 'retired'] as const;

const Package = z.strictObject({
  name: Text.describe('Package name, e.g. "@eventful/ui".'),
  dependsOn: z.array(Text).optional().describe('Other packages of this monorepo it imports, by name.'),
  purpose: Text.describe('What the package is for.'),
});

const Library = z.strictObject({
  name: Text.describe('Library package name, e.g. "@eventful/shared-types".'),
  version: Text.describe('Version range in use, e.g. "^2.1.0".'),
  repository: Ref('repository').optional().describe('Repository the library lives in, if it is in the registry.'),
  location: Text.optional().describe('Where it lives when outside the registry, e.g. "github.com/org/utils".'),
});

const OwnedTable = z.strictObject({
  name: Text.describe('Table name, e.g. "payments".'),
  purpose: Text.describe('What the table holds.'),
  access: Text.optional().describe('Access pattern; defaults to "Read/write (this service only)".'),
});

const ReadTable = z.strictObject({
  table: Text.describe('Table name owned by another repository, e.g. "users".'),
  owner: Ref('repository').describe('Repository that owns the table.'),
  purpose: Text.describe('Why this repository reads it.'),
  cdc: z.boolean().optional().describe('True when changes arrive as CDC events rather than direct reads.'),
});

/** `content/repositories/<id>.yaml`: a repository of the ecosystem (or an external system). */
export const RepositorySchema = z.strictObject({
  name: Text.describe('Display name, e.g. "Payments API".'),
  purpose: Text.describe('What it does, one line.'),
  role: Text.optional().describe('Its role in integrations, e.g. "Core backend services".'),
  kind: z.enum([...REPOSITORY_KINDS, UNKNOWN]).describe('service, frontend, library, external, docs, monorepo or gateway; unknown when it is not known.'),
  status: z.enum([...REPOSITORY_STATUSES, UNKNOWN]).describe('planned, active, maintenance, deprecated or retired; unknown when it is not known.'),
  url: z.union([WebUrl, z.literal(UNKNOWN)]).describe('Where the code lives, e.g. "https://github.com/eventful/payments-api"; unknown when it is not known.'),
  team: Ref('team').describe(
    'Owning team (teams/<id>.yaml); unknown when no team is known to own it (a catalog owner that is not in the catalog): pages say "team unknown" and link no team, no team is told or called for it, and /quality/ lists it.',
  ),
  system: Ref('system').optional().describe('The system it is part of (systems/<id>.yaml); diagrams group repositories by system within domain.'),
  domain: Text.optional().describe(
    'Business domain as a word, for registries that keep no systems/ and domains/, e.g. "payments"; used to group diagrams then.',
  ),
  tags: z.array(Text).optional().describe('Free tags for search and filters.'),
  workspace: Text.optional().describe('Monorepo tooling, e.g. "pnpm workspaces".'),
  packages: z.array(Package).optional().describe('Packages of a monorepo and their internal dependencies.'),
  libraries: z.array(Library).optional().describe('Shared libraries consumed, with versions.'),
  tables: z
    .strictObject({
      owns: z.array(OwnedTable).optional().describe('Tables this repository owns.'),
      reads: z.array(ReadTable).optional().describe('Tables of other repositories it reads (read-only).'),
    })
    .optional()
    .describe('Data ownership (database per service).'),
  asyncapi: Link.optional().describe(
    'The AsyncAPI document of what this repository sends and receives: a path in the registry or an http(s) URL; check compares it with the producers and consumers of events.',
  ),
  imported: Imported,
});
export type Repository = z.output<typeof RepositorySchema>;
