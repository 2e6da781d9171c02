import { z } from 'zod';
import { Imported, Link, Ref, Text, UNKNOWN } from './common.ts';

export const DELIVERY_GUARANTEES = ['at-least-once', 'exactly-once', 'at-most-once', 'best-effort'] as const;

/** A repository that listens to an event, as the model holds it whichever way the file wrote it. */
export interface Consumer {
  repository: string;
  handling?: string;
}

/** `content/events/<name>.yaml`: an event; the file name is the event name, e.g. `payment.completed.yaml`. */
export const EventSchema = z.strictObject({
  description: Text.describe('What happened when this event is emitted.'),
  payload: z.record(z.string(), Text).default({}).describe('Payload fields and their types, e.g. orderId: string; left out while they are not known.'),
  producers: z
    .array(
      z
        .union([Ref('repository'), z.strictObject({ repository: Ref('repository').describe('Producing repository.') })])
        .transform((p) => (typeof p === 'string' ? p : p.repository))
        .describe('A producing repository: its id, e.g. order-service, or a mapping, e.g. {repository: order-service}.'),
    )
    .default([])
    .describe(
      'Repositories that emit it, each an id or a mapping, e.g. [order-service] or [{repository: order-service}]; empty or left out when no producer is known yet.',
    ),
  consumers: z
    .array(
      z
        .union([
          Ref('repository'),
          z.strictObject({
            repository: Ref('repository').describe('Consuming repository.'),
            handling: Text.optional().describe('What it does with the event, e.g. "Create profile in local DB"; leave it out when it is not known.'),
          }),
        ])
        .transform((c): Consumer => (typeof c === 'string' ? { repository: c } : c))
        .describe(
          'A consuming repository: its id, e.g. email-service, or a mapping with what it does with the event, e.g. {repository: email-service, handling: Send the receipt}.',
        ),
    )
    .default([])
    .describe(
      'Repositories that listen to it, each an id or a mapping with what it does with the event, e.g. [email-service] or [{repository: email-service, handling: Send the receipt}]; empty or left out when none is known yet.',
    ),
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
