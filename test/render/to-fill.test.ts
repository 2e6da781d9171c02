// Issue 25: a document's unfilled placeholders are shown to readers marked "to fill" and counted
// against its completeness, with the template sections it leaves out; its headings keep the
// source's order, numbers and levels.
import { describe, expect, it } from 'vitest';
import { completenessOf, completenessText, strategyCompleteness } from '../../src/render/completeness.ts';
import { markdownToHtml } from '../../src/render/html.ts';
import { markToFill, toFillCount, unfilledPlaceholders } from '../../src/render/to-fill.ts';
import { example } from '../example-model.ts';

const TAG = '<mark class="to-fill"><span class="to-fill-tag">To fill:</span>';

describe('markToFill', () => {
  it('marks bracket, choice and {UPPER} placeholders of the prose, not code, links or attributes', () => {
    const source = [
      '* [What is explicitly excluded or deferred]',
      '* **Topic Structure:** [Hierarchical | Flat | Component-based]',
      '',
      'Owner: {TEAM_NAME} & co',
      '',
      'See [the guide](https://example.com/) and `[not this]`.',
      '',
      '```json',
      '{"name": "[Kept as an example]"}',
      '```',
    ].join('\n');
    const { html, count } = markToFill(markdownToHtml(source).html, source);
    expect(count).toBe(3);
    expect(toFillCount(source)).toBe(3);
    expect(html).toBe(
      [
        '<ul>',
        `<li>${TAG} What is explicitly excluded or deferred</mark></li>`,
        `<li><strong>Topic Structure:</strong> ${TAG} Hierarchical | Flat | Component-based</mark></li>`,
        '</ul>',
        `<p>Owner: ${TAG} TEAM_NAME</mark> &amp; co</p>`,
        '<p>See <a href="https://example.com/">the guide</a> and <code>[not this]</code>.</p>',
        '<pre tabindex="0"><code class="language-json">{&quot;name&quot;: &quot;[Kept as an example]&quot;}',
        '</code></pre>',
        '',
      ].join('\n'),
    );
  });

  it('leaves a document without placeholders as it was', () => {
    const html = '<p>All filled.</p>\n';
    expect(markToFill(html, 'All filled.')).toEqual({ html, count: 0 });
  });
});

describe('completeness against the template', () => {
  const blank = [
    '# Strategy: [Program Name]',
    '## 1. Overview',
    '[Purpose]',
    '### 1.1 Scope',
    '[In scope] and [Out of scope]',
    '## 2. Events',
    '[Event bus]',
    '### 2.1 Topics',
    '[Topic names]',
  ].join('\n');

  it('counts what is still written and what a left-out section held; the title is the document itself', () => {
    const body = ['# Strategy: Checkout', '## 1. Overview', 'Checkout end to end.', '### 1.1 Scope', 'Orders and [Out of scope]'].join('\n');
    const unfilled = unfilledPlaceholders(body, blank);
    expect(unfilled.inDocument.map((p) => p.raw)).toEqual(['[Out of scope]']);
    expect(unfilled.leftOut.map((p) => p.raw)).toEqual(['[Event bus]', '[Topic names]']);
    expect(unfilled.sectionsLeftOut).toBe(2);
    const c = completenessOf(body, blank);
    expect(c).toEqual({ remaining: 3, total: 6, ratio: 0.5, inDocument: 1, sectionsLeftOut: 2 });
    expect(completenessText(c)).toBe('50%: 3 of 6 template placeholders still to fill');
  });

  it('gives the example strategy, which keeps 4 of the template sections, its honest figure (it said 98%)', async () => {
    const doc = example.model.documents.get('strategy/checkout-integration-strategy')!;
    const c = await strategyCompleteness(example.model, doc.body);
    expect(completenessText(c)).toBe('9%: 117 of 129 template placeholders still to fill');
    expect([c.inDocument, c.sectionsLeftOut]).toEqual([2, 82]);
  });
});

describe("a document's headings", () => {
  it('keep the order, numbers and levels of the source (1 → 1.2 → 5 → 5.2.1), renumbered and reordered never', () => {
    const body = example.model.documents.get('strategy/checkout-integration-strategy')!.body;
    const html = markdownToHtml(body).html;
    expect([...html.matchAll(/<h([1-6])[^>]*>([^<]*)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]}`)).toEqual([
      'h1 Integration Strategy: Checkout Cross-Component Integration',
      'h2 1. Integration Overview',
      'h3 1.2 Integration Scope',
      'h2 5. Event-Driven Integration',
      'h4 5.2.1 Event Bus Configuration',
    ]);
  });
});
