import { lstat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { formatDiagnostic, formatSummary, terminalSafe } from '../core/diagnostics.ts';
import { todayIso } from '../core/dates.ts';
import { describeFsError } from '../core/fs-errors.ts';
import { buildFromFiles, limitFor, readRegistry, withChanges } from '../core/fs.ts';
import { formatBytes, GateError } from '../core/gate.ts';
import { unwritableName } from '../core/gate-write.ts';
import { warmSecondThread } from '../core/second-thread.ts';
import { COLLECTIONS, type CollectionName } from '../core/schemas/index.ts';
import type { Model } from '../core/model.ts';
import type { ImportResult, Unmapped } from '../import/contract.ts';
import { ecosystemFile } from '../import/ecosystem.ts';
import { relativeTo } from '../import/spec-source.ts';
import { changeSummary, diffOf, planChanges, shorten, writeChanges } from '../import/write.ts';
import { progress } from '../site/progress.ts';
import { CONTENT_OPTION, contentDir, today } from './check.ts';
import { EXIT, type Io, UsageError } from './io.ts';
import type { Command } from './command.ts';

const SOURCES = ['backstage', 'openapi', 'asyncapi'] as const;

/** Below this many files an import is over before progress would help. */
const PROGRESS_FROM = 200;

/**
 * Every line import prints: catalog names, spec titles and the files they become are data, so
 * each line is escaped as `check` escapes its diagnostics, to a terminal or not (a diff too: it is
 * read by a person, and an escape sequence in it would act on their terminal).
 */
const printer = (io: Io) => ({
  out: (line: string) => io.out(terminalSafe(line)),
  err: (line: string) => io.err(terminalSafe(line)),
});

async function backstage(
  inputs: string[],
  options: { cwd: string; contentDir: string; known: ReadonlySet<string>; strict: boolean; model: Model },
): Promise<ImportResult> {
  const r = await (await import('../import/backstage.ts')).importBackstage(inputs, options);
  return { ...r, what: `${r.entityCount} catalog entit${r.entityCount === 1 ? 'y' : 'ies'}` };
}

/** `api:default/x` → `API`: the Backstage kind a catalog ref names, or undefined for a spec's. */
function kindOf({ ref, kind: given }: Unmapped): string | undefined {
  if (given) return given;
  const kind = /^([a-z]+):[^\s/]+\/\S/.exec(ref)?.[1];
  if (!kind) return undefined;
  return kind === 'api' ? 'API' : kind[0]!.toUpperCase() + kind.slice(1);
}

/**
 * The "Not mapped" lines: a spec's one a line, then a catalog's grouped by kind and field (every
 * entity a field did not land for under one heading), the groups in alphabetical order.
 */
export function notMapped(unmapped: readonly Unmapped[]): string[] {
  const groups = new Map<string, Unmapped[]>();
  const lines: string[] = [];
  for (const u of unmapped) {
    const kind = kindOf(u);
    if (!kind) {
      lines.push(`  ${u.ref}  ${u.field}: ${u.why}`);
      continue;
    }
    const key = `${kind} ${u.field.replace(/\[\d+\]/g, '[]')}`;
    const group = groups.get(key);
    if (group) group.push(u);
    else groups.set(key, [u]);
  }
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${key} (${group.length}):`);
    for (const u of group) lines.push(`    ${u.ref}${/\[\d+\]/.test(u.field) ? ` ${u.field}` : ''}: ${u.why}`);
  }
  return lines;
}

/**
 * Why a file the import would write is larger than `check` reads (a registry file 1 MiB, a spec
 * copy 64 MiB): written, it would make the registry fail its check and every later import.
 */
function tooLarge(c: { path: string; after: string }, dir: string): string | undefined {
  const bytes = Buffer.byteLength(c.after);
  const limit = limitFor(relativeTo(dir, c.path));
  const n = (k: number) => k.toLocaleString('en-US');
  return bytes > limit
    ? `it would be ${n(bytes)} bytes, and Plexus reads such a file only up to ${formatBytes(limit)} (${n(limit)} bytes); shorten what the source writes there`
    : undefined;
}

export const importCommand: Command = {
  summary: 'Import a Backstage catalog, an OpenAPI document or an AsyncAPI document into the registry; run it again to update what it imported.',
  usage: [
    'plexus import backstage PATH… [--strict] [--content DIR] [--dry-run]',
    '       plexus import openapi FILE|URL --provider REPO [--integration ID] [--owner TEAM] [--root DIR] [--content DIR] [--dry-run]',
    '       plexus import asyncapi FILE|URL --repository REPO [--root DIR] [--content DIR] [--dry-run]',
  ].join('\n'),
  args: { min: 1, max: Infinity, name: 'SOURCE PATH…', missing: `Say what to import from: ${SOURCES.join(', ')}.` },
  options: {
    content: CONTENT_OPTION,
    'dry-run': { type: 'boolean', description: 'print what would change, as a diff, and write nothing' },
    strict: {
      type: 'boolean',
      description: 'backstage: write nothing when an entity is of a kind Plexus does not read or a relation names nothing (else skipped with a warning)',
    },
    provider: { type: 'string', value: 'REPO', description: 'openapi: the repository that provides the API (required)' },
    integration: { type: 'string', value: 'ID', description: "openapi: the integration's id", default: 'from the spec title' },
    owner: { type: 'string', value: 'TEAM', description: 'openapi: the team that owns the integration', default: "the provider's team" },
    repository: { type: 'string', value: 'REPO', description: 'asyncapi: the repository whose events the document describes (required)' },
    root: {
      type: 'string',
      value: 'DIR',
      description:
        'openapi, asyncapi: a folder that contains the spec, which its $refs may reach (schemas kept in a sibling folder, such as ../common); no dot-folders, no links out',
      default: "the spec's own folder",
    },
  },
  env: ['PLEXUS_CONTENT', 'PLEXUS_TODAY'],
  async run({ values, positionals }, io) {
    const [source, ...inputs] = positionals;
    if (!source || !(SOURCES as readonly string[]).includes(source)) throw new UsageError(`Say what to import from: ${SOURCES.join(', ')}.`);
    if (inputs.length === 0) throw new UsageError(`Give the ${source === 'backstage' ? 'catalog files or folders' : 'spec file or URL'} to import.`);
    if (source !== 'backstage' && inputs.length > 1) throw new UsageError(`plexus import ${source} reads one document at a time.`);
    if (source === 'backstage' && values.root !== undefined)
      throw new UsageError('--root is for openapi and asyncapi: a catalog is read inside the folders you name, so name the wider folder itself.');
    // A catalog may be thousands of entities, parsed and printed in part on a second thread: it starts now, while the registry is read.
    if (source === 'backstage') warmSecondThread();
    const dir = await contentDir(values.content, io);
    const files = await readRegistry(dir, { cwd: io.cwd });
    const registry = buildFromFiles(files, today(io));
    const known = new Set<string>();
    for (const collection of Object.keys(COLLECTIONS) as CollectionName[]) for (const id of registry.model[collection].keys()) known.add(`${collection}/${id}`);
    for (const invalid of registry.model.invalid) known.add(invalid);

    const options = { cwd: io.cwd, contentDir: dir, model: registry.model, known, values, strict: !!values.strict };
    const result: ImportResult =
      source === 'backstage'
        ? await backstage(inputs, options)
        : source === 'openapi'
          ? await (await import('../import/openapi.ts')).importOpenApi(inputs[0]!, options)
          : await (await import('../import/asyncapi.ts')).importAsyncApi(inputs[0]!, options);

    const say = printer(io);
    if (result.errors.length > 0) {
      for (const e of result.errors) say.err(e);
      say.err('Nothing written.');
      return EXIT.usage;
    }
    if (result.diagnostics.some((d) => d.severity === 'error')) {
      for (const d of result.diagnostics) say.err(formatDiagnostic(d));
      say.err('Nothing written: fix the input first.');
      return EXIT.problems;
    }
    // What was skipped, at its place in the source, before what was written.
    for (const d of result.diagnostics) say.out(formatDiagnostic(d));
    const { changes, kept, refused } = await planChanges(dir, result.planned, io.cwd);
    // A spec copy goes with its entity: when the entity is left alone, so is the copy.
    const all = [...(kept.length === 0 ? (result.files ?? []) : []), ...changes];
    // A registry without an ecosystem.yaml (nor a broken one) gets one, so what was imported checks clean.
    // Anything at all at that name (a broken file, a link) is left alone.
    const ecosystem = join(dir, 'ecosystem.yaml');
    const present = async (path: string) => !!(await lstat(path).catch(() => undefined));
    if (!(await present(ecosystem)) && !(await present(join(dir, 'ecosystem.yml'))))
      all.unshift(ecosystemFile(ecosystem, io.cwd, result.planned, today(io) ?? todayIso()));
    for (const c of all) {
      const why = c.status === 'unchanged' ? undefined : (unwritableName(c.path) ?? tooLarge(c, dir));
      if (why) refused.push({ display: shorten(c.display), reason: why });
    }
    if (refused.length > 0) {
      for (const r of refused) say.err(`Cannot write ${r.display}: ${r.reason}.`);
      say.err('Nothing written.');
      return EXIT.problems;
    }
    const dry = !!values['dry-run'];
    if (dry) {
      const diff = diffOf(all);
      say.out(diff === '' ? 'Nothing would change.' : diff.trimEnd());
    } else {
      const writes = all.filter((c) => c.status !== 'unchanged').length;
      // A big import takes seconds (each file is flushed to disk): say so while it writes.
      const shown = io.progress && writes >= PROGRESS_FROM ? progress(`Writing ${writes} files…`, writes, io.progress) : undefined;
      const { written, failed, removed } = await writeChanges(all, dir, (n) => shown?.update(n)).finally(() => shown?.end());
      if (removed) say.out(`Removed ${removed} temporary file${removed === 1 ? '' : 's'} an interrupted import left.`);
      if (failed) {
        const why = failed.error instanceof GateError ? failed.error.why : describeFsError(failed.error);
        const total = all.filter((c) => c.status !== 'unchanged').length;
        say.err(`Cannot write ${failed.display}: ${why}.`);
        say.err(
          written === 0
            ? 'Nothing written: no file was put in place.'
            : `Stopped after writing ${written} of ${total} files, each whole; run the import again to write the rest.`,
        );
        return EXIT.usage;
      }
    }
    say.out(
      `${dry ? 'Would import' : 'Imported'} ${result.what} into ${all.length} file${all.length === 1 ? '' : 's'} under ${relative(io.cwd, dir) || '.'}: ${changeSummary(all)}.`,
    );
    for (const k of kept) say.out(`Left alone: ${k.display}: ${k.reason}.`);
    if (result.unmapped.length > 0) {
      say.out(`Not mapped (${result.unmapped.length}):`);
      for (const line of notMapped(result.unmapped)) say.out(line);
    }
    const changed = all.filter((c) => c.status !== 'unchanged');
    if (!dry && changed.length > 0) {
      // The registry read before, with the written files in place: nothing else is read again.
      const after = buildFromFiles(
        await withChanges(
          files,
          changed.map((c) => ({ path: c.path, text: c.after, data: c.data, spec: c.parsed })),
        ),
        today(io),
      );
      const written = new Set(all.map((c) => c.display));
      const ours = after.diagnostics.filter((d) => written.has(d.file));
      for (const d of ours) say.out(formatDiagnostic(d));
      say.out(`Check of the imported files: ${formatSummary(ours, all.length)}`);
    }
    return EXIT.ok;
  },
};
