// An AsyncAPI document describes one application: what it sends and receives. Its messages become
// events; the application (a repository) becomes their producer or consumer.
import { type ImportOptions as Options, type ImportResult, stringOption } from './contract.ts';
import { UsageError } from '../cli/io.ts';
import { diagnostic } from '../core/codes.ts';
import { ID_PATTERN, importRecords } from '../core/schemas/index.ts';
import { slugId } from '../core/slug.ts';
import { eventIndex } from '../specs/link.ts';
import { readSpec, selfContained, type AsyncMessage, type Schema } from '../specs/read.ts';
import type { Unmapped } from './contract.ts';
import { fetchSpec, firstParagraph, relativeTo, specCopy } from './spec-source.ts';
import type { Planned } from './merge.ts';

/** The first known team among repositories' teams; `unknown` when only unknown ones are there, as a repository's team is. */
const ownerOf = (teams: (string | undefined)[]) => teams.find((t) => t && t !== 'unknown') ?? (teams.includes('unknown') ? 'unknown' : undefined);

/** A payload's top-level fields as the registry writes them: `type (format): description`. */
export function payloadFields(schema: Schema | undefined): Record<string, string> | undefined {
  const properties = schema?.properties as Record<string, Schema> | undefined;
  if (!properties || typeof properties !== 'object') return undefined;
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
  const fields: Record<string, string> = {};
  for (const [name, property] of Object.entries(properties)) {
    // allOf: [{type: string}, {description: …}] is a string with that description.
    const parts = Array.isArray(property?.allOf) ? (property.allOf as Schema[]) : [];
    const p: Schema = Object.assign({}, ...parts.map((x) => (x && typeof x === 'object' ? x : {})), property);
    const type = Array.isArray(p?.type) ? p.type.join(' | ') : String(p?.type ?? (p?.properties ? 'object' : 'any'));
    const format = typeof p?.format === 'string' ? ` (${p.format})` : '';
    const description = typeof p?.description === 'string' ? `: ${p.description.replace(/\s+/g, ' ').trim()}` : '';
    fields[name] = `${type}${format}${required.has(name) ? ', required' : ''}${description}`;
  }
  return Object.keys(fields).length > 0 ? fields : undefined;
}

