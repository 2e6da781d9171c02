import type { z } from 'zod';
import type { Model } from '../core/model.ts';
import { COLLECTIONS, type Integration, UNKNOWN } from '../core/schemas/index.ts';
import { registryValues } from './registry-values.ts';

/** What `plexus new` can make, and the folder each goes in. */
export const SCAFFOLD_KINDS = {
  repository: 'repositories',
  integration: 'integrations',
  event: 'events',
  resource: 'resources',
  system: 'systems',
  domain: 'domains',
  pattern: 'patterns',
  protocol: 'protocols',
  docset: 'docsets',
  team: 'teams',
  strategy: 'docs/strategy',
} as const;
export type ScaffoldKind = keyof typeof SCAFFOLD_KINDS;

export interface ScaffoldOptions {
  today: string;
  provider?: string;
  consumers?: string[];
  type?: Integration['type'];
  team?: string;
  producer?: string;
  owner?: string;
  domain?: string;
  kind?: string;
  integrations?: string[];
  program?: string;
  authors?: string[];
}

/** A new entity: its fields in the order they are written, and a comment for each field a person still has to give. */
export interface Scaffold {
  data: Record<string, unknown>;
  /** Field → the comment written after its value. */
  notes: Record<string, string>;
  /** Fields written `unknown`, in order. */
  unknown: string[];
}

const title = (id: string) =>
  id
    .split(/[-_.]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

/** Drops the fields nobody gave: a scaffold leaves out what it does not know, or writes `unknown` where the schema says so. */
const given = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

/**
 * The data of a new entity: what the command line said and what follows from it in the registry
 * (an integration's owner is its provider's team), nothing else. A field nobody knows yet is left
 * out, or written `unknown` where the schema requires it and accepts unknown; `check` accepts the
 * file as written, and a comment beside each unknown says what goes there (the field's schema description).
 */
export function scaffoldEntity(model: Model, kind: Exclude<ScaffoldKind, 'strategy'>, id: string, o: ScaffoldOptions): Scaffold {
  const notes: Record<string, string> = {};
  let data: Record<string, unknown>;
  switch (kind) {
    case 'team':
      data = { name: title(id) };
      break;
    case 'repository':
      data = { name: title(id), purpose: UNKNOWN, kind: o.kind ?? UNKNOWN, status: UNKNOWN, url: UNKNOWN, team: o.team };
      break;
    case 'integration': {
      const team = o.provider ? model.repositories.get(o.provider)?.data.team : undefined;
      const owner = o.owner ?? (team === UNKNOWN ? undefined : team);
      data = {
        title: title(id),
        provider: o.provider,
        consumers: o.consumers,
        purpose: UNKNOWN,
        type: o.type ?? 'dependency',
        protocol: UNKNOWN,
        owner,
        status: UNKNOWN,
      };
      if (!o.type)
        notes.type =
          'How the consumers use it is not recorded: replace dependency with rest, graphql, grpc, websocket, event, message-queue, npm-package, shared-database, file, webhook or cross-app-auth.';
      if (owner && !o.owner) notes.owner = `The team of ${o.provider}; change it if another team owns the integration.`;
      break;
    }
    case 'event':
      data = { description: UNKNOWN, producers: o.producer ? [o.producer] : undefined, channel: UNKNOWN };
      break;
    case 'resource':
      data = { name: title(id), kind: o.kind ?? UNKNOWN, owner: o.owner };
      break;
    case 'system':
      data = { name: title(id), domain: o.domain, owner: o.team };
      break;
    case 'domain':
      data = { name: title(id), owner: o.team };
      break;
    case 'pattern':
      data = { name: title(id), kind: o.kind ?? UNKNOWN, description: UNKNOWN };
      break;
    case 'protocol':
      data = { name: title(id), kind: o.kind ?? UNKNOWN };
      break;
    case 'docset':
      data = { name: title(id), owner: o.team ?? UNKNOWN, frequency: UNKNOWN, lastReview: UNKNOWN };
      break;
  }
  data = given(data);
  const unknown = Object.keys(data).filter((k) => data[k] === UNKNOWN);
  const shape = (COLLECTIONS[SCAFFOLD_KINDS[kind]] as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  for (const k of unknown) notes[k] ??= shape[k]?.description ?? '';
  return { data, notes, unknown };
}

/** Front matter of a new strategy document; its body comes from the strategy template. */
export function scaffoldStrategyMeta(model: Model, id: string, o: ScaffoldOptions) {
  const program = o.program ?? title(id);
  const repos = [
    ...new Set(
      (o.integrations ?? []).flatMap((i) => {
        const d = model.integrations.get(i)?.data;
        return d ? [d.provider, ...(model.analysis.consumersOf.get(i) ?? [])] : [];
      }),
    ),
  ].map((r) => model.repositories.get(r)?.data.name ?? r);
  const authors = o.authors?.length ? o.authors : ['[Author]'];
  return {
    title: `Integration Strategy: ${program} Cross-Component Integration`,
    purpose: repos.length ? `How ${repos.join(', ')} integrate for ${program}` : `Integration strategy for ${program}`,
    type: 'Integration Strategy',
    kind: 'strategy' as const,
    status: 'draft' as const,
    version: '0.1.0',
    date: o.today,
    authors,
    ...(o.integrations?.length ? { integrations: o.integrations } : {}),
    history: [{ version: '0.1.0', date: o.today, authors, summary: 'Initial Draft' }],
    program,
    ecosystem: registryValues(model).get('ECOSYSTEM_NAME'),
  };
}
