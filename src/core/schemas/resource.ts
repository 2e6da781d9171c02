import { z } from 'zod';
import { Imported, Ref, Text, UNKNOWN } from './common.ts';

export const RESOURCE_KINDS = ['datastore', 'cache', 'queue', 'topic', 'bucket', 'search-index', 'other'] as const;
export const RESOURCE_ACCESS = ['read', 'write', 'read-write'] as const;

/**
 * `content/resources/<id>.yaml`: something a repository owns that others may use but that is not a
 * codebase: a database, a cache, a queue or topic, a bucket. "Cart Service owns Redis" and "two
 * services read the orders database" are said here, not as fake repositories and integrations.
 */
export const ResourceSchema = z.strictObject({
  name: Text.describe('Name, e.g. "Orders database".'),
  kind: z.enum([...RESOURCE_KINDS, UNKNOWN]).describe('datastore, cache, queue, topic, bucket, search-index or other; unknown when it is not known.'),
  technology: Text.optional().describe('What it runs on, e.g. "PostgreSQL 15", "Redis 7", "Kafka".'),
  owner: Ref('repository').describe(
    'The repository that owns it: it decides its shape and its changes; unknown when no one repository does (a database a team or a system keeps): pages say "owner unknown" and name its team and system.',
  ),
  system: Ref('system').optional().describe('The system it belongs to.'),
  description: Text.optional().describe('What it holds or carries.'),
  users: z
    .array(
      z.strictObject({
        repository: Ref('repository').describe('A repository that uses it besides its owner.'),
        access: z.enum(RESOURCE_ACCESS).optional().describe('read, write or read-write; leave it out when it is not known.'),
        purpose: Text.optional().describe('Why it uses it, e.g. "Validate user existence".'),
      }),
    )
    .optional()
    .describe('Other repositories that use it, and how.'),
  team: Ref('team').optional().describe('The team accountable for it, when that is recorded apart from its owner.'),
  imported: Imported,
});
export type Resource = z.output<typeof ResourceSchema>;
