import { diagnostic } from './codes.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Entity, Registry } from './model.ts';
import { IntegrationSchema, RepositorySchema, TeamSchema, EventSchema } from './schemas/index.ts';
import { didYouMean } from './suggest.ts';

/**
 * Fields a real catalog often lacks, by kind: what the data-quality view measures. A field counts
 * as recorded when it is present, not `unknown`, and not an empty list; the required fields an
 * import writes `unknown` when its source does not say (purpose, kind, status, url, protocol,
 * description, channel) are measured too, so an imported registry is not called complete.
 */
export const TRACKED = {
  integration: [
    'purpose',
    'status',
    'protocol',
    'provider',
    'owner',
    'auth',
    'version',
    'lastUpdated',
    'consumers',
    'contacts',
    'health',
    'errorHandling',
    'connection',
    'docs',
  ],
  repository: ['purpose', 'kind', 'status', 'url', 'team', 'system', 'domain', 'tags'],
  team: ['lead', 'contacts', 'escalation'],
  event: ['description', 'channel', 'schema'],
} as const;
export type QualityKind = keyof typeof TRACKED;

const COLLECTION = { integration: 'integrations', repository: 'repositories', team: 'teams', event: 'events' } as const;
const FIELDS: Record<QualityKind, string[]> = {
  integration: Object.keys(IntegrationSchema.shape),
  repository: Object.keys(RepositorySchema.shape),
  team: Object.keys(TeamSchema.shape),
  event: Object.keys(EventSchema.shape),
};

export const isRecorded = (value: unknown) =>
  value !== undefined && value !== null && value !== 'unknown' && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * A field's value as the site shows it: a repository's domain, when it writes none, is its
 * system's (the repository's diagrams are drawn in that system within that domain).
 */
function shownValue(registry: Registry, kind: QualityKind, entity: Entity<Record<string, unknown>>, field: string): unknown {
  const own = entity.data[field];
  if (kind !== 'repository' || field !== 'domain' || isRecorded(own)) return own;
  const system = entity.data.system;
  return typeof system === 'string' ? registry.systems.get(system)?.data.domain : own;
}

export interface KindQuality {
  kind: QualityKind;
  total: number;
  fields: { field: string; recorded: number; missing: string[] }[];
  /** Share of tracked values recorded, 0 to 1 (1 when the kind has no entities). */
  ratio: number;
}

/** What is recorded and what is missing, per kind and field: the data-quality view. Pure. */
export function dataQuality(registry: Registry): KindQuality[] {
  return (Object.keys(TRACKED) as QualityKind[]).map((kind) => {
    const entities = [...(registry[COLLECTION[kind]] as Map<string, Entity<Record<string, unknown>>>).values()];
    const fields = TRACKED[kind].map((field) => {
      const missing = entities
        .filter((e) => !isRecorded(shownValue(registry, kind, e, field)))
        .map((e) => e.id)
        .sort();
      return { field, recorded: entities.length - missing.length, missing };
    });
    const slots = entities.length * fields.length;
    const filled = fields.reduce((n, f) => n + f.recorded, 0);
    return { kind, total: entities.length, fields, ratio: slots === 0 ? 1 : filled / slots };
  });
}

/** `policies.require` in ecosystem.yaml: every named field recorded on every entity of its kind. */
export function requiredFields(registry: Registry): Diagnostic[] {
  const eco = registry.ecosystem;
  const require = eco?.data.policies.require;
  if (!eco || !require) return [];
  const diagnostics: Diagnostic[] = [];
  for (const kind of Object.keys(require) as QualityKind[]) {
    const fields = require[kind] ?? [];
    fields.forEach((field, i) => {
      if (!FIELDS[kind].includes(field)) {
        diagnostics.push(
          diagnostic('RequiredField', eco.file, eco.locate(['policies', 'require', kind, i]), {
            unknownField: field,
            kind,
            meant: didYouMean(field, FIELDS[kind]),
          }),
        );
        return;
      }
      for (const entity of (registry[COLLECTION[kind]] as Map<string, Entity<Record<string, unknown>>>).values()) {
        if (isRecorded(shownValue(registry, kind, entity, field))) continue;
        const written = field in entity.data;
        diagnostics.push(
          diagnostic('RequiredField', entity.file, entity.locate(written ? [field] : [], written ? 'key' : 'value'), { field, kind, id: entity.id, written }),
        );
      }
    });
  }
  return diagnostics;
}
