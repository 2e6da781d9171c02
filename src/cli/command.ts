// What a command is, as data: its summary, usage, the arguments and options it takes (each with a
// line of help) and the environment variables it reads. The parser and --help both read it, so an
// option cannot be accepted without being documented, nor documented without being accepted.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../core/suggest.ts';
import { COMMON_ENVIRONMENT, ENVIRONMENT, type EnvironmentVariable } from './environment.ts';
import { type Io, UsageError } from './io.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** A one-letter alias: `-h`. */
  short?: string;
  /** May be given more than once; every value is kept. */
  multiple?: boolean;
  /** What the value is, as help and messages name it: DIR, FILE, N. */
  value?: string;
  /** The value may be left out (`--host` alone, or `--host ADDR`): it is then the empty string. */
  optionalValue?: boolean;
  /** One line for --help. */
  description: string;
  /** What applies when the option is not given, as --help shows it. */
  default?: string;
}

/** The positional arguments a command takes: how many, what --help and messages call them, what to say when too few. */
export interface ArgsSpec {
  min: number;
  max: number;
  name?: string;
  missing?: string;
}

export const NO_ARGS: ArgsSpec = { min: 0, max: 0 };

export interface Command {
  summary: string;
  usage: string;
  args: ArgsSpec;
  options: Record<string, OptionSpec>;
  /** The environment variables it reads besides those every command reads (COMMON_ENVIRONMENT). */
  env: readonly EnvironmentVariable[];
  run(args: { values: Record<string, string | boolean | undefined>; positionals: string[] }, io: Io): Promise<number>;
}

/** Options every command takes. --debug is taken out before a command is parsed (runMain). */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  debug: { type: 'boolean', description: 'show where an unexpected failure happened (a stack trace)' },
};

/** Every option the parser accepts for `command`: its own and the global ones. */
export const acceptedOptions = (command: Command): Record<string, OptionSpec> => ({ ...command.options, ...GLOBAL_OPTIONS });

/** What Node's parseArgs is given: the types, nothing else. */
export function parseArgsOptions(options: Record<string, OptionSpec>): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
}

const WORDS = ['no', 'one', 'two', 'three'];
const count = (n: number) => WORDS[n] ?? String(n);

/** `Unexpected argument "x": plexus check takes no arguments.`, for arguments a command does not take. */
export function unexpectedArguments(command: string, extra: readonly string[], args: ArgsSpec, meant?: string): UsageError {
  const takes = args.max === 0 ? 'no arguments' : `${args.min < args.max ? 'at most ' : ''}${count(args.max)} (${args.name})`;
  const list = extra.map((a) => `"${a}"`).join(', ');
  return new UsageError(
    `Unexpected argument${extra.length === 1 ? '' : 's'} ${list}: plexus ${command} takes ${takes}.${meant ? ` Did you mean --${meant}?` : ''}`,
  );
}

/**
 * The command line of `plexus NAME …`, checked against the command's data. Every mistake is a
 * UsageError in Plexus's words: an unknown option with the closest known one, an option without
 * its value, a value given to a switch, arguments it does not take.
 */
export function parseCommandLine(
  name: string,
  command: Command,
  argv: readonly string[],
): { values: Record<string, string | boolean | undefined>; positionals: string[]; help: boolean } {
  const options = acceptedOptions(command);
  // `--host` with nothing after it, or an option after it, is `--host=`: Node's parser would take the next word as its value.
  const end = argv.indexOf('--');
  const args = argv.map((arg, i) => {
    const spec = arg.startsWith('--') && (end < 0 || i < end) ? options[arg.slice(2)] : undefined;
    const next = argv[i + 1];
    return spec?.optionalValue && (next === undefined || next.startsWith('-')) ? `${arg}=` : arg;
  });
  const { values, positionals, tokens } = parseArgs({ args, options: parseArgsOptions(options), allowPositionals: true, strict: false, tokens: true });
  const help = tokens.some((t) => t.kind === 'option' && t.name === 'help');
  if (help) return { values: {}, positionals: [], help };
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) {
      const meant = token.rawName.startsWith('--') ? didYouMean(token.name, Object.keys(options)) : undefined;
      throw new UsageError(`Unknown option ${token.rawName}.${meant ? ` Did you mean --${meant}?` : ''}`);
    }
    const shown = `--${token.name}`;
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`Option ${shown} takes no value; write ${shown} alone.`);
    if (spec.type === 'string') {
      const value = `${shown} ${spec.value ?? 'VALUE'}`;
      // Node's parser takes the next word, even `--strict`, as the value: a word that starts with "-" is taken for an option.
      const next = token.inlineValue ? undefined : token.value;
      if (next === undefined && token.value === undefined) throw new UsageError(`Option ${shown} needs a value: ${value}.`);
      if (next?.startsWith('-') && next !== '-') {
        const option = /^--?([^=]*)/.exec(next)![1]!;
        const hint = options[option] || next.length < 2 ? '' : ` (a value that starts with "-" is written ${shown}=${next})`;
        throw new UsageError(`Option ${shown} needs a value: ${value}${hint}.`);
      }
    }
  }
  const { min, max } = command.args;
  if (positionals.length < min) throw new UsageError(command.args.missing ?? `Give ${command.args.name}.`);
  if (positionals.length > max) {
    const extra = positionals.slice(max);
    // A word that is nearly one of the command's options was probably meant as it: `check strict`.
    const meant = extra.length === 1 ? didYouMean(extra[0]!, Object.keys(command.options)) : undefined;
    throw unexpectedArguments(name, extra, command.args, meant);
  }
  return { values: values as Record<string, string | boolean | undefined>, positionals, help };
}

/** Rows of two columns, the second aligned. */
function columns(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** An option as help shows it: `--content DIR`, `--host [ADDR]`, `-h, --help`. */
function optionLabel(name: string, o: OptionSpec): string {
  const value = o.type === 'string' ? (o.optionalValue ? ` [${o.value ?? 'VALUE'}]` : ` ${o.value ?? 'VALUE'}`) : '';
  return `${o.short ? `-${o.short}, ` : ''}--${name}${value}`;
}

/** `plexus NAME --help`: what it does, how it is called, every option with its default, the environment it reads. */
export function commandHelp(command: Command): string {
  const options = Object.entries(acceptedOptions(command)).map(([name, o]): [string, string] => [
    optionLabel(name, o),
    `${o.description}${o.multiple ? ' (may be repeated)' : ''}${o.default ? ` (default: ${o.default})` : ''}`,
  ]);
  const env = [...command.env, ...COMMON_ENVIRONMENT].map((name): [string, string] => [name, ENVIRONMENT[name]]);
  return [command.summary, '', `Usage: ${command.usage}`, '', 'Options:', ...columns(options), '', 'Environment:', ...columns(env)].join('\n');
}
