import { z } from 'zod';
import { Imported, Ref, Text } from './common.ts';

/** `content/systems/<id>.yaml`: repositories (and their resources) that together do one job, inside a domain. */
export const SystemSchema = z.strictObject({
  name: Text.describe('Name, e.g. "Checkout".'),
  description: Text.optional().describe('What the system does, one paragraph.'),
  domain: Ref('domain').optional().describe('The business domain it belongs to.'),
  owner: Ref('team').optional().describe('The team accountable for it.'),
  imported: Imported,
});
export type System = z.output<typeof SystemSchema>;

/** `content/domains/<id>.yaml`: a business domain that groups systems. */
export const DomainSchema = z.strictObject({
  name: Text.describe('Name, e.g. "Commerce".'),
  description: Text.optional().describe('What the domain covers.'),
  owner: Ref('team').optional().describe('The team accountable for it.'),
  imported: Imported,
});
export type Domain = z.output<typeof DomainSchema>;
