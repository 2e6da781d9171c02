// Hostile text in the registry renders as the same text: never markup, never a broken table or diagram.
import { compile } from '@mdx-js/mdx';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderDocuments } from '../../src/render/documents.ts';
import { engine } from '../example-model.ts';
import { check, edit } from '../registry-fixture.ts';

const HOSTILE = '<script>alert(1)</script> {props} | pipe `tick` --> "quote" *star* [x](javascript:alert(1)) $x$ ~~s~~ #1 &amp; ü';
const I = 'integrations/payments-to-orders.yaml';
const yamlString = JSON.stringify(HOSTILE);

const { model, diagnostics } = check({
  ...edit('repositories/payments-api.yaml', 'name: Payments API', `name: ${yamlString}`),
  'repositories/orders-api.yaml': edit('repositories/orders-api.yaml', 'purpose: Orders', `purpose: ${yamlString}`)['repositories/orders-api.yaml']!.replace(
    'team: core\n',
    `team: core\ntables:\n  owns:\n    - name: ${yamlString}\n      purpose: ${yamlString}\n`,
  ),
  ...edit('teams/core.yaml', 'name: Core', `name: ${yamlString}`),
  [I]: edit(I, 'title: Payments to Orders', `title: ${yamlString}`)[I]!.replace(
    'patterns: [events]',
    `patterns: [events]\nsteps:\n  - from: payments-api\n    to: orders-api\n    message: ${yamlString}\nconnection:\n  endpoint: ${yamlString}\ncontacts:\n  primary: ${yamlString}\nchangelog:\n  - date: 2026-10-01\n    summary: ${yamlString}`,
  ),
  'docs/guide.md': `---\ntitle: ${yamlString}\npurpose: ${yamlString}\nstatus: draft\nversion: 0.1.0\nauthors: [Ada]\n---\n# Guide\n`,
});
const documents = renderDocuments(model, engine);

type Node = { type: string; value?: string; children?: Node[] };
const walk = (node: Node, visit: (n: Node) => void) => {
  visit(node);
  for (const c of node.children ?? []) walk(c, visit);
};
const textOf = (node: Node): string => node.value ?? (node.children ?? []).map(textOf).join('');

describe('hostile text', () => {
  it('is valid registry data', () => expect(diagnostics).toEqual([]));

  const body = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n/, '');

  it.each(documents.map((d) => [d.path, body(d.markdown)]))('%s parses as GFM with no HTML and the text intact', (path, markdown) => {
    const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as Node;
    const kinds = new Set<string>();
    const texts: string[] = [];
    walk(tree, (n) => {
      kinds.add(n.type);
      if (['paragraph', 'tableCell', 'heading', 'listItem'].includes(n.type)) texts.push(textOf(n));
      if (n.type === 'table') {
        const widths = n.children!.map((row) => row.children!.length);
        expect(new Set(widths).size, `ragged table in ${path}`).toBe(1);
      }
    });
    expect(kinds.has('html'), `raw HTML in ${path}`).toBe(false);
    if (markdown.includes('script')) {
      const inCode = /```[\s\S]*?script[\s\S]*?```/.test(markdown) || /`[^`\n]*script[^`\n]*`/.test(markdown);
      expect(texts.some((t) => t.includes(HOSTILE)) || inCode, `hostile text altered in ${path}`).toBe(true);
    }
  });

  it('never becomes JSX when compiled as MDX', async () => {
    for (const d of documents) {
      const out = String(await compile(body(d.markdown), { format: 'mdx' }));
      expect(out, d.path).not.toMatch(/_components\.script|"script"/);
      // Had {props} become an MDX expression, the braces would be gone from the output.
      if (body(d.markdown).includes('{props}')) expect(out, d.path).toContain('{props}');
    }
  });

  // The landscape's one area is the team, so its hostile name is the node's label.
  it('keeps mermaid syntax intact in the system diagram, the landscape of the site', () => {
    const system = documents.find((d) => d.path === 'system-integrations.md')!.markdown;
    expect(/```mermaid\n([\s\S]*?)\n```/.exec(system)![1]).toBe(
      [
        'flowchart LR',
        '  n0("#lt;script#gt;alert(1)#lt;/script#gt; {props} | pipe `tick` --#gt; ”quote” *star* [x](javascript:alert(1)) $x$ ~~s~~ #1 &amp; ü · 2 repositories · 1 inside")',
      ].join('\n'),
    );
  });

  it('keeps mermaid syntax intact in an integration sequence', () => {
    const integration = documents.find((d) => d.path === 'integrations/payments-to-orders.md')!.markdown;
    expect(/```mermaid\n([\s\S]*?)\n```/.exec(integration)![1]).toBe(
      [
        'sequenceDiagram',
        '  participant n0 as #lt;script#gt;alert(1)#lt;/script#gt; {props} | pipe `tick` --#gt; "quote" *star* [x](javascript:alert(1)) $x$ ~~s~~ ＃1 &amp; ü',
        '  participant n1 as Orders API',
        '  n0->>n1: #lt;script#gt;alert(1)#lt;/script#gt; {props} | pipe `tick` --#gt; "quote" *star* [x](javascript:alert(1)) $x$ ~~s~~ ＃1 &amp; ü',
      ].join('\n'),
    );
  });

  it('round-trips through front matter unchanged', () => {
    const guide = documents.find((d) => d.path === 'docs/guide.md')!.markdown;
    expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(guide)![1]!).title).toBe(HOSTILE);
  });
});

describe('values at the start of a line', () => {
  const LINE_STARTERS = ['# Not a heading', '- not a list', '1. not a list', '    not code', '===', '> not a quote'];
  it.each(LINE_STARTERS)('"%s" as a purpose renders as text in a paragraph, not as structure', (purpose) => {
    const r = check({
      'repositories/orders-api.yaml': edit('repositories/orders-api.yaml', 'purpose: Orders', `purpose: ${JSON.stringify(purpose)}`)[
        'repositories/orders-api.yaml'
      ]!,
    });
    const markdown = renderDocuments(r.model, engine)
      .find((d) => d.path === 'repositories/orders-api.md')!
      .markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
    const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as Node;
    // The top-level block that holds the text must be a paragraph (not a heading, list, quote, code).
    const core = purpose.trim().replace(/^(#|-|1\.|>)\s*/, '');
    const blocks = (tree.children ?? []).filter((b) => textOf(b).includes(core)).map((b) => b.type);
    expect(blocks).toEqual(['paragraph']);
    expect(markdown).not.toMatch(new RegExp(`^${purpose.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  });
});
