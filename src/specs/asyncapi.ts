// An AsyncAPI 2.x or 3.x document read into the messages its application sends and receives.
import { record as obj, text } from '../core/loose.ts';
import type { Schema } from './schema.ts';

export interface AsyncMessage {
  /** The message's name: its key where it is defined, or its `name`. */
  name: string;
  channel: string;
  summary?: string;
  description?: string;
  payload?: Schema;
  /** The protocol of the servers its channel is on (the channel's own `servers`, else every server), when they agree on one. */
  protocol?: string;
  sends: boolean;
  receives: boolean;
  /** Where the message's operation or channel is written, for drift reports. */
  at: (string | number)[];
}

export interface AsyncApiSpec {
  kind: 'asyncapi';
  version: string;
  title: string;
  description?: string;
  apiVersion?: string;
  protocol?: string;
  messages: AsyncMessage[];
  /** The named schemas (`components.schemas`), dereferenced: the same objects payloads use, so pages can call them by name. */
  schemas?: Record<string, Schema>;
}

/** Follows a local `#/a/b` pointer in the document as written. */
function pointer(doc: Record<string, unknown>, ref: unknown): { key: string; value: Record<string, unknown> } | undefined {
  const r = text(obj(ref).$ref);
  if (!r?.startsWith('#/')) return undefined;
  const parts = r
    .slice(2)
    .split('/')
    .map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')));
  let node: unknown = doc;
  for (const p of parts) node = obj(node)[p];
  return node && typeof node === 'object' ? { key: parts[parts.length - 1]!, value: obj(node) } : undefined;
}

/** What Plexus keeps of an AsyncAPI document: `raw` as written (for its pointers), `api` with `$ref`s resolved (for payloads). */
export function summariseAsyncApi(raw: Record<string, unknown>, api: Record<string, unknown>): AsyncApiSpec {
  const info = obj(api.info);
  const version = text(raw.asyncapi) ?? '';
  const server = Object.values(obj(api.servers))[0];
  // A channel is on the servers it names (2.x by name, 3.x by $ref), or on every server when it names none.
  const protocolOf = (channelRaw: unknown): string | undefined => {
    const named = obj(channelRaw).servers;
    const names = Array.isArray(named)
      ? named.map((s) => (typeof s === 'string' ? s : pointer(raw, s)?.key)).filter((s): s is string => !!s)
      : Object.keys(obj(raw.servers));
    const protocols = new Set(names.map((n) => text(obj(obj(raw.servers)[n]).protocol)).filter((p): p is string => !!p));
    return protocols.size === 1 ? [...protocols][0] : undefined;
  };
  const messages: AsyncMessage[] = [];
  const add = (m: Omit<AsyncMessage, 'sends' | 'receives'>, action: 'send' | 'receive' | undefined) => {
    let found = messages.find((x) => x.name === m.name && x.channel === m.channel);
    if (!found) messages.push((found = { ...m, sends: false, receives: false }));
    if (action === 'send') found.sends = true;
    if (action === 'receive') found.receives = true;
  };
  if (version.startsWith('2.')) {
    // 2.x names operations from the reader's side: `subscribe` is what the application sends, `publish` what it receives.
    for (const [address, channel] of Object.entries(obj(api.channels))) {
      for (const [verb, action] of [
        ['subscribe', 'send'],
        ['publish', 'receive'],
      ] as const) {
        const op = obj(obj(channel)[verb]);
        if (Object.keys(op).length === 0) continue;
        const rawMessage = obj(obj(obj(raw.channels)[address])[verb]).message;
        const oneOf = Array.isArray(obj(op.message).oneOf) ? (obj(op.message).oneOf as unknown[]) : [op.message];
        const rawOneOf = Array.isArray(obj(rawMessage).oneOf) ? (obj(rawMessage).oneOf as unknown[]) : [rawMessage];
        oneOf.forEach((message, i) => {
          const m = obj(message);
          const name = text(m.name) ?? text(m.messageId) ?? pointer(raw, rawOneOf[i])?.key ?? text(op.operationId) ?? address;
          add(
            {
              name,
              channel: address,
              summary: text(m.summary) ?? text(op.summary),
              description: text(m.description),
              payload: m.payload ? obj(m.payload) : undefined,
              protocol: protocolOf(obj(raw.channels)[address]),
              at: ['channels', address, verb],
            },
            action,
          );
        });
      }
    }
  } else {
    // 3.0: channels hold messages; operations say send or receive, pointing at a channel and its messages.
    const channelsRaw = obj(raw.channels);
    for (const [channelId, channel] of Object.entries(obj(api.channels))) {
      const address = text(obj(channel).address) ?? channelId;
      for (const [key, message] of Object.entries(obj(obj(channel).messages))) {
        const m = obj(message);
        const name = text(m.name) ?? pointer(raw, obj(obj(channelsRaw[channelId]).messages)[key])?.key ?? key;
        add(
          {
            name,
            channel: address,
            summary: text(m.summary),
            description: text(m.description),
            payload: m.payload ? obj(m.payload) : undefined,
            protocol: protocolOf(channelsRaw[channelId]),
            at: ['channels', channelId],
          },
          undefined,
        );
      }
    }
    for (const [opId, opRaw] of Object.entries(obj(raw.operations))) {
      const action = obj(opRaw).action === 'send' ? 'send' : obj(opRaw).action === 'receive' ? 'receive' : undefined;
      const channel = pointer(raw, obj(opRaw).channel);
      if (!channel) continue;
      const address = text(obj(obj(api.channels)[channel.key]).address) ?? channel.key;
      const refs = Array.isArray(obj(opRaw).messages)
        ? (obj(opRaw).messages as unknown[])
        : Object.values(obj(channel.value.messages)).map((_, i) => ({
            $ref: `#/channels/${channel.key}/messages/${Object.keys(obj(channel.value.messages))[i]}`,
          }));
      for (const ref of refs) {
        const target = pointer(raw, ref);
        if (!target) continue;
        const resolved = pointer(raw, target.value) ?? target;
        const name = text(resolved.value.name) ?? resolved.key;
        const existing = messages.find((x) => x.name === name && x.channel === address);
        if (existing) {
          existing.at = ['operations', opId];
          if (action === 'send') existing.sends = true;
          if (action === 'receive') existing.receives = true;
        } else add({ name, channel: address, protocol: protocolOf(channel.value), at: ['operations', opId] }, action);
      }
    }
  }
  return {
    kind: 'asyncapi',
    version,
    title: text(info.title) ?? '',
    description: text(info.description),
    apiVersion: text(info.version),
    protocol: text(obj(server).protocol),
    messages,
    schemas: obj(obj(api.components).schemas) as Record<string, Schema>,
  };
}
