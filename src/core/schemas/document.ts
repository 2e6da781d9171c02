import { z } from 'zod';
import { IsoDate, Ref, SemVer, Text } from './common.ts';

export const DOCUMENT_STATUSES = ['draft', 'in-review', 'approved', 'archived'] as const;

/** Front matter of `content/docs/**\/*.md(x)`: hand-written documents. */
export const DocumentSchema = z.strictObject({
  title: Text.describe('Title.'),
  purpose: Text.describe('One line on what the document is for; shown in directory indexes.'),
  type: Text.optional().describe('Kind of document as readers name it, e.g. "Strategic Planning".'),
  kind: z.enum(['strategy', 'guide', 'report', 'roadmap', 'reference']).optional().describe('strategy, guide, report, roadmap or reference.'),
  status: z.enum(DOCUMENT_STATUSES).describe('draft, in-review, approved or archived.'),
  version: SemVer.describe('Document version, e.g. "1.0.0".'),
  date: IsoDate.optional().describe('Date created.'),
  authors: z.array(Text).min(1).describe('Authors.'),
  integrations: z.array(Ref('integration')).optional().describe('Integrations it covers.'),
  repositories: z.array(Ref('repository')).optional().describe('Repositories it covers.'),
  history: z
    .array(
      z.strictObject({
        version: SemVer.describe('Version.'),
        date: IsoDate.describe('Date.'),
        authors: z.array(Text).min(1).describe('Who.'),
        summary: Text.describe('Summary of changes.'),
      }),
    )
    .optional()
    .describe('Version history, oldest first.'),
});
export type DocumentMeta = z.output<typeof DocumentSchema>;
