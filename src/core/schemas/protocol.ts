import { z } from 'zod';
import { Link, Text, UNKNOWN } from './common.ts';

export const PROTOCOL_KINDS = [
  'cross-repo-development',
  'api-versioning',
  'new-integration',
  'retirement',
  'incident-response',
  'change-management',
  'registry-maintenance',
] as const;

/** `content/protocols/<id>.yaml`: a named process with ordered steps. */
export const ProtocolSchema = z.strictObject({
  name: Text.describe('Heading, e.g. "Cross-Repository Development".'),
  kind: z
    .enum([...PROTOCOL_KINDS, UNKNOWN])
    .describe(
      'Which process this is: cross-repo-development, api-versioning, new-integration, retirement, incident-response, change-management or registry-maintenance; unknown when it is not known.',
    ),
  summary: Text.optional().describe('The protocol in a few words, e.g. "Feature Branch Integration".'),
  intro: Text.optional().describe('A sentence before the steps, e.g. "All integration changes must:".'),
  steps: z
    .array(
      z.strictObject({
        title: Text.describe('Step, e.g. "Planning Phase".'),
        detail: Text.optional().describe('One line after the title.'),
        tasks: z.array(Text).optional().describe('Tasks within the step.'),
      }),
    )
    .default([])
    .describe('Ordered steps; left out while they are not written.'),
  documentation: Link.optional().describe('Where the protocol is written up.'),
});
export type Protocol = z.output<typeof ProtocolSchema>;
