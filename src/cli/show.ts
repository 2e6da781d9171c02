import { eventGraph, neighbourhoodGraph, sequenceOf } from '../diagrams/graph.ts';
import { toText } from '../diagrams/graph-text.ts';
import type { Model } from '../core/model.ts';
import { didYouMeanSuffix } from '../core/suggest.ts';
import { CONTENT_OPTION } from './check.ts';
import type { Command } from './command.ts';
import { EXIT } from './io.ts';
import { loadValidModel } from './load.ts';

/** Lines `  Label   value`, the labels in a column, leaving out what is not recorded. */
function facts(rows: [string, string | undefined | null][]): string {
  const shown = rows.filter((r): r is [string, string] => typeof r[1] === 'string' && r[1] !== '');
  const width = Math.max(...shown.map(([k]) => k.length));
  return shown.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}

const indent = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

/** What `plexus show ID` prints: the entity's facts, then its neighbourhood as a tree. Undefined for an unknown id. */
export function showText(model: Model, id: string): string | undefined {
  const team = (t: string | undefined) => (t ? (model.teams.get(t)?.data.name ?? (t === 'unknown' ? 'team unknown' : t)) : undefined);
  const repo = model.repositories.get(id)?.data;
  if (repo) {
    const system = repo.system ? model.systems.get(repo.system)?.data.name : undefined;
    // What it provides that nobody consumes yet draws no arrow, but it is this repository's integration all the same.
    const unconsumed = [...model.integrations.values()]
      .filter((i) => i.data.provider === id && (model.analysis.consumersOf.get(i.id) ?? []).length === 0)
      .map((i) => `provides ${i.data.title} (${i.id}), no consumers recorded`)
      .sort();
    return `${repo.name} (repository ${id})\n${facts([
      ['Purpose', repo.purpose],
      ['Kind', repo.kind],
      ['Status', repo.status],
      ['Owner', team(repo.team)],
      ['System', system],
      ['Domain', repo.domain],
    ])}\n\nNeighbourhood (→ it acts on, ← acts on it, ↔ both ways):\n${indent(toText(neighbourhoodGraph(model, id), unconsumed))}\n`;
  }
  const event = model.events.get(id)?.data;
  if (event) {
    return `${id} (event)\n${facts([
      ['About', event.description],
      ['Channel', event.channel],
      ['Delivery', event.delivery],
    ])}\n\nFlow (← publishes it, → receives it):\n${indent(toText(eventGraph(model, id)))}\n`;
  }
  const integration = model.integrations.get(id)?.data;
  if (integration) {
    const name = (r: string) => model.repositories.get(r)?.data.name ?? r;
    const consumers = model.analysis.consumersOf.get(id) ?? [];
    const sequence = sequenceOf(model, id);
    return `${integration.title} (integration ${id})\n${facts([
      ['Purpose', integration.purpose],
      ['Type', integration.type],
      ['Status', integration.status],
      ['Provider', name(integration.provider)],
      ['Consumers', consumers.map(name).join(', ') || 'none registered'],
      ['Owner', team(integration.owner)],
    ])}\n${sequence ? `\nSteps:\n${indent(toText(sequence))}\n` : ''}`;
  }
  const resource = model.resources.get(id)?.data;
  if (resource) {
    const name = (r: string) => model.repositories.get(r)?.data.name ?? r;
    return `${resource.name} (resource ${id})\n${facts([
      ['Kind', resource.kind],
      ['Owner', name(resource.owner)],
      ['Used by', (resource.users ?? []).map((u) => `${name(u.repository)}${u.access ? ` (${u.access})` : ''}`).join(', ')],
    ])}\n`;
  }
  return undefined;
}

/** Every id `plexus show` knows, for "did you mean". */
const ids = (model: Model) => [...model.repositories.keys(), ...model.events.keys(), ...model.integrations.keys(), ...model.resources.keys()];

export const show: Command = {
  summary: 'Print a repository, event, integration or resource and its neighbourhood: what it talks to, and how.',
  usage: 'plexus show ID [--content DIR]',
  args: { min: 1, max: 1, name: 'ID', missing: 'Which entity? plexus show ID, e.g. plexus show payment-service.' },
  options: { content: CONTENT_OPTION },
  env: ['PLEXUS_CONTENT', 'PLEXUS_TODAY'],
  async run({ values, positionals }, io) {
    const loaded = await loadValidModel(values.content, io);
    if (!loaded) return EXIT.problems;
    const id = positionals[0]!;
    const text = showText(loaded.model, id);
    if (text === undefined) {
      io.err(`No repository, event, integration or resource has the id "${id}".${didYouMeanSuffix(id, ids(loaded.model))}`);
      return EXIT.problems;
    }
    io.out(text.trimEnd());
    return EXIT.ok;
  },
};
