import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describeFsError } from '../core/fs-errors.ts';
import { didYouMean } from '../core/suggest.ts';
import { plexusRoot } from '../site/root.ts';
import { type Command, commandHelp, NO_ARGS, parseCommandLine, unexpectedArguments } from './command.ts';
import { EXIT, UsageError, type Io } from './io.ts';

export type { Command } from './command.ts';

/** Sub-commands, loaded only when called. */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).check,
  diff: async () => (await import('./diff.ts')).diff,
  fill: async () => (await import('./fill.ts')).fill,
  show: async () => (await import('./show.ts')).show,
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
    '  diff      what changed between two states of the registry, whom it reaches, what breaks',
    '  fill      fill a placeholder template from the registry and report what is left',
    '  new       scaffold a repository, integration, event, pattern, team or strategy document',
    '  show      an entity and its neighbourhood: plexus show payment-service',
    '  export    write every document as plain Markdown',
    '  import    take in a Backstage catalog, an OpenAPI or an AsyncAPI document',
    '  init      start a new registry project of your own, depending on Plexus',
    '  build     check the registry and build its site into dist/',
    '  dev       serve the site live while you edit the registry',
    '  preview   serve the built site',
    "  help      this help, or a command's: plexus help check",
    '  version   the version of Plexus',
    '',
    'Options:',
    "  -h, --help      this help; after a command, the command's",
    '  -v, --version   the version of Plexus',
    '  --debug         show where an unexpected failure happened (a stack trace)',
    '',
    "Run `plexus <command> --help` for a command's options and the environment variables it reads.",
    'Exit codes: 0 no errors, 1 errors in the registry or the input, 2 usage and environment errors.',
  ].join('\n');
}

/** Plexus's version, from the package.json of the installation the CLI runs from. */
export function version(): string {
  return (JSON.parse(readFileSync(join(plexusRoot(import.meta.dirname), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Every name `plexus NAME` takes. */
const NAMES = [...Object.keys(COMMANDS), 'help', 'version'];

function unknownCommand(name: string): UsageError {
  const meant = didYouMean(name, NAMES);
  return new UsageError(`Unknown command "${name}". ${meant ? `Did you mean "${meant}"?` : `Commands: ${NAMES.join(', ')}.`}`);
}

/** What `plexus` takes before a command. */
const TOP_OPTIONS = ['--help', '-h', '--version', '-v', '--debug'];

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
  try {
    if (name === undefined) {
      io.out(help());
      return EXIT.usage;
    }
    if (name === 'version' || name === '--version' || name === '-v') {
      if (rest.length > 0) throw unexpectedArguments(name, rest, NO_ARGS);
      io.out(version());
      return EXIT.ok;
    }
    if (name === 'help' || name === '--help' || name === '-h') {
      const [topic, ...extra] = rest;
      if (extra.length > 0) throw unexpectedArguments(name, extra, { min: 0, max: 1, name: 'COMMAND' });
      if (topic === undefined || topic === 'help' || topic === 'version') io.out(help());
      else if (Object.hasOwn(COMMANDS, topic)) io.out(commandHelp(await COMMANDS[topic]!()));
      else throw unknownCommand(topic);
      return EXIT.ok;
    }
    if (name.startsWith('-')) {
      const meant = didYouMean(name.replace(/^-+/, ''), ['help', 'version']);
      throw new UsageError(`Unknown option ${name}.${meant ? ` Did you mean --${meant}?` : ` Options before a command: ${TOP_OPTIONS.join(', ')}.`}`);
    }
    if (!Object.hasOwn(COMMANDS, name)) throw unknownCommand(name);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\nUsage: plexus <command> [options]`);
    return EXIT.usage;
  }
  const command: Command = await COMMANDS[name]!();
  try {
    const parsed = parseCommandLine(name, command, rest);
    if (parsed.help) {
      io.out(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    throw error;
  }
}
