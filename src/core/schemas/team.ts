import { z } from 'zod';
import { Contacts, Imported, Ref, Text } from './common.ts';

/** `content/teams/<id>.yaml`: a team that owns repositories and integrations. */
export const TeamSchema = z.strictObject({
  name: Text.describe('Team name, e.g. "Core Platform".'),
  lead: Text.optional().describe('Team lead, e.g. "Dana Okafor"; leave it out or write unknown when it is not known.'),
  description: Text.optional().describe('What the team looks after.'),
  contacts: Contacts.optional().describe('How to reach the team.'),
  parent: Ref('team').optional().describe('The team this one is part of (a department, a group of teams); its page lists this one among its teams.'),
  escalation: Text.optional().describe('Who to escalate to when the team cannot resolve an issue, e.g. "CTO".'),
  imported: Imported,
});
export type Team = z.output<typeof TeamSchema>;
