// A mermaid text's own configuration (directives, front matter) is data: only plain options are
// kept, CSS and addresses never reach a mermaid, and the author is told, at the line, what was removed.
import { describe, expect, it } from 'vitest';
import { mermaidConfigProblems, safeMermaid } from '../../src/core/mermaid-config.ts';
import { MERMAID_CONFIG } from '../../src/diagrams/render.ts';
import { flowchart, sequence } from '../../src/render/mermaid.ts';
import { random } from '../../src/synthetic/generate.ts';
import { check, edit } from '../registry-fixture.ts';

const CSS = '.node rect { fill: url(http://127.0.0.1:9/x.png) }';
const HOSTILE = `%%{init: {"themeCSS": "${CSS}", "fontFamily": "x; background:url(http://127.0.0.1:9/y.png)"}}%%\nflowchart LR\n  a --> b\n`;

describe('safeMermaid', () => {
  it('removes a directive that sets CSS, and says where and why', () => {
    expect(safeMermaid(HOSTILE)).toEqual({
      source: '\nflowchart LR\n  a --> b\n',
      removed: [{ offset: 0, line: 1, col: 1, what: '%%{init}%% directive', problem: 'sets "themeCSS", which can carry styling or addresses' }],
    });
  });

  it.each([
    ['fontFamily', '{"fontFamily": "x; background:url(http://a/b)"}', 'sets "fontFamily", which can carry styling or addresses'],
    ['themeVariables', "{'themeVariables': {'primaryColor': 'red'}}", 'sets "themeVariables", which can carry styling or addresses'],
    ['a font inside a section', '{"sequence": {"actorFontFamily": "x"}}', 'sets "sequence.actorFontFamily", which can carry styling or addresses'],
    ['an address', '{"gantt": {"ticketBaseUrl": "x"}}', 'sets "gantt.ticketBaseUrl", which can carry styling or addresses'],
    ['a value with CSS in it', '{"theme": "dark; x"}', 'sets "theme" to something other than a plain word, number or true/false'],
    ['a key Plexus sets itself', '{"securityLevel": "loose"}', 'sets "securityLevel", which Plexus sets itself to draw safely'],
    ['html labels', '{"flowchart": {"htmlLabels": true}}', 'sets "flowchart.htmlLabels", which Plexus sets itself to draw safely'],
    ['options deeper than a section', '{"a": {"b": {"c": 1}}}', 'sets "a.b" to something other than a plain word, number or true/false'],
    ['text that is not JSON', '{themeCSS: x}', 'could not be read'],
  ])('removes a directive with %s', (_, args, problem) => {
    const { source, removed } = safeMermaid(`flowchart LR\n  %%{init: ${args}}%%\n  a --> b\n`);
    expect(source).toBe('flowchart LR\n  \n  a --> b\n');
    expect(removed).toEqual([{ offset: 15, line: 2, col: 3, what: '%%{init}%% directive', problem }]);
  });

  it('keeps plain options, written back as front matter of its own', () => {
    const { source, removed } = safeMermaid("%%{init: {'theme': 'dark', 'flowchart': {'curve': 'basis'}}}%%\n%%{wrap}%%\nflowchart LR\n  a --> b\n");
    expect(removed).toEqual([]);
    expect(source).toBe('---\n{"config":{"theme":"dark","flowchart":{"curve":"basis"},"wrap":true}}\n---\n\n\nflowchart LR\n  a --> b\n');
  });

  it("removes front matter's config that sets CSS and keeps its title", () => {
    const text = `---\ntitle: 'Orders %%{init: {"themeCSS": "x"}}%%'\nconfig:\n  theme: dark\n  themeCSS: "${CSS}"\n---\nflowchart LR\n  a --> b\n`;
    expect(safeMermaid(text)).toEqual({
      source: '---\n{"title":"Orders %\u200B%{init: {\\"themeCSS\\": \\"x\\"}}%\u200B%"}\n---\nflowchart LR\n  a --> b\n',
      removed: [{ offset: 0, line: 1, col: 1, what: 'front matter config', problem: 'sets "themeCSS", which can carry styling or addresses' }],
    });
    expect(safeMermaid('---\nconfig:\n  theme: dark\n---\nflowchart LR\n').source).toBe('---\n{"config":{"theme":"dark"}}\n---\nflowchart LR\n');
  });

  it('leaves a text with no configuration exactly as it was', () => {
    const text = 'flowchart LR\n  a["100%"] --> b\n  %% a comment\n';
    expect(safeMermaid(text)).toEqual({ source: text, removed: [] });
  });

  it('is stable: what it writes, it keeps as written', () => {
    for (const text of [HOSTILE, "%%{init: {'theme': 'forest'}}%%\nflowchart LR\n", '---\ntitle: T\n---\nflowchart LR\n']) {
      const once = safeMermaid(text).source;
      expect(safeMermaid(once)).toEqual({ source: once, removed: [] });
    }
  });

  it.each([
    ['a directive that starts inside one mermaid skips', '%%{ }%%{init: {"themeCSS": "u"}}%%\nflowchart LR\n'],
    ['a directive that is never closed', 'flowchart LR\n%%{init: {"themeCSS": "u"}\n'],
    ['two directives sharing a %%', '%%%%{a}%%{init: {"themeCSS": "u"}}%%\nflowchart LR\n'],
    ['a %% joined to a { by mermaid deleting "%%}%%" to the next line', 'x%%%%}%%\n{init: {"themeCSS": "u"}}%%\nflowchart LR\n'],
  ])('leaves no directive behind: %s', (_, text) => {
    const { source, removed } = safeMermaid(text);
    expect(source).not.toMatch(/%%\{|%%\}%%/);
    expect(removed.length).toBeGreaterThan(0);
  });

  it('never lets a text start like front matter it did not write', () => {
    expect(safeMermaid('---\nconfig:\n  themeCSS: x\n--- \nflowchart LR\n').source).toBe('flowchart LR\n');
    expect(safeMermaid(' ---\nconfig: {themeCSS: x}\n').source).toBe('\n ---\nconfig: {themeCSS: x}\n');
  });

  it('finds no configuration in generated diagrams, whatever the names', () => {
    const name = 'Orders 100%%%{init: {"themeCSS": "x"}}%%';
    const sources = [
      flowchart([{ key: 'a', label: name }], [{ from: 'a', to: 'a', label: name }]),
      sequence([{ key: 'a', label: name }], [{ from: 'a', to: 'a', message: name }]),
    ];
    for (const source of sources) {
      expect(source).not.toContain('%%');
      expect(safeMermaid(source)).toEqual({ source, removed: [] });
    }
  });
});

