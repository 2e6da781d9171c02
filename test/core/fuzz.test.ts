// Seeded fuzzing: hundreds of random mutations of the example registry through `plexus check`.
// Whatever the bytes, check must not crash, must exit 0 or 1, and must place every diagnostic.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli/main.ts';
import { random } from '../../src/synthetic/generate.ts';
import { EXAMPLE } from '../example-model.ts';
import { TODAY } from '../registry-fixture.ts';

const SEED = 20261124;
const RUNS = 250;

const SNIPPETS = [
  '\t',
  ':',
  ': ',
  '- ',
  '&a ',
  '*a',
  '!!binary ',
  '"',
  "'",
  '{',
  '[',
  ']',
  '}',
  '#',
  '---\n',
  '|\n',
  '>-\n',
  '\u0000',
  '\u001b[2J',
  '\uFEFF',
  '~',
  'null',
  '0b10',
  '1e400',
  '-',
  '? ',
  '%YAML 1.1\n',
  '<<: *a\n',
];

function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const at = (n: number) => Math.floor(next() * n);
  const line = at(lines.length);
  switch (at(8)) {
    case 0:
      lines.splice(line, 1);
      break;
    case 1:
      lines.splice(line, 0, lines[at(lines.length)] ?? '');
      break;
    case 2:
      lines[line] = `${' '.repeat(at(6))}${lines[line]!.trimStart()}`;
      break;
    case 3: {
      const l = lines[line]!;
      const i = at(l.length + 1);
      lines[line] = l.slice(0, i) + SNIPPETS[at(SNIPPETS.length)] + l.slice(i);
      break;
    }
    case 4:
      lines[line] = lines[line]!.replace(/:\s.*$/, `: ${SNIPPETS[at(SNIPPETS.length)]}${at(1000)}`);
      break;
    case 5:
      return text.slice(0, at(text.length));
    case 6: {
      const l = lines[line]!;
      lines[line] = l.slice(0, at(l.length)) + l.slice(at(l.length) + 1);
      break;
    }
    default:
      lines[line] = lines[line]!.replace(/[a-z]/, (c) => String.fromCharCode(c.charCodeAt(0) + 1));
      break;
  }
  return lines.join('\n');
}

const dir = await mkdtemp(join(tmpdir(), 'plexus-fuzz-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
await cp(EXAMPLE, dir, { recursive: true });
const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(ya?ml|mdx?)$/.test(f)).sort();

describe('check under random mutation', () => {
  it(`survives ${RUNS} seeded mutations: no crash, exit 0 or 1, every diagnostic placed`, async () => {
    const next = random(SEED);
    const problems: string[] = [];
    let failing = 0;
    for (let run = 0; run < RUNS; run++) {
      const file = files[Math.floor(next() * files.length)]!;
      const path = join(dir, file);
      const original = await readFile(path, 'utf8');
      let text = original;
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) text = mutate(text, next);
      await writeFile(path, text);
      const out: string[] = [];
      const code = await runMain(['check', '--content', dir, '--format', 'json'], {
        cwd: dir,
        env: { PLEXUS_TODAY: TODAY },
        out: (t) => out.push(t),
        err: (t) => out.push(t),
      });
      await writeFile(path, original);
      if (code !== 0 && code !== 1) {
        problems.push(`run ${run} (${file}): exit ${code}: ${out.join('\n').slice(0, 300)}`);
        continue;
      }
      if (code === 1) failing++;
      const { diagnostics } = JSON.parse(out.join('\n')) as { diagnostics: { file: string; line: number; col: number; message: string }[] };
      for (const d of diagnostics) {
        if (!d.file || !Number.isInteger(d.line) || !Number.isInteger(d.col) || d.line < 1 || d.col < 1 || !d.message)
          problems.push(`run ${run} (${file}): unplaced ${JSON.stringify(d)}`);
      }
    }
    expect(problems).toEqual([]);
    // The mutations must find something: most of them break the registry.
    expect(failing).toBeGreaterThan(RUNS / 3);
  }, 60_000);
});
