import type { Model } from '../core/model.ts';
import type { Integration } from '../core/schemas/index.ts';
import { recorded } from './labels.ts';
import { registryValues } from './registry-values.ts';

/** What `plexus new` can make, and the folder each goes in. */
export const SCAFFOLD_KINDS = {
  repository: 'repositories',
  integration: 'integrations',
  event: 'events',
  pattern: 'patterns',
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
  kind?: string;
  integrations?: string[];
  program?: string;
  authors?: string[];
}

const title = (id: string) =>
  id
    .split(/[-_.]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');

/**
 * The data of a new entity, pre-filled with what the registry already knows (owning team from
 * the provider, the URL from the organisation's other repositories). Nothing is guessed. Fields only a person can answer are left empty, so
 * `plexus check` points at each of them.
 */
export function scaffoldEntity(model: Model, kind: Exclude<ScaffoldKind, 'strategy'>, id: string, o: ScaffoldOptions): Record<string, unknown> {
  const eco = model.ecosystem?.data;
  switch (kind) {
    case 'team':
      // Only what is known, and required fields left empty for check to point at: never an empty optional value check would reject.
      return { name: title(id), contacts: { chat: `#${id}` } };
    case 'repository': {
      const current = eco ? recorded(model.repositories.get(eco.currentProject)?.data.url) : undefined;
      const org = current?.replace(/\/[^/]+\/?$/, '');
      return {
        name: title(id),
        purpose: '',
        role: '',
        kind: o.kind ?? 'service',
        status: 'planned',
        url: org ? `${org}/${id}` : '',
        team: o.team ?? eco?.maintainedBy ?? '',
      };
    }
    case 'integration': {
      const type = o.type ?? 'rest';
      const team = o.provider ? model.repositories.get(o.provider)?.data.team : undefined;
      const lead = team ? model.teams.get(team)?.data : undefined;
      return {
        title: title(id),
        provider: o.provider ?? '',
        consumers: o.consumers ?? [],
        purpose: '',
        type,
        // Protocol and auth are left for someone who knows: a guess from other integrations read as a fact.
        protocol: '',
        owner: team ?? '',
        version: '0.1.0',
        lastUpdated: o.today,
        status: 'planned',
        lifecycle: { phase: 'planning' },
        ...(lead
          ? {
              contacts: {
                primary: recorded(lead.lead) ? `${lead.name} team lead (${lead.lead})` : `${lead.name} team lead`,
                ...(lead.escalation ? { escalation: lead.escalation } : {}),
              },
            }
          : {}),
        ...(type === 'event' ? { events: [] } : {}),
      };
    }
    case 'event': {
      const channel = o.producer ? [...model.events.values()].find((e) => e.data.producers.includes(o.producer!))?.data.channel : undefined;
      return {
        description: '',
        payload: { id: 'string' },
        producers: o.producer ? [o.producer] : [],
        consumers: [],
        delivery: 'at-least-once',
        channel: channel ?? '',
      };
    }
    case 'pattern':
      return {
        name: title(id),
        kind: o.kind ?? '',
        usedBy: 'all',
        description: '',
        guide: eco ? `${eco.referenceProject}/shared-protocols/${id}.md` : '',
        features: [],
      };
  }
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
