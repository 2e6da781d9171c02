// The conventions of the command line, as tsc, eslint and gh keep them: --version, help, did you
// mean, usage errors in Plexus's words (exit 2), per-command help from the commands' data,
// colour on a terminal only, GitHub annotations, options passed on to Astro.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptedOptions, type Command, commandHelp, parseArgsOptions, parseCommandLine } from '../../src/cli/command.ts';
import { COMMON_ENVIRONMENT, ENVIRONMENT, environmentTable, INTERNAL_ENVIRONMENT } from '../../src/cli/environment.ts';
import { type OutputStream, terminalIo, wantsColour } from '../../src/cli/io.ts';
import { COMMANDS, runMain } from '../../src/cli/main.ts';
import { serverArgs } from '../../src/cli/site.ts';
import { formatGithubAnnotation } from '../../src/core/diagnostics.ts';
import { BASE, TODAY, edit } from '../registry-fixture.ts';
import { runIn, writeRegistry } from './harness.ts';

const repo = join(import.meta.dirname, '..', '..');
const root = await mkdtemp(join(tmpdir(), 'plexus-conventions-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const registry = (name: string, changes: Record<string, string> = {}) => writeRegistry(root, name, { ...BASE, ...changes });

const run = (args: string[], env: Record<string, string> = {}) => runIn(root, args, { PLEXUS_TODAY: TODAY, ...env });

const valid = await registry('valid');
const broken = await registry('broken', {
  ...edit('integrations/payments-to-orders.yaml', 'owner: core', 'owner: kore'),
  ...edit('docsets/guides.yaml', 'lastReview: 2026-11-01', 'lastReview: 2026-09-01'),
});
const version = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')).version as string;
const commands = Object.fromEntries(await Promise.all(Object.entries(COMMANDS).map(async ([name, load]): Promise<[string, Command]> => [name, await load()])));
const NAMES = Object.keys(commands);

describe('plexus --version', () => {
  it.each([['--version'], ['-v'], ['version']])('%s prints the version from package.json and exits 0', async (arg) => {
    expect(await run([arg])).toEqual({ code: 0, out: version, err: '' });
  });

  it('takes no arguments', async () => {
    expect(await run(['version', 'x'])).toEqual({
      code: 2,
      out: '',
      err: 'Unexpected argument "x": plexus version takes no arguments.\nUsage: plexus <command> [options]',
    });
  });
});

describe('plexus help', () => {
  it('prints what --help prints, and exits 0', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: plexus <command> [options]');
    expect(help.out).toContain('  version   the version of Plexus');
    expect(await run(['help'])).toEqual(help);
    expect(await run(['-h'])).toEqual(help);
  });

  it("prints a command's help, the same as the command's --help", async () => {
    const checkHelp = await run(['check', '--help']);
    expect(checkHelp.code).toBe(0);
    expect(await run(['help', 'check'])).toEqual(checkHelp);
    expect(await run(['check', '-h'])).toEqual(checkHelp);
  });

  it('calls an unknown command a usage error, with the closest command', async () => {
    expect(await run(['help', 'chek'])).toEqual({ code: 2, out: '', err: 'Unknown command "chek". Did you mean "check"?\nUsage: plexus <command> [options]' });
    expect(await run(['help', 'nosuch'])).toEqual({
      code: 2,
      out: '',
      err: 'Unknown command "nosuch". Commands: check, diff, fill, show, new, export, import, init, build, dev, preview, help, version.\nUsage: plexus <command> [options]',
    });
  });
});

describe('usage errors in Plexus words (exit 2)', () => {
  it.each([
    [['chek'], 'Unknown command "chek". Did you mean "check"?\nUsage: plexus <command> [options]'],
    [['buidl'], 'Unknown command "buidl". Did you mean "build"?\nUsage: plexus <command> [options]'],
    [
      ['toString'],
      'Unknown command "toString". Commands: check, diff, fill, show, new, export, import, init, build, dev, preview, help, version.\nUsage: plexus <command> [options]',
    ],
    [['--verison'], 'Unknown option --verison. Did you mean --version?\nUsage: plexus <command> [options]'],
    [
      ['check', '--contnet', 'x'],
      'Unknown option --contnet. Did you mean --content?\nUsage: plexus check [--content DIR] [--strict] [--format text|json|github]',
    ],
    [['check', '--colour'], 'Unknown option --colour.\nUsage: plexus check [--content DIR] [--strict] [--format text|json|github]'],
    [['check', '-x'], 'Unknown option -x.\nUsage: plexus check [--content DIR] [--strict] [--format text|json|github]'],
    [['check', '--content'], 'Option --content needs a value: --content DIR.\nUsage: plexus check [--content DIR] [--strict] [--format text|json|github]'],
    [
      ['check', '--content', '--strict'],
      'Option --content needs a value: --content DIR.\nUsage: plexus check [--content DIR] [--strict] [--format text|json|github]',
    ],
    [
      ['fill', 't.md', '--values', '-v.yaml'],
      'Option --values needs a value: --values FILE (a value that starts with "-" is written --values=-v.yaml).\nUsage: plexus fill TEMPLATE [--values FILE] [--out FILE [--force]] [--strict] [--list] [--content DIR]',
    ],
    [
      ['check', '--strict=yes'],
      'Option --strict takes no value; write --strict alone.\nUsage: plexus check [--content DIR] [--strict] [--format text|json|github]',
    ],
    [
      ['check', 'extra-arg'],
      'Unexpected argument "extra-arg": plexus check takes no arguments.\nUsage: plexus check [--content DIR] [--strict] [--format text|json|github]',
    ],
    [
      ['check', 'strict'],
      'Unexpected argument "strict": plexus check takes no arguments. Did you mean --strict?\nUsage: plexus check [--content DIR] [--strict] [--format text|json|github]',
    ],
    [['build', 'a', 'b'], 'Unexpected arguments "a", "b": plexus build takes no arguments.\nUsage: plexus build [--content DIR] [--out DIR]'],
    [['init', 'a', 'b'], 'Unexpected argument "b": plexus init takes at most one (DIR).\nUsage: plexus init [DIR] [--example] [--force]'],
    [
      ['fill', 'a.md', 'b.md'],
      'Unexpected argument "b.md": plexus fill takes one (TEMPLATE).\nUsage: plexus fill TEMPLATE [--values FILE] [--out FILE [--force]] [--strict] [--list] [--content DIR]',
    ],
    [
      ['check', '--format', 'xml'],
      '--format must be text, json or github, not "xml".\nUsage: plexus check [--content DIR] [--strict] [--format text|json|github]',
    ],
  ])('%j', async (args, err) => {
    const result = await run(args);
    expect(result).toEqual({ code: 2, out: '', err });
    // Node's own wording is gone, and with it its unbalanced quote: `Unknown option '--colour'. To specify a positional argument…`
    expect(result.err).not.toMatch(/'|positional|ERR_PARSE_ARGS/);
  });

  it('lets "--" end the options', async () => {
    expect((await run(['check', '--', '--strict'])).err).toBe(
      'Unexpected argument "--strict": plexus check takes no arguments. Did you mean --strict?\nUsage: plexus check [--content DIR] [--strict] [--format text|json|github]',
    );
  });
});

describe('per-command help', () => {
  it('shows the summary, usage, every option with its default, and the environment', async () => {
    expect(await run(['check', '--help'])).toEqual({
      code: 0,
      err: '',
      out: [
        'Validate the registry: schemas, references, events, reviews and policies.',
        '',
        'Usage: plexus check [--content DIR] [--strict] [--format text|json|github]',
        '',
        'Options:',
        '  --content DIR    the registry folder (default: $PLEXUS_CONTENT, else content/, else . when it holds ecosystem.yaml)',
        '  --strict         count warnings as errors (exit 1 on any problem)',
        '  --format FORMAT  text (file:line:col lines), json (machine-readable) or github (GitHub Actions annotations) (default: text)',
        '  -h, --help       show this help',
        '  --debug          show where an unexpected failure happened (a stack trace)',
        '',
        'Environment:',
        '  PLEXUS_CONTENT  the registry folder when --content is not given',
        '  PLEXUS_TODAY    the date (YYYY-MM-DD) reviews and sunsets are judged against, for reproducible runs; default today',
        '  PLEXUS_DEBUG    set: print where an unexpected failure happened (a stack trace), as --debug does',
        '  NO_COLOR        set: no colour, even on a terminal',
        '  FORCE_COLOR     set: colour even when the output is not a terminal (0: never)',
      ].join('\n'),
    });
  });

  it('names the optional value of --host', async () => {
    const { out } = await run(['dev', '--help']);
    expect(out).toContain('  --host [ADDR]  the address to listen on; --host alone: every address, for other machines on the network (default: localhost)');
    expect(out).toContain('  SITE_URL ');
  });

  it.each(NAMES)('plexus %s: every option the parser accepts has a description, and --help shows it', async (name) => {
    const command = commands[name]!;
    expect(command, name).toBeDefined();
    const { code, out } = await run([name, '--help']);
    expect(code).toBe(0);
    // What Node's parseArgs is given is made from the same record that --help is printed from.
    const accepted = Object.keys(parseArgsOptions(acceptedOptions(command)));
    expect(accepted).toEqual(Object.keys(acceptedOptions(command)));
    for (const option of accepted) {
      const spec = acceptedOptions(command)[option]!;
      expect(spec.description, `--${option}`).toMatch(/^[a-z].{9,}[^.]$/);
      if (spec.type === 'string') expect(spec.value, `--${option}`).toMatch(/^[A-Z]/);
      expect(out).toContain(`--${option}`);
      expect(out).toContain(spec.description);
    }
    for (const variable of [...command.env, ...COMMON_ENVIRONMENT]) expect(out).toContain(`  ${variable} `);
    expect(out).toBe(commandHelp(command));
  });
});

describe('environment variables', () => {
  /** Every `env.NAME` and `env['NAME']` read in Plexus's sources. */
  async function read(): Promise<Set<string>> {
    const names = new Set<string>();
    const files = [
      ...(await readdir(join(repo, 'src'), { recursive: true }))
        .filter((f) => /\.(ts|astro|mjs)$/.test(f) && !f.startsWith('synthetic'))
        .map((f) => join('src', f)),
      'scripts/build.ts',
      'bin/plexus.ts',
      'astro.config.mjs',
    ];
    for (const file of files) {
      const text = await readFile(join(repo, file), 'utf8');
      for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g)) names.add(m[1] ?? m[2]!);
    }
    return names;
  }

  it('lists every variable Plexus reads, and reads every one it lists', async () => {
    const names = await read();
    for (const name of names) expect(Object.keys({ ...ENVIRONMENT, ...INTERNAL_ENVIRONMENT }), `${name} is read but not listed`).toContain(name);
    for (const name of Object.keys(ENVIRONMENT)) expect([...names], `${name} is listed but never read`).toContain(name);
  });

  it('gives each variable to the commands that read it, and the README a table of them all', async () => {
    const claimed = new Set([...Object.values(commands).flatMap((c) => c.env), ...COMMON_ENVIRONMENT]);
    expect([...claimed].sort()).toEqual(Object.keys(ENVIRONMENT).sort());
    const readme = await readFile(join(repo, 'README.md'), 'utf8');
    expect(readme).toContain(environmentTable());
  });
});

