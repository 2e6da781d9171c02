import { z } from 'zod';
import { Imported, Link, Ref, Text, UNKNOWN } from './common.ts';

export const DELIVERY_GUARANTEES = ['at-least-once', 'exactly-once', 'at-most-once', 'best-effort'] as const;

/** `content/events/<name>.yaml`: an event; the file name is the event name, e.g. `payment.completed.yaml`. */
export const EventSchema = z.strictObject({
  description: Text.describe('What happened when this event is emitted.'),
  payload: z.record(z.string(), Text).describe('Payload fields and their types, e.g. orderId: string.'),
  producers: z.array(Ref('repository')).default([]).describe('Repositories that emit it; empty when no producer is known yet.'),
  consumers: z
    .array(
      z.strictObject({
        repository: Ref('repository').describe('Consuming repository.'),
        handling: Text.describe('What it does with the event, e.g. "Create profile in local DB".'),
      }),
    )
    .describe('Repositories that listen to it.'),
  delivery: z
    .enum([...DELIVERY_GUARANTEES, UNKNOWN])
    .optional()
    .describe('at-least-once, exactly-once, at-most-once or best-effort; leave it out or write unknown when it is not known.'),
  channel: Text.describe('Topic or channel, e.g. "kafka: payments.events".'),
  schema: Link.optional().describe('Where its JSON Schema lives, e.g. "schemas/events/payment.completed.json".'),
  spec: Link.optional().describe(
    'The AsyncAPI document that defines its message: a path in the registry or an http(s) URL; the site shows its payload schema.',
  ),
  message: Text.optional().describe('The name of its message in that document, e.g. "UserSignedUp"; defaults to the event id.'),
  imported: Imported,
});
export type Event = z.output<typeof EventSchema>;