/** Mermaid itself, in Node: the configuration it would draw a text with (its directives and front matter applied). */
async function mermaidReading() {
  const { default: mermaid } = await import('mermaid');
  return async (config: Record<string, unknown>, text: string) => {
    mermaid.initialize(config);
    await mermaid.parse(text, { suppressErrors: true });
    return mermaid.mermaidAPI.getConfig() as Record<string, unknown> & { themeVariables?: Record<string, unknown> };
  };
}

/** Where a configuration holds the marker: CSS, a font or a theme variable the text set. */
const leaks = (config: Record<string, unknown> & { themeVariables?: Record<string, unknown> }) =>
  [config.themeCSS, config.fontFamily, config.altFontFamily, config.themeVariables?.fontFamily, config.themeVariables?.primaryColor].some((v) =>
    String(v).includes('MARK'),
  );

const PIECES = [
  '%%{',
  '}%%',
  '%%',
  '%',
  '{',
  '}',
  'init',
  'initialize',
  ': ',
  ' ',
  '\n',
  '\r\n',
  '---\n',
  ' ---\n',
  'config:\n',
  '  themeCSS: MARK\n',
  'themeCSS: MARK\n',
  '{"themeCSS": "MARK"}',
  "{'fontFamily': 'MARK'}",
  '{"themeVariables": {"primaryColor": "MARK"}}',
  '%%{init: {"themeCSS": "MARK"}}%%',
  '%%}%%',
  'flowchart LR\n',
  'a-->b\n',
  'title: x\n',
];

