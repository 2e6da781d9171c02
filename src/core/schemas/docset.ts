import { z } from 'zod';
import { IsoDate, Link, Ref, Text, UNKNOWN } from './common.ts';

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly', 'as-needed'] as const;

/** `content/docsets/<id>.yaml`: a documentation set with an owner and a review rhythm. */
export const DocsetSchema = z.strictObject({
  name: Text.describe('Name, e.g. "Hi.Events Integration".'),
  owner: z.union([z.literal('all-teams'), z.literal(UNKNOWN), Ref('team')]).describe('Owning team, or "all-teams"; unknown when it is not known.'),
  frequency: z.enum([...FREQUENCIES, UNKNOWN]).describe('weekly, monthly, quarterly, yearly or as-needed; unknown when it is not known.'),
  lastReview: z
    .union([IsoDate, z.literal(UNKNOWN)])
    .describe('Last review; past its frequency it is overdue. unknown when it is not known (or it was never reviewed).'),
  location: Link.optional().describe('Where the set lives, e.g. "integration-guides/hi-events/"; left out while it is not known.'),
  purpose: Text.optional().describe('Comment shown in the documentation structure tree.'),
});
export type Docset = z.output<typeof DocsetSchema>;
