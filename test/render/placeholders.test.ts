// Placeholder scanning and filling on the seeds and on small cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, scanPlaceholders } from '../../src/render/placeholders.ts';
import { registryValues } from '../../src/render/registry-values.ts';
import { example, SEEDS } from '../example-model.ts';

const seed = (n: string) => readFileSync(join(SEEDS, n), 'utf8');
const keys = (text: string) => scanPlaceholders(text).map((p) => [p.kind, p.raw, p.line, p.col]);

describe('scanPlaceholders', () => {
  it.each([
    [
      'upper snake',
      'Hello {NAME}, from {ORG_2}.',
      [
        ['upper', '{NAME}', 1, 7],
        ['upper', '{ORG_2}', 1, 20],
      ],
    ],
    [
      'bracket prose and choices',
      'By [Author] — [Draft | Final]',
      [
        ['bracket', '[Author]', 1, 4],
        ['choice', '[Draft | Final]', 1, 15],
      ],
    ],
    ['not links, images, references or wiki links', '[a](u) ![i](p) [r][x] [[Wiki]] [x]: http://e', []],
    ['not task boxes, footnotes or indexes', '- [ ] todo\n- [x] done\nnote[^1] items[0] [^2]', []],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the case is a literal ${…} in Markdown
    ['not template literals or double braces', '${HOME} {{NAME}}', []],
    ['a whole code span, but not code around it', '`[URL or channel]` and `a[ b ]`', [['bracket', '[URL or channel]', 1, 2]]],
    ['only quoted brackets in code blocks', '```json\n{"a": ["x", "y"], "b": "[Name]"}\n```', [['bracket', '[Name]', 2, 25]]],
    ['nothing in mermaid blocks', '```mermaid\ngraph TD\n  A[Core System] --> B{Gate}\n```', []],
    ['upper snake in code blocks', '```\n{REPO}/docs\n```', [['upper', '{REPO}', 2, 1]]],
  ])('%s', (_name, text, expected) => {
    expect(keys(text)).toEqual(expected);
  });

  it('finds the placeholders of each seed', () => {
    expect(scanPlaceholders(seed('000_7780bb3b3ce133d0.txt')).length).toBe(60);
    expect(keys(seed('001_9733726917ac0588.txt'))).toEqual([['bracket', '[pnpm workspace/npm workspaces]', 56, 22]]);
    expect(scanPlaceholders(seed('002_d05fd5fdf2556ab0.txt'))).toEqual([]);
    expect(scanPlaceholders(seed('003_9a0c83b643e042f2.txt')).length).toBe(129);
    expect(keys(seed('004_f1b742cb37a2f519.txt')).find(([, raw]) => raw === '[Integration Name]')).toEqual(['bracket', '[Integration Name]', 39, 18]);
  });
});

