import type { Model } from '../core/model.ts';
import { recorded } from './labels.ts';

/**
 * The `{UPPER_SNAKE}` values a registry provides to `plexus fill`: the ecosystem, its current
 * and reference projects, `{PROJECT_n}` for each of `projects`, and `placeholders` verbatim.
 * Project placeholders hold repository ids (they also build URLs); `_NAME` holds the name.
 */
export function registryValues(model: Model): Map<string, string> {
  const values = new Map<string, string>();
  const eco = model.ecosystem?.data;
  if (!eco) return values;
  const project = (prefix: string, id: string) => {
    const repo = model.repositories.get(id)?.data;
    values.set(prefix, id);
    if (!repo) return;
    values.set(`${prefix}_NAME`, repo.name);
    values.set(`${prefix}_PURPOSE`, repo.purpose);
    const url = recorded(repo.url);
    if (url) values.set(`${prefix}_URL`, url);
    if (repo.role) values.set(`${prefix}_ROLE`, repo.role);
  };
  values.set('ECOSYSTEM_NAME', eco.name);
  values.set('ECOSYSTEM_DESCRIPTION', eco.description);
  values.set('REGISTRY_VERSION', eco.registryVersion);
  values.set('LAST_UPDATED', eco.lastUpdated);
  values.set('NEXT_REVIEW', eco.nextReview);
  values.set('MAINTAINED_BY', model.teams.get(eco.maintainedBy)?.data.name ?? eco.maintainedBy);
  project('CURRENT_PROJECT', eco.currentProject);
  project('REFERENCE_PROJECT', eco.referenceProject);
  eco.projects?.forEach((id, i) => {
    project(`PROJECT_${i + 1}`, id);
  });
  for (const [key, value] of Object.entries(eco.placeholders ?? {})) values.set(key, value);
  return values;
}