describe('against mermaid itself', () => {
  it('mermaid applies what a hostile text sets, and nothing of it once safeMermaid has read the text', async () => {
    const read = await mermaidReading();
    const plain = { startOnLoad: false };
    expect(leaks(await read(plain, '%%{init: {"themeCSS": "MARK"}}%%\nflowchart LR\n  a --> b\n'))).toBe(true);
    expect(leaks(await read(plain, '---\nconfig:\n  fontFamily: MARK\n---\nflowchart LR\n  a --> b\n'))).toBe(true);
    expect(leaks(await read(plain, safeMermaid('%%{init: {"themeCSS": "MARK"}}%%\nflowchart LR\n  a --> b\n').source))).toBe(false);
    expect(leaks(await read(plain, safeMermaid('---\nconfig:\n  fontFamily: MARK\n---\nflowchart LR\n  a --> b\n').source))).toBe(false);
    // The kept options do reach mermaid.
    expect((await read(plain, safeMermaid("%%{init: {'theme': 'forest'}}%%\nflowchart LR\n  a --> b\n").source)).theme).toBe('forest');
  });

  it("mermaid's secure keys, the second wall, drop the same settings on their own", async () => {
    const read = await mermaidReading();
    const config = { ...MERMAID_CONFIG, secure: [...MERMAID_CONFIG.secure] };
    for (const text of [
      '%%{init: {"themeCSS": "MARK", "fontFamily": "MARK", "themeVariables": {"primaryColor": "MARK"}}}%%\nflowchart LR\n  a --> b\n',
      '---\nconfig:\n  themeCSS: MARK\n  fontFamily: MARK\n---\nflowchart LR\n  a --> b\n',
    ])
      expect(leaks(await read(config, text))).toBe(false);
  });

  it('1,000 seeded texts: mermaid applies none of what they set once safeMermaid has read them', { timeout: 60_000 }, async () => {
    const read = await mermaidReading();
    const next = random(20261206);
    const plain = { startOnLoad: false };
    let leakedRaw = 0;
    for (let run = 0; run < 1000; run++) {
      const text = Array.from({ length: 2 + Math.floor(next() * 12) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      if (leaks(await read(plain, text))) leakedRaw++;
      const safe = safeMermaid(text).source;
      expect(leaks(await read(plain, safe)), JSON.stringify(text)).toBe(false);
    }
    // The texts do attack: many of them, as written, set CSS that mermaid applies.
    expect(leakedRaw).toBeGreaterThan(25);
  });
});

describe('the check', () => {
  it('warns at the line and column of a removed directive', () => {
    const doc = '# Guide\n\n```mermaid\nflowchart LR\n  %%{init: {"themeCSS": "x"}}%%\n  a --> b\n```\n';
    const { diagnostics } = check(edit('docs/guide.md', '# Guide\n', doc));
    expect(diagnostics).toEqual([
      {
        code: 'PLX039',
        severity: 'warning',
        file: 'content/docs/guide.md',
        line: 12,
        col: 3,
        message: 'This mermaid %%{init}%% directive sets "themeCSS", which can carry styling or addresses; it was removed before the diagram was drawn.',
        hint: "A diagram may set only plain options, such as theme: 'dark' or flowchart: {curve: 'basis'}. CSS, fonts, theme variables and addresses are never kept (README: Security model).",
      },
    ]);
  });

  it('says nothing of plain options, and nothing outside mermaid blocks', () => {
    const doc = '# Guide\n\n```mermaid\n%%{init: {\'theme\': \'dark\'}}%%\nflowchart LR\n```\n\n```text\n%%{init: {"themeCSS": "x"}}%%\n```\n';
    expect(mermaidConfigProblems(doc)).toEqual([]);
    expect(check(edit('docs/guide.md', '# Guide\n', doc)).diagnostics).toEqual([]);
  });
});
