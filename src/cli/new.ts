import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { Document, isScalar } from 'yaml';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { loadRegistry } from '../core/fs.ts';
import { schemaComment } from '../core/schema-comment.ts';
import type { Model } from '../core/model.ts';
import {
  ID_PATTERN,
  INTEGRATION_TYPES,
  PATTERN_KINDS,
  PROTOCOL_KINDS,
  REPOSITORY_KINDS,
  RESOURCE_KINDS,
  SINGULAR,
  type CollectionName,
  type Integration,
  UNKNOWN,
} from '../core/schemas/index.ts';
import { didYouMeanSuffix } from '../core/suggest.ts';
import { todayIso } from '../core/dates.ts';
import { withFrontMatter } from '../render/documents.ts';
import { createEngine } from '../render/engine.ts';
import { SCAFFOLD_KINDS, type Scaffold, scaffoldEntity, scaffoldStrategyMeta, type ScaffoldKind, type ScaffoldOptions } from '../render/scaffold.ts';
import { loadTemplates } from '../render/templates.ts';
import { strategyView } from '../render/views/strategy.ts';
import { CONTENT_OPTION, contentDir, today } from './check.ts';
import { EXIT, UsageError } from './io.ts';
import type { Command } from './command.ts';

const list = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

function mustExist(model: Model, folder: CollectionName, ids: string[] | undefined, option: string) {
  for (const id of ids ?? []) {
    if (model.invalid.has(`${folder}/${id}`))
      throw new UsageError(`--${option}: ${SINGULAR[folder]} "${id}" exists but has errors (plexus check shows them); fix it first.`);
    if (!(model[folder] as Map<string, unknown>).has(id))
      throw new UsageError(`--${option}: no ${SINGULAR[folder]} "${id}".${didYouMeanSuffix(id, (model[folder] as Map<string, unknown>).keys())}`);
  }
}

/** The `--kind` values each kind takes. */
const KINDS: Partial<Record<ScaffoldKind, readonly string[]>> = {
  repository: REPOSITORY_KINDS,
  resource: RESOURCE_KINDS,
  pattern: PATTERN_KINDS,
  protocol: PROTOCOL_KINDS,
};

/** What a kind cannot be written without: the one fact that places it in the registry, which only the author can give. */
const NEEDS: Partial<Record<ScaffoldKind, { option: 'team' | 'provider' | 'owner'; what: string }>> = {
  repository: { option: 'team', what: 'the team that owns it' },
  integration: { option: 'provider', what: 'the repository that provides it' },
  resource: { option: 'owner', what: 'the repository that owns it' },
};

/** The scaffold as YAML: a comment beside each field a person still has to give. */
function yamlOf({ data, notes, unknown }: Scaffold): string {
  const doc = new Document(data, { aliasDuplicateObjects: false });
  for (const [key, note] of Object.entries(notes)) {
    const node = doc.get(key, true);
    if (isScalar(node) && note) node.comment = ` ${note}`;
  }
  if (unknown.length > 0 && doc.contents)
    doc.contents.commentBefore = ' "unknown" marks what is not known yet, and check accepts it; replace it when you know.';
  return doc.toString({ lineWidth: 0 });
}