describe('fillPlaceholders', () => {
  it('escapes values in prose and writes them verbatim in code and link destinations', () => {
    const values = new Map([
      ['NAME', 'a_b <c>'],
      ['URL', 'https://x.example/a_b'],
    ]);
    expect(fillPlaceholders('{NAME} `{NAME}` [{URL}]({URL})', values).text).toBe('a\\_b \\<c\\> `a_b <c>` [https://x.example/a\\_b](https://x.example/a_b)');
  });

  it("writes a listed choice in the options' spelling, and fills another value as written, flagged", () => {
    const result = fillPlaceholders(
      '[Draft | In Review] [Yes | No]',
      new Map([
        ['Draft | In Review', 'in review'],
        ['Yes | No', 'Maybe'],
      ]),
    );
    expect(result.text).toBe('In Review Maybe');
    expect(result.badChoices.map((b) => [b.placeholder.raw, b.value])).toEqual([['[Yes | No]', 'Maybe']]);
  });

  it('fills the n-th occurrence from Key#n where given, the others from Key', () => {
    const result = fillPlaceholders(
      '[Protocol] then [Protocol] then [Protocol]',
      new Map([
        ['Protocol', 'HTTP REST'],
        ['Protocol#2', 'gRPC'],
      ]),
    );
    expect(result.text).toBe('HTTP REST then gRPC then HTTP REST');
    expect(result.badChoices).toEqual([]);
  });

  it('fills seed 000 completely from the example registry', () => {
    const result = fillPlaceholders(seed('000_7780bb3b3ce133d0.txt'), registryValues(example.model));
    expect([result.filled.length, result.unfilled.length]).toEqual([60, 0]);
    expect(result.text).toContain(
      '| **architecture-registry** | The integration registry this site is built from | architecture-registry specific integrations |',
    );
    expect(result.text).toContain('- **integration-hub**: [https://github.com/Eventful/integration-hub](https://github.com/Eventful/integration-hub)');
    expect(result.text).toContain('**Maintained By**: Eventful Architecture Team');
  });

  it("leaves seed 004's mermaid block and wiki links untouched", () => {
    const text = seed('004_f1b742cb37a2f519.txt');
    const values = new Map([
      ['Integration Name', 'Payments'],
      ['integration', 'payments'],
    ]);
    const result = fillPlaceholders(text, values);
    const mermaid = (t: string) => /```mermaid[\s\S]*?```/.exec(t)![0];
    expect(mermaid(result.text)).toBe(mermaid(text));
    expect(result.text).toContain('- [[01_SCRIPTS]] - Automation Scripts\n- [[02_WORKFLOWS]] - Automation Workflows');
    expect(result.text).toContain('"name": "Payments",');
    expect([result.filled.length, result.unfilled.length]).toEqual([3, 12]);
  });
});

describe('fillPlaceholders escapes each value for where it lands', () => {
  const fill = (text: string, values: Record<string, string>) => fillPlaceholders(text, new Map(Object.entries(values)));

  it.each([
    ['a heading marker in text', '{NAME}\n', { NAME: '# Not a heading' }, '\\# Not a heading\n'],
    ['markup in text', 'By {NAME}.', { NAME: '<b>*x*</b>' }, 'By \\<b\\>\\*x\\*\\</b\\>.'],
    ['a backtick in a code span', 'Path: `{REPO}/docs`', { REPO: 'a`b' }, 'Path: ``a`b/docs``'],
    ['backticks at the edge of a code span', 'Run `{CMD}`', { CMD: '`rm`' }, 'Run `` `rm` ``'],
    ['a fence in a code block stays on its line', '```\n{REPO}/docs\n```', { REPO: 'x\n```\n# out' }, '```\nx ``` # out/docs\n```'],
    [
      'a quote in a quoted code string',
      '```json\n{"name": "[Name]", "id": "{ID}"}\n```',
      { Name: 'a "b" \\ c', ID: 'x"y' },
      '```json\n{"name": "a \\"b\\" \\\\ c", "id": "x\\"y"}\n```',
    ],
    ['spaces and parentheses in a link destination', '[site]({URL})', { URL: 'https://e.example/a b(c)' }, '[site](https://e.example/a%20b%28c%29)'],
    [
      'a path after a link host',
      '[repo](https://github.com/{ORG}/x)',
      { ORG: 'acme) [x](javascript:alert(1)' },
      '[repo](https://github.com/acme%29%20[x]%28javascript:alert%281%29/x)',
    ],
  ])('%s', (_, text, values, expected) => {
    const result = fill(text, values);
    expect(result.text).toBe(expected);
    expect(result.unsafe).toEqual([]);
  });

  it('refuses a link to another scheme and leaves the placeholder', () => {
    const result = fill('[click]({URL}) and {URL}', { URL: 'javascript:alert(1)' });
    expect(result.text).toBe('[click]({URL}) and javascript:alert(1)');
    expect(result.unsafe.map((u) => [u.placeholder.raw, u.placeholder.col, u.reason])).toEqual([
      ['{URL}', 9, 'a link may only go to an http(s) or mailto address or a relative path'],
    ]);
  });
});
