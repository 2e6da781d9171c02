import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { loadRegistry } from '../core/fs.ts';
import type { Model } from '../core/model.ts';
import { ID_PATTERN, INTEGRATION_TYPES, type Integration } from '../core/schemas/index.ts';
import { didYouMeanSuffix } from '../core/suggest.ts';
import { todayIso } from '../core/dates.ts';
import { withFrontMatter } from '../render/documents.ts';
import { createEngine } from '../render/engine.ts';
import { SCAFFOLD_KINDS, scaffoldEntity, scaffoldStrategyMeta, type ScaffoldKind, type ScaffoldOptions } from '../render/scaffold.ts';
import { loadTemplates } from '../render/templates.ts';
import { strategyView } from '../render/views/strategy.ts';
import { contentDir, today } from './check.ts';
import { EXIT, UsageError } from './io.ts';
import type { Command } from './main.ts';

const SCHEMAS = join(import.meta.dirname, '..', '..', 'schemas');
const SCHEMA_NAME: Record<string, string> = { repository: 'repository', integration: 'integration', event: 'event', pattern: 'pattern', team: 'team' };

const list = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

function mustExist(model: Model, folder: 'repositories' | 'teams' | 'integrations', ids: string[] | undefined, option: string) {
  for (const id of ids ?? []) {
    if (!model[folder].has(id))
      throw new UsageError(`--${option}: no ${folder.slice(0, -1).replace(/ie$/, 'y')} "${id}".${didYouMeanSuffix(id, model[folder].keys())}`);
  }
}

/** Fields left empty for a person to fill, as dotted paths. */
function emptyFields(data: unknown, prefix = ''): string[] {
  if (data === '' || (Array.isArray(data) && data.length === 0)) return [prefix];
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    return Object.entries(data).flatMap(([k, v]) => emptyFields(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

export const scaffold: Command = {
  summary: 'Scaffold a repository, integration, event, pattern, team or strategy document, pre-filled from the registry.',
  usage:
    'plexus new KIND ID [--from REPO --to REPO,… --type TYPE] [--team TEAM] [--producer REPO] [--kind KIND] [--integrations ID,… --program NAME --author NAME] [--content DIR]',
  options: {
    content: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    type: { type: 'string' },
    team: { type: 'string' },
    producer: { type: 'string' },
    kind: { type: 'string' },
    integrations: { type: 'string' },
    program: { type: 'string' },
    author: { type: 'string', multiple: true },
  },
  async run({ values, positionals }, io) {
    const [kind, id, ...extra] = positionals;
    if (!kind || !id || extra.length > 0) throw new UsageError('Give a kind and an id, e.g. plexus new integration orders-to-payments.');
    if (!(kind in SCAFFOLD_KINDS))
      throw new UsageError(`Unknown kind "${kind}".${didYouMeanSuffix(kind, Object.keys(SCAFFOLD_KINDS))} Kinds: ${Object.keys(SCAFFOLD_KINDS).join(', ')}.`);
    if (!ID_PATTERN.test(id)) throw new UsageError(`"${id}" is not a valid id: use lowercase letters, digits, ".", "_" and "-".`);
    if (values.type !== undefined && !(INTEGRATION_TYPES as readonly string[]).includes(String(values.type))) {
      throw new UsageError(`--type "${String(values.type)}" is not an integration type.${didYouMeanSuffix(String(values.type), INTEGRATION_TYPES)}`);
    }
    const dir = await contentDir(values.content, io);
    const { model } = await loadRegistry(dir, { cwd: io.cwd, today: today(io) });
    const options: ScaffoldOptions = {
      today: today(io) ?? todayIso(),
      from: values.from as string | undefined,
      to: list(values.to),
      type: values.type as Integration['type'] | undefined,
      team: values.team as string | undefined,
      producer: values.producer as string | undefined,
      kind: values.kind as string | undefined,
      integrations: list(values.integrations),
      program: values.program as string | undefined,
      authors: values.author as string[] | undefined,
    };
    mustExist(
      model,
      'repositories',
      [options.from, options.producer, ...(options.to ?? [])].filter((x): x is string => !!x),
      'from/--to/--producer',
    );
    mustExist(model, 'teams', options.team ? [options.team] : [], 'team');
    mustExist(model, 'integrations', options.integrations, 'integrations');

    const k = kind as ScaffoldKind;
    const file = join(dir, SCAFFOLD_KINDS[k], `${id}.${k === 'strategy' ? 'md' : 'yaml'}`);
    const shown = relative(io.cwd, file);
    if (await stat(file).catch(() => undefined)) {
      io.err(`${shown} already exists; plexus new never overwrites. Edit it, or choose another id.`);
      return EXIT.problems;
    }
    let text: string;
    let todo: string[];
    if (k === 'strategy') {
      const meta = scaffoldStrategyMeta(model, id, options);
      const { program, ecosystem: _, ...frontMatter } = meta;
      const engine = createEngine(await loadTemplates(model.templates, io.cwd));
      const body = engine.render(
        'strategy.md.hbs',
        strategyView(model, {
          integrations: options.integrations ?? [],
          program,
          date: options.today,
          version: '0.1.0',
          status: 'Draft',
          authors: options.authors,
          history: frontMatter.history,
        }),
      );
      text = withFrontMatter(frontMatter, body);
      todo = ['the [bracketed] placeholders (npx plexus fill shows each with its line)'];
    } else {
      const data = scaffoldEntity(model, k, id, options);
      const schema = relative(dirname(file), join(SCHEMAS, `${SCHEMA_NAME[k]}.schema.json`))
        .split('\\')
        .join('/');
      text = `# yaml-language-server: $schema=${schema}\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}`;
      todo = emptyFields(data);
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text, { flag: 'wx' });
    io.out(`Created ${shown}.`);
    if (todo.length > 0) io.out(`Fill in: ${todo.join(', ')}. Then run plexus check.`);
    return EXIT.ok;
  },
};
