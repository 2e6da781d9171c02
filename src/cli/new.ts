import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { formatDiagnostic, formatSummary } from '../core/diagnostics.ts';
import { loadRegistry } from '../core/fs.ts';
import type { Model } from '../core/model.ts';
import { ID_PATTERN, INTEGRATION_TYPES, SINGULAR, type Integration } from '../core/schemas/index.ts';
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

const SCHEMAS = join(import.meta.dirname, ...(import.meta.filename.endsWith('.ts') ? ['..', '..'] : ['..', '..', '..']), 'schemas'); // src/cli or lib/src/cli
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
    if (model.invalid.has(`${folder}/${id}`))
      throw new UsageError(`--${option}: ${SINGULAR[folder]} "${id}" exists but has errors (shown above); fix it first.`);
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
    'plexus new KIND ID [--provider REPO --consumers REPO,… --type TYPE] [--team TEAM] [--producer REPO] [--kind KIND] [--integrations ID,… --program NAME --author NAME] [--content DIR]',
  options: {
    content: { type: 'string' },
    provider: { type: 'string' },
    consumers: { type: 'string' },
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
    const k = kind as ScaffoldKind;
    const file = join(dir, SCAFFOLD_KINDS[k], `${id}.${k === 'strategy' ? 'md' : 'yaml'}`);
    const shown = relative(io.cwd, file);
    // Any file that gives the same id counts (x.yml beside x.yaml, x.mdx beside x.md), a dangling link too.
    const siblings = k === 'strategy' ? ['md', 'mdx'] : ['yaml', 'yml'];
    for (const ext of siblings) {
      const taken = join(dir, SCAFFOLD_KINDS[k], `${id}.${ext}`);
      if (await lstat(taken).catch(() => undefined)) {
        io.err(`${relative(io.cwd, taken)} already exists; plexus new never overwrites. Edit it, or choose another id.`);
        return EXIT.problems;
      }
    }
    const { model, diagnostics, fileCount } = await loadRegistry(dir, { cwd: io.cwd, today: today(io) });
    // The registry's own errors come first: a scaffold is judged against what check says.
    const errors = diagnostics.filter((d) => d.severity === 'error');
    for (const d of errors) io.err(formatDiagnostic(d));
    if (errors.length > 0) {
      io.err(`${formatSummary(errors, fileCount)} plexus new carries on for a repository, integration, event, pattern or team, but check these.`);
      if (kind === 'strategy') {
        io.err('A strategy document is written from the registry: fix the registry first (plexus check).');
        return EXIT.problems;
      }
    }
    const options: ScaffoldOptions = {
      today: today(io) ?? todayIso(),
      provider: values.provider as string | undefined,
      consumers: list(values.consumers),
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
      [options.provider, options.producer, ...(options.consumers ?? [])].filter((x): x is string => !!x),
      'provider/--consumers/--producer',
    );
    if (options.provider && options.consumers?.includes(options.provider))
      throw new UsageError(`--provider and --consumers both name "${options.provider}"; a repository does not consume its own integration.`);
    mustExist(model, 'teams', options.team ? [options.team] : [], 'team');
    mustExist(model, 'integrations', options.integrations, 'integrations');

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