export const scaffold: Command = {
  summary: 'Scaffold a repository, integration, event, resource, system, domain, pattern, team or strategy document: what you give, nothing guessed.',
  usage:
    'plexus new KIND ID [--team TEAM] [--provider REPO --consumers REPO,… --type TYPE] [--producer REPO] [--owner REPO|TEAM] [--domain DOMAIN] [--kind KIND] [--integrations ID,… --program NAME --author NAME] [--content DIR]',
  args: { min: 2, max: 2, name: 'KIND ID', missing: 'Give a kind and an id, e.g. plexus new integration orders-to-payments --provider payment-service.' },
  options: {
    content: CONTENT_OPTION,
    provider: { type: 'string', value: 'REPO', description: 'integration: the repository that provides it (required)' },
    consumers: { type: 'string', value: 'REPO,…', description: 'integration: the repositories that consume it' },
    type: { type: 'string', value: 'TYPE', description: 'integration: its type (rest, event, …)', default: 'dependency' },
    team: { type: 'string', value: 'TEAM', description: 'repository (required), system, domain, docset: the team that owns it' },
    producer: { type: 'string', value: 'REPO', description: 'event: the repository that produces it' },
    owner: {
      type: 'string',
      value: 'REPO|TEAM',
      description: "resource: the repository that owns it (required); integration: the team that owns it (default: the provider's team)",
    },
    domain: { type: 'string', value: 'DOMAIN', description: 'system: the domain it belongs to' },
    kind: { type: 'string', value: 'KIND', description: `${Object.keys(KINDS).join(', ')}: its kind`, default: 'unknown' },
    integrations: { type: 'string', value: 'ID,…', description: 'strategy: the integrations it covers' },
    program: { type: 'string', value: 'NAME', description: 'strategy: the program it is for', default: 'the title made from ID' },
    author: { type: 'string', value: 'NAME', multiple: true, description: 'strategy: an author' },
  },
  env: ['PLEXUS_CONTENT', 'PLEXUS_TODAY'],
  async run({ values, positionals }, io) {
    const [kind, id, ...extra] = positionals;
    if (!kind || !id || extra.length > 0)
      throw new UsageError('Give a kind and an id, e.g. plexus new integration orders-to-payments --provider payment-service.');
    if (!(kind in SCAFFOLD_KINDS))
      throw new UsageError(`Unknown kind "${kind}".${didYouMeanSuffix(kind, Object.keys(SCAFFOLD_KINDS))} Kinds: ${Object.keys(SCAFFOLD_KINDS).join(', ')}.`);
    if (!ID_PATTERN.test(id)) throw new UsageError(`"${id}" is not a valid id: use lowercase letters, digits, ".", "_" and "-".`);
    const k = kind as ScaffoldKind;
    if (values.type !== undefined && !(INTEGRATION_TYPES as readonly string[]).includes(String(values.type))) {
      throw new UsageError(`--type "${String(values.type)}" is not an integration type.${didYouMeanSuffix(String(values.type), INTEGRATION_TYPES)}`);
    }
    if (values.kind !== undefined && !KINDS[k]?.includes(String(values.kind))) {
      const kinds = KINDS[k];
      throw new UsageError(
        kinds
          ? `--kind "${String(values.kind)}" is not a ${k} kind.${didYouMeanSuffix(String(values.kind), kinds)} Kinds: ${kinds.join(', ')}.`
          : `--kind is for a repository, resource, pattern or protocol, not a ${k}.`,
      );
    }
    const needs = NEEDS[k];
    if (needs && values[needs.option] === undefined)
      throw new UsageError(`Name ${needs.what}: plexus new ${k} ${id} --${needs.option} ${needs.option === 'team' ? 'TEAM' : 'REPO'}.`);
    const dir = await contentDir(values.content, io);
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
    const { model, diagnostics } = await loadRegistry(dir, { cwd: io.cwd, today: today(io) });
    // The registry's own problems are for plexus check; a strategy document, written from the registry, waits for them.
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    if (k === 'strategy' && errors > 0) {
      io.err(
        `The registry has ${errors} error${errors === 1 ? '' : 's'} (plexus check shows them); a strategy document is written from the registry: fix them first.`,
      );
      return EXIT.problems;
    }
    const options: ScaffoldOptions = {
      today: today(io) ?? todayIso(),
      provider: values.provider as string | undefined,
      consumers: list(values.consumers),
      type: values.type as Integration['type'] | undefined,
      team: values.team as string | undefined,
      producer: values.producer as string | undefined,
      owner: values.owner as string | undefined,
      domain: values.domain as string | undefined,
      kind: values.kind as string | undefined,
      integrations: list(values.integrations),
      program: values.program as string | undefined,
      authors: values.author as string[] | undefined,
    };
    mustExist(
      model,
      'repositories',
      [options.provider, options.producer, k === 'integration' ? undefined : options.owner, ...(options.consumers ?? [])].filter((x): x is string => !!x),
      'provider/--consumers/--producer/--owner',
    );
    // An integration's owner is a team: the one named, else its provider's; unknown names no team to take.
    if (k === 'integration') {
      mustExist(model, 'teams', options.owner ? [options.owner] : [], 'owner');
      if (!options.owner && options.provider && model.repositories.get(options.provider)?.data.team === UNKNOWN)
        throw new UsageError(`--owner TEAM is needed: the team of ${options.provider}, which would own the new integration ${id}, is unknown.`);
    }
    if (options.provider && options.consumers?.includes(options.provider))
      throw new UsageError(`--provider and --consumers both name "${options.provider}"; a repository does not consume its own integration.`);
    mustExist(model, 'teams', options.team ? [options.team] : [], 'team');
    mustExist(model, 'domains', options.domain ? [options.domain] : [], 'domain');
    mustExist(model, 'integrations', options.integrations, 'integrations');

    let text: string;
    let todo: string | undefined;
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
      todo = 'Fill in the [bracketed] placeholders (npx plexus fill shows each with its line).';
    } else {
      const made = scaffoldEntity(model, k, id, options);
      text = `${schemaComment(file, k)}${yamlOf(made)}`;
      if (made.unknown.length > 0) todo = `Written unknown: ${made.unknown.join(', ')}; the comment on each line says what goes there.`;
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text, { flag: 'wx' });
    io.out(`Created ${shown}.`);
    // What check says of the new file, and only of it: the rest of the registry is plexus check's to report.
    const after = await loadRegistry(dir, { cwd: io.cwd, today: today(io) });
    const own = after.diagnostics.filter((d) => d.file === shown);
    for (const d of own) io.out(formatDiagnostic(d));
    if (todo) io.out(todo);
    return own.some((d) => d.severity === 'error') ? EXIT.problems : EXIT.ok;
  },
};
