import { z } from 'zod';
import { DocRef, Link, Ref, Text } from './common.ts';

export const PATTERN_KINDS = [
  'authentication',
  'event-driven',
  'api-gateway',
  'microservices',
  'monorepo',
  'shared-library',
  'database-per-service',
  'data-sync',
] as const;

/** `content/patterns/<id>.yaml`: an integration pattern the ecosystem follows. */
export const PatternSchema = z.strictObject({
  name: Text.describe('Pattern name, e.g. "Cross-App JWT Authentication".'),
  kind: z.enum(PATTERN_KINDS).describe('Which family the pattern belongs to.'),
  usedBy: z.union([z.literal('all'), z.array(Ref('repository')).min(1)]).describe('Repositories that use it, or "all".'),
  description: Text.describe('What it is, one paragraph.'),
  guide: Link.describe('Implementation guide location.'),
  documents: z.array(DocRef).optional().describe('Registry documents about it.'),
  features: z.array(Text).min(1).describe('Key features.'),
});
export type Pattern = z.output<typeof PatternSchema>;
