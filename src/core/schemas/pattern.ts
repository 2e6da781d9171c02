import { z } from 'zod';
import { DocRef, Link, Ref, Text, UNKNOWN } from './common.ts';

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
  kind: z
    .enum([...PATTERN_KINDS, UNKNOWN])
    .describe(
      'Which family the pattern belongs to: authentication, event-driven, api-gateway, microservices, monorepo, shared-library, database-per-service or data-sync; unknown when it is not known.',
    ),
  usedBy: z
    .union([z.literal('all'), z.array(Ref('repository'))])
    .default([])
    .describe('Repositories that use it, or "all"; empty or left out while none is recorded.'),
  description: Text.describe('What it is, one paragraph.'),
  guide: Link.optional().describe('Implementation guide location; left out while there is none.'),
  documents: z.array(DocRef).optional().describe('Registry documents about it.'),
  features: z.array(Text).default([]).describe('Key features; left out while none is recorded.'),
});
export type Pattern = z.output<typeof PatternSchema>;
