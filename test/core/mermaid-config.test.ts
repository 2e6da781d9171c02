// A mermaid text's own configuration (directives, front matter) and its statements are data: only
// plain options and plain styles are kept, CSS that loads, other links, images and callbacks never
// reach a mermaid, and the author is told, at the line, what was removed.
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

describe('safeMermaid: the statements of a body', () => {
  const U = 'http://127.0.0.1:9/x.png';

  it('drops each style, classDef and linkStyle property that can load, keeps the plain ones, and says where', () => {
    const text = [
      'flowchart LR',
      '  A --> B',
      `  style A fill:#f9f,background-image:url(${U}),stroke:#333`,
      `  classDef c fill:URL(${U}),color:#fff;`,
      `  linkStyle 0 interpolate basis stroke:url(${U}),stroke-width:2px`,
      '',
    ].join('\n');
    expect(safeMermaid(text)).toEqual({
      source: 'flowchart LR\n  A --> B\n  style A fill:#f9f,stroke:#333\n  classDef c color:#fff;\n  linkStyle 0 interpolate basis stroke-width:2px\n',
      removed: [
        { offset: 25, line: 3, col: 3, what: 'style statement', problem: 'sets "background-image" to CSS that can load an address', body: true },
        { offset: 104, line: 4, col: 3, what: 'classDef statement', problem: 'sets "fill" to CSS that can load an address', body: true },
        { offset: 164, line: 5, col: 3, what: 'linkStyle statement', problem: 'sets "stroke" to CSS that can load an address', body: true },
      ],
    });
  });

  it.each([
    ['url() in any case', `fill:Url(${U})`],
    ['an escape that hides url(', `fill:u\\rl(${U})`],
    ['a hex escape', `background:\\75 rl(${U})`],
    ['image-set() with a string', `background-image:image-set("${U}" 1x)`],
    ['a ; that starts another declaration', `fill:red;;background:url(${U})`],
    ['a } that ends the rule', 'fill:red} svg {background:red'],
    ['@import', `fill:red;@import '${U}'`],
    ['expression()', 'width:expression(alert(1))'],
    ['another function', 'content:attr(title)'],
    ['a quote', "font-family:'x'"],
    ['a comment', 'fill:red/**/'],
    ['unbalanced brackets', 'fill:rgb(1 2 3'],
  ])('drops a property with %s', (_, property) => {
    const { source, removed } = safeMermaid(`stateDiagram-v2\n  [*] --> S\n  classDef c fill:#f9f,${property}\n  class S c\n`);
    expect(source).toBe('stateDiagram-v2\n  [*] --> S\n  classDef c fill:#f9f\n  class S c\n');
    expect(removed).toEqual([
      {
        offset: 30,
        line: 3,
        col: 3,
        what: 'classDef statement',
        problem: `sets "${/^[\w-]+/.exec(property)![0]}" to CSS that can load an address`,
        body: true,
      },
    ]);
  });

  it('keeps plain styles exactly as written, beside one that loads', () => {
    const plain = [
      'flowchart LR',
      '  A --> B',
      '  style A fill:#f9f,stroke:#333,stroke-width:4px,color:#fff,stroke-dasharray: 5 5',
      '  classDef green fill:#9f6,stroke:#333,stroke-width:2px;',
      '  classDef a,b font-family:Comic Sans MS,font-weight:bold !important',
      '  classDef tint fill:rgb(255 0 0 / 50%),stroke:hsl(0 100% 50%),stroke-width:calc(1px + 1px)',
      '  linkStyle default interpolate basis stroke:#ff3,stroke-width:4px,color:red;',
      '  linkStyle 0 interpolate basis',
      '  style B',
      '',
    ].join('\n');
    expect(safeMermaid(`${plain}  classDef bad fill:#f9f,fill:url(${U})\n`)).toEqual({
      source: `${plain}  classDef bad fill:#f9f\n`,
      removed: [{ offset: 445, line: 10, col: 3, what: 'classDef statement', problem: 'sets "fill" to CSS that can load an address', body: true }],
    });
  });

  it('removes a statement when nothing of it is left, or it cannot be read', () => {
    expect(safeMermaid(`classDiagram\n  class A\n  style A fill:url(${U})\n  classDef c,fill:url(${U})\n`)).toEqual({
      source: 'classDiagram\n  class A\n  \n  \n',
      removed: [
        { offset: 25, line: 3, col: 3, what: 'style statement', problem: 'sets "fill" to CSS that can load an address', body: true },
        { offset: 70, line: 4, col: 3, what: 'classDef statement', problem: 'could not be read', body: true },
      ],
    });
  });

  it('keeps links to http(s), mailto and relative addresses; removes others and script callbacks', () => {
    const text = [
      'flowchart LR',
      '  A --> B',
      '  click A href "https://example.com/a" _blank',
      '  click B "/docs/b" "tip"',
      '  click A href "xmpp:someone"',
      '  click B "javascript:alert(1)"',
      '  click A call alert(1)',
      '  click B callback',
      '',
    ].join('\n');
    expect(safeMermaid(text)).toEqual({
      source: 'flowchart LR\n  A --> B\n  click A href "https://example.com/a" _blank\n  click B "/docs/b" "tip"\n  \n  \n  \n  \n',
      removed: [
        { offset: 97, line: 5, col: 3, what: 'click statement', problem: 'links to an address that is not http(s), mailto or relative', body: true },
        { offset: 127, line: 6, col: 3, what: 'click statement', problem: 'links to an address that is not http(s), mailto or relative', body: true },
        { offset: 159, line: 7, col: 3, what: 'click statement', problem: 'calls a script function, which a drawing on the site never runs', body: true },
        { offset: 183, line: 8, col: 3, what: 'click statement', problem: 'calls a script function, which a drawing on the site never runs', body: true },
      ],
    });
    expect(safeMermaid('classDiagram\n  class A\n  link A "tel:1"\n  callback A "f"\n  link A "mailto:a@example.com"\n').source).toBe(
      'classDiagram\n  class A\n  \n  \n  link A "mailto:a@example.com"\n',
    );
    expect(
      safeMermaid('sequenceDiagram\n  link A: Wiki @ sms:1\n  links A: {"Docs": "https://a.example", "X": "ftp://b"}\n  link A: Docs @ https://a.example\n')
        .source,
    ).toBe('sequenceDiagram\n  \n  \n  link A: Docs @ https://a.example\n');
    // `click` is a statement only where mermaid has one: in a state diagram it names a state.
    const state = 'stateDiagram-v2\n  click --> done\n';
    expect(safeMermaid(state)).toEqual({ source: state, removed: [] });
  });

  it("removes a node's data that sets an image", () => {
    expect(safeMermaid(`flowchart LR\n  A@{ img: "${U}", label: "}" } --> B@{ shape: rect }\n`)).toEqual({
      source: 'flowchart LR\n  A --> B@{ shape: rect }\n',
      removed: [{ offset: 16, line: 2, col: 4, what: 'node data (@{ … })', problem: 'may set "img", an image loaded from an address', body: true }],
    });
  });

  it('breaks whatever else CSS would read as loading, with an invisible space, and leaves comments and other words alone', () => {
    const text = `sequenceDiagram\n  rect url(${U})\n  A->>B: GET u\\rl(x) and @import, image(s) and src(x)\n  %% url(x) in a comment\n  end\n`;
    expect(safeMermaid(text)).toEqual({
      source: `sequenceDiagram\n  rect url\u200B(${U})\n  A->>B: GET u\\rl\u200B(x) and @\u200Bimport, image(s) and src(x)\n  %% url(x) in a comment\n  end\n`,
      removed: [
        {
          offset: 23,
          line: 2,
          col: 8,
          what: 'text',
          problem: 'has "url(", which CSS can read as an address to load',
          outcome: 'an invisible space was put in it',
          body: true,
        },
        {
          offset: 66,
          line: 3,
          col: 14,
          what: 'text',
          problem: 'has "u\\rl(", which CSS can read as an address to load',
          outcome: 'an invisible space was put in it',
          body: true,
        },
        {
          offset: 78,
          line: 3,
          col: 26,
          what: 'text',
          problem: 'has "@import", which CSS can read as an address to load',
          outcome: 'an invisible space was put in it',
          body: true,
        },
      ],
    });
  });

  it('reports at the line and column written, after a directive on the same line is cut', () => {
    const { source, removed } = safeMermaid(`flowchart LR\n  %%{init: {"themeCSS": "x"}}%%classDef c fill:url(${U})\n`);
    expect(source).toBe('flowchart LR\n  \n');
    expect(removed.map(({ line, col, what }) => [line, col, what])).toEqual([
      [2, 3, '%%{init}%% directive'],
      [2, 32, 'classDef statement'],
    ]);
  });

  it('is stable: what it writes, it keeps as written', () => {
    const text = `stateDiagram-v2\n  classDef c fill:#f9f,fill:url(${U})\n  note left of S: url(x)\n`;
    const once = safeMermaid(text).source;
    expect(once).toBe(`stateDiagram-v2\n  classDef c fill:#f9f\n  note left of S: url\u200B(x)\n`);
    expect(safeMermaid(once)).toEqual({ source: once, removed: [] });
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

  it('warns at the line and column of a style statement that loads, once for each property dropped', () => {
    const doc =
      '# Guide\n\n```mermaid\nstateDiagram-v2\n  [*] --> S\n  classDef c fill:url(http://127.0.0.1:9/x.png),stroke:#333,background:u\\rl(x)\n  class S c\n```\n';
    const { diagnostics } = check(edit('docs/guide.md', '# Guide\n', doc));
    const warning = (property: string) => ({
      code: 'PLX039',
      severity: 'warning',
      file: 'content/docs/guide.md',
      line: 13,
      col: 3,
      message: `This mermaid classDef statement sets "${property}" to CSS that can load an address; it was removed before the diagram was drawn.`,
      hint: 'Style with plain values, such as fill:#f9f or stroke-width:2px, and link to http(s), mailto or relative addresses. CSS that loads (url(), image-set(), @import), images, other links and script callbacks are never kept (README: Security model).',
    });
    expect(diagnostics).toEqual([warning('fill'), warning('background')]);
  });

  it('says what was put in text that CSS would read as loading', () => {
    const doc = '# Guide\n\n```mermaid\nsequenceDiagram\n  A->>B: url(x)\n```\n';
    expect(check(edit('docs/guide.md', '# Guide\n', doc)).diagnostics.map((d) => [d.code, d.line, d.col, d.message])).toEqual([
      [
        'PLX039',
        12,
        10,
        'This mermaid text has "url(", which CSS can read as an address to load; an invisible space was put in it before the diagram was drawn.',
      ],
    ]);
  });

  it('says nothing of plain options, and nothing outside mermaid blocks', () => {
    const doc = '# Guide\n\n```mermaid\n%%{init: {\'theme\': \'dark\'}}%%\nflowchart LR\n```\n\n```text\n%%{init: {"themeCSS": "x"}}%%\n```\n';
    expect(mermaidConfigProblems(doc)).toEqual([]);
    expect(check(edit('docs/guide.md', '# Guide\n', doc)).diagnostics).toEqual([]);
  });
});