export async function importAsyncApi(input: string, { cwd, contentDir, model, known, values }: Options): Promise<ImportResult> {
  const repository = stringOption(values, 'repository');
  if (!repository) throw new UsageError('plexus import asyncapi needs --repository REPO: the application the document describes.');
  if (!known.has(`repositories/${repository}`)) throw new UsageError(`--repository: there is no repository "${repository}" in the registry.`);
  const fetched = await fetchSpec(input, cwd, stringOption(values, 'root'));
  if ('error' in fetched) return { planned: [], unmapped: [], diagnostics: [], errors: [fetched.error], what: '' };
  const { spec, diagnostics } = await readSpec(fetched.display, fetched.location, fetched.text, fetched.scope);
  if (!spec) return { planned: [], unmapped: [], diagnostics, errors: [], what: '' };
  if (spec.kind !== 'asyncapi') {
    const key = spec.locate(['openapi'], 'key');
    return {
      planned: [],
      unmapped: [],
      diagnostics: [diagnostic('SpecUnreadable', fetched.display, key, { reason: 'This is an OpenAPI document: import it with plexus import openapi' })],
      errors: [],
      what: '',
    };
  }
  const name = `${repository}.asyncapi`;
  const copy = await specCopy({ ...fetched, text: await selfContained(fetched.location, fetched.text, 'asyncapi', fetched.scope) }, name, {
    contentDir,
    cwd,
    // The copy this import wrote before, by its name; a spec the team linked by hand is not it.
    previous: [`specs/${name}.yaml`, `specs/${name}.yml`, `specs/${name}.json`].find((p) => model.repositories.get(repository)?.data.asyncapi === p),
  });
  if ('error' in copy) return { planned: [], unmapped: [], diagnostics: [], errors: [copy.error], what: '' };
  // The copy is the text just read, when the document is self-contained: the check after writing need not read it again.
  if (copy.file && copy.file.after === fetched.text && diagnostics.length === 0) copy.file.parsed = spec;
  // --dry-run says which messages the copy has, not every line of it.
  if (copy.file) copy.file.spec = { unit: 'message', after: spec.messages.map((m) => `${m.name} on ${m.channel}`) };
  const ref = `asyncapi ${spec.version}: ${spec.title}`;
  const unmapped: Unmapped[] = [];
  const provenance = {
    from: 'asyncapi' as const,
    source: /^https?:/i.test(fetched.location) ? fetched.location : relativeTo(contentDir, fetched.location),
    ref,
  };
  const planned: Planned[] = [];
  const byEvent = new Map<string, AsyncMessage[]>();
  const eventOf = eventIndex(model.events.values());
  for (const m of spec.messages) {
    // The event a message is: one the registry has (see messageMatches), or a new one named after it.
    const id = eventOf(m.name)?.id ?? slugId(m.name);
    if (!ID_PATTERN.test(id)) {
      unmapped.push({ ref, field: `message ${m.name}`, why: `"${id}" cannot be an event id: not imported` });
      continue;
    }
    byEvent.set(id, [...(byEvent.get(id) ?? []), m]);
  }
  for (const [id, messages] of byEvent) {
    const m = messages[0]!;
    if (messages.length > 1) unmapped.push({ ref, field: `message ${m.name}`, why: `on ${messages.length} channels: ${m.channel} is recorded` });
    const existing = model.events.get(id)?.data;
    const sends = messages.some((x) => x.sends);
    const receives = messages.some((x) => x.receives);
    // The document speaks for its own application only: other producers and consumers stay as they are.
    const producers = [...(existing?.producers ?? []).filter((p) => p !== repository), ...(sends ? [repository] : [])];
    const others = (existing?.consumers ?? []).filter((c) => c.repository !== repository);
    const mine = existing?.consumers.find((c) => c.repository === repository);
    // What the consumer does with it is for a person to write: the message's summary says what it is, not that.
    // A consumer already listed keeps its place, so a re-import does not reorder the file.
    const consumers = receives ? (mine ? existing!.consumers : [...others, { repository }]) : others;
    // The sender's document defines the message; a receiver's only says that it listens.
    // Another sender's document that defines it already keeps it: a second sender (the same event
    // over MQTT and Kafka) adds its role, and its channel is said, not written over the first.
    const definer = existing?.spec ? [...model.repositories.values()].find((r) => r.data.asyncapi === existing.spec)?.id : undefined;
    const definedBySender = !!definer && definer !== repository && !!existing?.producers.includes(definer);
    // A receiver's document that created the event (no sender's document yet) keeps its fields, and
    // refreshes them when imported again, until a sender's document defines the event.
    const owns = !!existing?.spec && existing.spec === copy.path;
    const defines = ((sends || owns) && !definedBySender) || !existing;
    const channel = `${m.protocol ?? 'channel'}: ${m.channel}`;
    if (!defines && existing?.channel && existing.channel !== channel)
      unmapped.push({ ref, field: `message ${m.name}`, why: `on ${channel} here; the event keeps ${existing.channel} (${existing.spec ?? 'no spec'})` });
    if (defines && !m.summary && !m.description)
      unmapped.push({ ref, field: `message ${m.name}`, why: 'no summary or description: description written as unknown' });
    planned.push({
      collection: 'events',
      id,
      owned: {
        ...(defines
          ? {
              description: m.summary ?? firstParagraph(m.description) ?? 'unknown',
              payload: payloadFields(m.payload) ?? {},
            }
          : {}),
        producers,
        consumers,
        ...(defines ? { channel: `${m.protocol ?? 'channel'}: ${m.channel}`, spec: copy.path, message: m.name } : {}),
      },
      provenance,
      adopt: true,
      partial: !defines,
      // Each document keeps its own record: the roles it merged are written beside the others', and
      // the document that defines the message takes the message's fields from one that only named it.
      perSource: true,
      mergedKeys: ['producers', 'consumers'],
      takeOver: defines,
    });
    // The integration that carries it, derived from what the documents say, so diagrams draw
    // producer → event → consumer without hand work; one written by hand that lists the event is left alone.
    const carried = [...model.integrations.values()].some(
      (i) => i.data.events?.includes(id) && !importRecords(i.data.imported).some((r) => r.from === 'asyncapi'),
    );
    if (!carried) {
      const provider = producers[0] ?? 'unknown';
      if (producers.length > 1)
        unmapped.push({ ref, field: `message ${m.name}`, why: `${producers.length} producers: ${provider} is the provider of ${id}-event` });
      planned.push({
        collection: 'integrations',
        id: `${id}-event`,
        owned: {
          title: `${id} events`,
          provider,
          consumers: consumers.map((c) => c.repository).filter((c) => c !== provider),
          purpose: `Carries ${id} from its producer to its consumers, as their AsyncAPI documents say`,
          type: 'event',
          protocol: (defines ? m.protocol : undefined) ?? model.events.get(id)?.data.channel?.split(':')[0] ?? 'unknown',
          events: [id],
          // The first known team of the two owns it; when theirs are unknown, so is its owner.
          owner: ownerOf([provider, repository].map((r) => model.repositories.get(r)?.data.team)),
          status: 'unknown',
        },
        provenance,
        adopt: true,
        // Derived from what all the documents say together: each document records that it fed it.
        perSource: true,
        mergedKeys: ['title', 'provider', 'consumers', 'purpose', 'type', 'protocol', 'events', 'owner', 'status'],
      });
    }
  }
  planned.push({ collection: 'repositories', id: repository, owned: { asyncapi: copy.path }, provenance, handOver: true });
  return {
    planned,
    files: copy.file ? [copy.file] : [],
    unmapped,
    diagnostics,
    errors: [],
    what: `${spec.messages.length} message${spec.messages.length === 1 ? '' : 's'} of ${spec.title || fetched.display}`,
  };
}
