import { z } from 'zod';
import { IsoDate, Link, Ref, Text } from './common.ts';

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly', 'as-needed'] as const;

/** `content/docsets/<id>.yaml`: a documentation set with an owner and a review rhythm. */
export const DocsetSchema = z.strictObject({
  name: Text.describe('Name, e.g. "Hi.Events Integration".'),
  owner: z.union([z.literal('all-teams'), Ref('team')]).describe('Owning team, or "all-teams".'),
  frequency: z.enum(FREQUENCIES).describe('weekly, monthly, quarterly, yearly or as-needed.'),
  lastReview: IsoDate.describe('Last review; past its frequency it is overdue.'),
  location: Link.describe('Where the set lives, e.g. "integration-guides/hi-events/".'),
  purpose: Text.optional().describe('Comment shown in the documentation structure tree.'),
});
export type Docset = z.output<typeof DocsetSchema>;
