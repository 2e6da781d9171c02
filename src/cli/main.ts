import { parseArgs, type ParseArgsConfig } from 'node:util';
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { describeFsError } from '../core/fs-errors.ts';
import { EXIT, UsageError, type Io } from './io.ts';

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: Io): Promise<number>;
}

/** Sub-commands, loaded only when called. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).check,
  fill: async () => (await import('./fill.ts')).fill,
  new: async () => (await import('./new.ts')).scaffold,
  export: async () => (await import('./export.ts')).exportCommand,
  import: async () => (await import('./import.ts')).importCommand,
  init: async () => (await import('./init.ts')).init,
  build: async () => (await import('./site.ts')).build,
  dev: async () => (await import('./site.ts')).dev,
  preview: async () => (await import('./site.ts')).preview,
};

function help(): string {
  return [
    'plexus: the integration registry as data',
    '',
    'Usage: plexus <command> [options]',
    '',
    'Commands:',
    '  check     validate the registry and report problems as file:line:col',
    '  fill      fill a placeholder template from the registry and report what is left',
    '  new       scaffold a repository, integration, event, pattern, team or strategy document',
    '  export    write every document as plain Markdown',
    '  import    take in a Backstage catalog, an OpenAPI or an AsyncAPI document',
    '  init      start a new registry project of your own, depending on Plexus',
    '  build     check the registry and build its site into dist/',
    '  dev       serve the site live while you edit the registry',
    '  preview   serve the built site',
    '',
    "Run `plexus <command> --help` for a command's options.",
  ].join('\n');
}

/**
 * Runs the CLI on `argv` (without node and script) and returns the exit code: 0 fine, 1 problems
 * in the registry or the input, 2 usage and environment errors. Nothing prints a stack trace
 * unless asked with --debug (or PLEXUS_DEBUG=1).
 */
export async function runMain(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug') || !!io.env.PLEXUS_DEBUG;
  try {
    // The site commands run in a child process: it learns of --debug from the environment.
    return await dispatch(
      argv.filter((a) => a !== '--debug'),
      debug ? { ...io, env: { ...io.env, PLEXUS_DEBUG: '1' } } : io,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const path = (error as NodeJS.ErrnoException).path;
    const aFile = (code === 'EEXIST' || code === 'ENOTDIR') && path !== undefined && statSync(path, { throwIfNoEntry: false })?.isFile();
    const why = aFile ? 'it is a file, where a folder is needed' : describeFsError(error);
    io.err(code && path ? `Cannot use ${relative(io.cwd, path) || path}: ${why}.` : `Plexus failed unexpectedly: ${(error as Error).message ?? String(error)}`);
    if (debug) io.err(String((error as Error).stack ?? error));
    else io.err('Run again with --debug to see where.');
    return EXIT.usage;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(help());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
    return EXIT.usage;
  }
  const command = await load();
  try {
    const parsed = parseArgs({ args: [...rest], options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      io.out(`${command.summary}\n\nUsage: ${command.usage}`);
      return EXIT.ok;
    }
    return await command.run(parsed as never, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    throw error;
  }
}