describe('colour', () => {
  /** A terminal (or a pipe) that keeps what is written. */
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, write: (t: string) => written.push(t), text: () => written.join('') } satisfies OutputStream & { text(): string };
  };
  async function onTerminal(args: string[], env: Record<string, string> = {}, tty = true) {
    const out = stream(tty);
    const err = stream(tty);
    const code = await runMain(args, { ...terminalIo(out, err, { PLEXUS_TODAY: TODAY, ...env }, root) });
    return { code, out: out.text(), err: err.text() };
  }
  const coloured = [
    '\x1b[1mbroken/docsets/guides.yaml:4:13\x1b[0m \x1b[33mwarning\x1b[0m \x1b[2mPLX030\x1b[0m "Guides" is reviewed monthly; its last review (2026-09-01) made it due on 2026-10-01.',
    '  \x1b[2mhint:\x1b[0m Review the documentation set and set lastReview to the date you did.',
    '\x1b[1mbroken/integrations/payments-to-orders.yaml:8:8\x1b[0m \x1b[31merror\x1b[0m \x1b[2mPLX012\x1b[0m Unknown team "kore". Did you mean "core"?',
    '  \x1b[2mhint:\x1b[0m A team id is a file name in teams/ (1 known); fix the id or create teams/kore.yaml.',
    '\x1b[1;31m1 error\x1b[0m, \x1b[1;33m1 warning\x1b[0m in 10 files.',
    '',
  ].join('\n');
  const plain = stripVTControlCharacters(coloured);

  it('colours severities, locations, codes and the summary on a terminal', async () => {
    expect(await onTerminal(['check', '--content', broken])).toEqual({ code: 1, out: coloured, err: '' });
    expect((await onTerminal(['check', '--content', valid])).out).toBe('\x1b[32mNo problems in 10 files.\x1b[0m\n');
  });

  it('colours nothing when NO_COLOR is set, FORCE_COLOR is 0, the terminal is dumb, or the output is not a terminal', async () => {
    expect((await onTerminal(['check', '--content', broken], { NO_COLOR: '1' })).out).toBe(plain);
    expect((await onTerminal(['check', '--content', broken], { FORCE_COLOR: '0' })).out).toBe(plain);
    expect((await onTerminal(['check', '--content', broken], { TERM: 'dumb' })).out).toBe(plain);
    expect((await onTerminal(['check', '--content', broken], {}, false)).out).toBe(plain);
  });

  it('colours when FORCE_COLOR is set, even in a pipe and with NO_COLOR', async () => {
    expect((await onTerminal(['check', '--content', broken], { FORCE_COLOR: '1' }, false)).out).toBe(coloured);
    expect((await onTerminal(['check', '--content', broken], { FORCE_COLOR: '', NO_COLOR: '1' }, false)).out).toBe(coloured);
  });

  it('colours messages too, and never lets registry text carry its own escape sequences', async () => {
    const escapes = await registry('escapes', {
      'docsets/guides.yaml': BASE['docsets/guides.yaml']!.replace('name: Guides', 'name: "Guides\\e[8m"').replace('2026-11-01', '2026-09-01'),
    });
    const { out } = await onTerminal(['check', '--content', escapes]);
    expect(out.split('\n')[0]).toBe(
      '\x1b[1mescapes/docsets/guides.yaml:4:13\x1b[0m \x1b[33mwarning\x1b[0m \x1b[2mPLX030\x1b[0m "Guides\\x1B[8m" is reviewed monthly; its last review (2026-09-01) made it due on 2026-10-01.',
    );
    expect(out).not.toContain('\x1b[8m');
    const usage = await onTerminal(['chek']);
    expect(usage.err).toBe('Unknown command "chek". Did you mean "check"?\nUsage: plexus <command> [options]\n');
  });

  it('is decided by the stream and the environment alone', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({}, {})).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true); // NO_COLOR counts when it is not empty (no-color.org)
    expect(wantsColour({ isTTY: true }, { NO_COLOR: 'x' })).toBe(false);
    expect(wantsColour({ isTTY: false }, { FORCE_COLOR: 'true' })).toBe(true);
    expect(wantsColour({ isTTY: true }, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('reaches the bin: FORCE_COLOR colours a pipe, NO_COLOR keeps a terminal plain', async () => {
    const bin = join(repo, 'bin', 'plexus.ts');
    const result = await promisify(execFile)(process.execPath, [bin, 'check', '--content', broken], {
      cwd: root,
      env: { ...process.env, PLEXUS_TODAY: TODAY, FORCE_COLOR: '1', NO_COLOR: '' },
    }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect([result.code, result.stdout]).toEqual([1, coloured]);
  });
});

describe('plexus check --format github', () => {
  it('prints one annotation a diagnostic, then the summary', async () => {
    expect(await run(['check', '--content', broken, '--format', 'github'])).toEqual({
      code: 1,
      err: '',
      out: [
        '::warning file=broken/docsets/guides.yaml,line=4,col=13,title=PLX030::"Guides" is reviewed monthly; its last review (2026-09-01) made it due on 2026-10-01.%0Ahint: Review the documentation set and set lastReview to the date you did.',
        '::error file=broken/integrations/payments-to-orders.yaml,line=8,col=8,title=PLX012::Unknown team "kore". Did you mean "core"?%0Ahint: A team id is a file name in teams/ (1 known); fix the id or create teams/kore.yaml.',
        '1 error, 1 warning in 10 files.',
      ].join('\n'),
    });
  });

  it('annotates warnings as errors with --strict, and a clean registry with the summary only', async () => {
    const strict = await run(['check', '--content', broken, '--format', 'github', '--strict']);
    expect(strict.out.split('\n').map((l) => l.slice(0, 9))).toEqual(['::error f', '::error f', '2 errors,']);
    expect(await run(['check', '--content', valid, '--format', 'github'])).toEqual({ code: 0, out: 'No problems in 10 files.', err: '' });
  });

  it("escapes as GitHub's runner unescapes: % CR LF in the message; also : and , in properties", async () => {
    const odd = await registry('odd', { 'teams/50%,off:now.yaml': BASE['teams/core.yaml']! });
    const { out } = await run(['check', '--content', odd, '--format', 'github']);
    expect(out.split('\n')[0]).toBe(
      '::error file=odd/teams/50%25%2Coff%3Anow.yaml,line=1,col=1,title=PLX019::File name "50%25,off:now" is not a valid id.%0Ahint: Ids come from file names: lowercase letters, digits, ".", "_" and "-", e.g. "orders-to-payments.yaml".',
    );
    expect(
      formatGithubAnnotation({ code: 'PLX001', severity: 'warning', file: 'a:b,c%.yaml', line: 2, col: 3, message: 'one\r\ntwo: 100%, \x1b[2J', hint: 'x' }),
    ).toBe('::warning file=a%3Ab%2Cc%25.yaml,line=2,col=3,title=PLX001::one\\x0D%0Atwo: 100%25, \\x1B[2J%0Ahint: x');
  });
});

describe('plexus dev and preview --host', () => {
  const host = (argv: string[]) => serverArgs(parseCommandLine('dev', commands.dev!, argv).values);

  it('pass --host, with or without an address, and --port on to Astro', () => {
    expect(host(['--host'])).toEqual(['--host']);
    expect(host(['--host', '0.0.0.0'])).toEqual(['--host', '0.0.0.0']);
    expect(host(['--host=192.168.1.5', '--port', '8080'])).toEqual(['--port', '8080', '--host', '192.168.1.5']);
    expect(host(['--host', '--port', '8080'])).toEqual(['--port', '8080', '--host']);
    expect(host([])).toEqual([]);
  });

  it('are accepted by both commands', async () => {
    // Before --host was passed on, both were "Unknown option '--host'"; now they get as far as the site folder.
    const dev = await run(['dev', '--host', '--content', 'nowhere']);
    expect([dev.code, dev.err.split('\n')[0]]).toEqual([2, `No registry folder at ${join(root, 'nowhere')}.`]);
    const preview = await run(['preview', '--host', '--out', 'nowhere']);
    expect([preview.code, preview.err.split('\n')[0]]).toEqual([2, `No built site in ${join(root, 'nowhere')}: run plexus build first.`]);
  });
});
