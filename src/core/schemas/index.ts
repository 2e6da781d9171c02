import type { z } from 'zod';
import { DocsetSchema } from './docset.ts';
import { DocumentSchema } from './document.ts';
import { EcosystemSchema } from './ecosystem.ts';
import { EventSchema } from './event.ts';
import { IntegrationSchema } from './integration.ts';
import { PatternSchema } from './pattern.ts';
import { ProtocolSchema } from './protocol.ts';
import { RepositorySchema } from './repository.ts';
import { ResourceSchema } from './resource.ts';
import { DomainSchema, SystemSchema } from './system.ts';
import { TeamSchema } from './team.ts';

export * from './common.ts';
export * from './docset.ts';
export * from './document.ts';
export * from './ecosystem.ts';
export * from './event.ts';
export * from './integration.ts';
export * from './pattern.ts';
export * from './protocol.ts';
export * from './repository.ts';
export * from './resource.ts';
export * from './system.ts';
export * from './team.ts';

/** Entity kinds kept one per YAML file in a folder of `content/`, by folder name. */
export const COLLECTIONS = {
  teams: TeamSchema,
  repositories: RepositorySchema,
  integrations: IntegrationSchema,
  events: EventSchema,
  patterns: PatternSchema,
  protocols: ProtocolSchema,
  docsets: DocsetSchema,
  resources: ResourceSchema,
  systems: SystemSchema,
  domains: DomainSchema,
} as const satisfies Record<string, z.ZodType>;
export type CollectionName = keyof typeof COLLECTIONS;

/** Every schema, by the name its JSON Schema file takes. */
export const ALL_SCHEMAS = {
  ecosystem: EcosystemSchema,
  team: TeamSchema,
  repository: RepositorySchema,
  integration: IntegrationSchema,
  event: EventSchema,
  pattern: PatternSchema,
  protocol: ProtocolSchema,
  docset: DocsetSchema,
  resource: ResourceSchema,
  system: SystemSchema,
  domain: DomainSchema,
  document: DocumentSchema,
} as const;

/** The singular used in messages ("Unknown repository"). */
export const SINGULAR: Record<CollectionName | 'documents', string> = {
  teams: 'team',
  repositories: 'repository',
  integrations: 'integration',
  events: 'event',
  patterns: 'pattern',
  protocols: 'protocol',
  docsets: 'docset',
  resources: 'resource',
  systems: 'system',
  domains: 'domain',
  documents: 'document',
};
