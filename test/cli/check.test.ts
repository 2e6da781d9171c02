// `plexus check` as a user runs it: a registry folder on disk, printed diagnostics, exit codes.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE, TODAY, edit } from '../registry-fixture.ts';
import { runIn, writeRegistry } from './harness.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-cli-'));
afterAll(() => rm(root, { recursive: true, force: true }));

/** Writes BASE plus `changes` into a fresh folder under the temp root; returns its name. */
const registry = (name: string, changes: Record<string, string> = {}) => writeRegistry(root, name, { ...BASE, ...changes });

const run = (args: string[], env: Record<string, string> = {}) => runIn(root, args, { PLEXUS_TODAY: TODAY, ...env });

const valid = await registry('valid');
const broken = await registry('broken', edit('integrations/payments-to-orders.yaml', 'owner: core', 'owner: kore'));
const overdue = await registry('overdue', edit('docsets/guides.yaml', 'lastReview: 2026-11-01', 'lastReview: 2026-09-01'));

describe('plexus check', () => {
  it('passes a valid registry with exit 0', async () => {
    expect(await run(['check', '--content', valid])).toEqual({ code: 0, out: 'No problems in 10 files.', err: '' });
  });

  it('prints each error as file:line:col and exits 1', async () => {
    expect(await run(['check', '--content', broken])).toEqual({
      code: 1,
      out: [
        'broken/integrations/payments-to-orders.yaml:8:8 error PLX012 Unknown team "kore". Did you mean "core"?',
        '  hint: A team id is a file name in teams/ (1 known); fix the id or create teams/kore.yaml.',
        '1 error, 0 warnings in 10 files.',
      ].join('\n'),
      err: '',
    });
  });

  it('lets warnings pass, and fails them with --strict', async () => {
    const loose = await run(['check', '--content', overdue]);
    expect(loose.code).toBe(0);
    expect(loose.out).toContain('overdue/docsets/guides.yaml:4:13 warning PLX030');
    const strict = await run(['check', '--content', overdue, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('overdue/docsets/guides.yaml:4:13 error PLX030');
    expect(strict.out.split('\n').at(-1)).toBe('1 error, 0 warnings in 10 files.');
  });

  it('reports JSON for CI with --format json', async () => {
    const { code, out } = await run(['check', '--content', broken, '--format', 'json']);
    expect(code).toBe(1);
    expect(JSON.parse(out)).toEqual({
      ok: false,
      files: 10,
      diagnostics: [
        {
          code: 'PLX012',
          severity: 'error',
          file: 'broken/integrations/payments-to-orders.yaml',
          line: 8,
          col: 8,
          message: 'Unknown team "kore". Did you mean "core"?',
          hint: 'A team id is a file name in teams/ (1 known); fix the id or create teams/kore.yaml.',
        },
      ],
    });
  });

  it('reads PLEXUS_CONTENT when --content is not given', async () => {
    expect((await run(['check'], { PLEXUS_CONTENT: broken })).code).toBe(1);
  });

  it.each([
    [['check', '--content', 'nowhere'], /^No registry folder at .*nowhere\.\nUsage: plexus check/],
    [['check', '--content', valid, '--format', 'xml'], /^--format must be text, json or github, not "xml"\./],
    [['check', '--colour'], /^Unknown option --colour\.\n/],
    [['chek'], /^Unknown command "chek"\. Did you mean "check"\?/],
  ])('exits 2 on usage errors: %j', async (args, message) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('rejects a malformed PLEXUS_TODAY', async () => {
    const { code, err } = await run(['check', '--content', valid], { PLEXUS_TODAY: 'tomorrow' });
    expect([code, err.split('\n')[0]]).toEqual([2, 'PLEXUS_TODAY must be a date written YYYY-MM-DD, not "tomorrow".']);
    const impossible = await run(['check', '--content', valid], { PLEXUS_TODAY: '2026-02-30' });
    expect([impossible.code, impossible.err.split('\n')[0]]).toEqual([2, 'PLEXUS_TODAY must be a date written YYYY-MM-DD, not "2026-02-30".']);
  });

  it('shows help and exits 2 without a command', async () => {
    const { code, out } = await run([]);
    expect(code).toBe(2);
    expect(out).toContain('Usage: plexus <command> [options]');
  });

  it('passes the example ecosystem with only the deliberate overdue review', async () => {
    const example = join(import.meta.dirname, '..', '..', 'content');
    const { code, out } = await run(['check', '--content', example]);
    expect(code).toBe(0);
    expect(out.split('\n').filter((l) => !l.startsWith('  hint:'))).toEqual([
      `${relative(root, example)}/docsets/cross-repo-development.yaml:5:13 warning PLX030 "Cross-Repo Development" is reviewed quarterly; its last review (2026-06-10) made it due on 2026-09-10.`,
      expect.stringMatching(/^0 errors, 1 warning in \d+ files\.$/),
    ]);
  });
});

describe('the plexus bin', () => {
  it('runs on the pinned Node and exits 1 on a broken registry, without a stack trace', async () => {
    await writeFile(join(root, broken, 'teams', 'binary.yaml'), new Uint8Array([0x6e, 0x3a, 0x20, 0xff, 0xfe, 0x00]));
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'plexus.ts');
    const result = await promisify(execFile)(process.execPath, [bin, 'check', '--content', broken], {
      cwd: root,
      env: { ...process.env, PLEXUS_TODAY: TODAY },
    }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('broken/teams/binary.yaml:1:4 error PLX007 Byte 0xFF is not valid UTF-8.');
    expect(result.stderr).toBe('');
  });
});

describe('what the CLI prints', () => {
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'plexus.ts');
  const runBin = (args: string[]) =>
    promisify(execFile)(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, PLEXUS_TODAY: TODAY, PLEXUS_DEBUG: '' } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('shows control characters and bidi overrides in registry text as codes, never raw', async () => {
    const name = await registry('escapes', {
      'docsets/guides.yaml': BASE['docsets/guides.yaml']!.replace('name: Guides', 'name: "Guides\\e[2J\\e]0;pwned\\a \\u202Eevil"').replace(
        '2026-11-01',
        '2026-09-01',
      ),
    });
    const result = await runBin(['check', '--content', name, '--strict']);
    expect(result.code).toBe(1);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(result.stdout).toContain('"Guides\\x1B[2J\\x1B]0;pwned\\x07 \\u202Eevil" is reviewed monthly');
  });

  it('turns a failure it did not expect into one line and exit 2; --debug shows where', async () => {
    await writeFile(join(root, 'a-file'), 'x');
    const result = await runBin(['export', '--content', valid, '--md', 'a-file/out']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('Cannot use a-file: it is a file, where a folder is needed.\nRun again with --debug to see where.\n');
    const debug = await runBin(['export', '--content', valid, '--md', 'a-file/out', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
