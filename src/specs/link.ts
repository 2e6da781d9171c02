// How the registry points at specs and how a spec's messages meet the registry's events: one
// answer for check (drift), imports and pages.
import { slugId } from '../core/slug.ts';

/** A `spec`/`asyncapi` value: an http(s) URL (never fetched by check or the site), or a path in the registry. */
export function specLink(link: string): { url: string } | { path: string } {
  return /^https?:\/\//i.test(link) ? { url: link } : { path: link.replace(/^\.\//, '') };
}

/** Whether message `name` is the event `eventId`: the one its `message` field names, or else one its id is the name made an id. */
export function messageMatches(eventId: string, message: string | undefined, name: string): boolean {
  if (message !== undefined) return message === name;
  return eventId === name || eventId === name.toLowerCase() || eventId === slugId(name);
}

/** Finds the event a message name stands for, as `messageMatches` decides, in constant time per name. */
export function eventIndex<E extends { id: string; data: { message?: string } }>(events: Iterable<E>): (name: string) => E | undefined {
  const byName = new Map<string, E>();
  const byId = new Map<string, E>();
  for (const e of events) {
    if (e.data.message === undefined) byId.set(e.id, e);
    else if (!byName.has(e.data.message)) byName.set(e.data.message, e);
  }
  return (name) => byName.get(name) ?? byId.get(name) ?? byId.get(name.toLowerCase()) ?? byId.get(slugId(name));
}
