// An integration whose owner is unknown (issue 26: an imported API whose owner is in no catalog file)
// checks clean, reads "team unknown" where its owner is listed, links no team page, tells or calls no
// team for it, and is counted in the data-quality view, as a repository whose team is unknown.
import { describe, expect, it } from 'vitest';
import { showText } from '../../src/cli/show.ts';
import { dataQuality } from '../../src/core/quality.ts';
import { compareModels } from '../../src/diff/compare.ts';
import { formatText } from '../../src/diff/format.ts';
import { renderDocuments } from '../../src/render/documents.ts';
import { integrationList } from '../../src/site/lists.ts';
import { engine } from '../example-model.ts';
import { check, edit } from '../registry-fixture.ts';

const I = 'integrations/payments-to-orders.yaml';
const { model, diagnostics } = check(edit(I, 'owner: core', 'owner: unknown'));

describe('an integration whose owner is unknown', () => {
  it('checks clean: unknown names no team; a team that is not there is still a dangling reference', () => {
    expect(diagnostics).toEqual([]);
    const dangling = check(edit(I, 'owner: core', 'owner: nowhere')).diagnostics;
    expect(dangling.map((d) => [d.code, d.file, d.line])).toEqual([['PLX012', 'content/integrations/payments-to-orders.yaml', 8]]);
  });

  it('is listed in the data-quality view as missing its owner', () => {
    const integration = dataQuality(model).find((k) => k.kind === 'integration')!;
    expect(integration.fields.find((f) => f.field === 'owner')).toEqual({ field: 'owner', recorded: 0, missing: ['payments-to-orders'] });
  });

  it('shows as text, not a link, in the integrations list, and its owner filter reads "team unknown"', () => {
    const list = integrationList(model);
    expect(list.rows.find((r) => r.o === 'unknown')!).toMatchObject({ t: ['Payments to Orders', '/integrations/payments-to-orders/'], on: 'team unknown' });
    expect(list.filters.find((f) => f.name === 'owner')!.options).toEqual([['unknown', 'team unknown']]);
  });

  it('says "owner unknown" in its document, not "team unknown team", and links no team page', () => {
    const docs = renderDocuments(model, engine);
    const markdown = docs.find((d) => d.path === 'integrations/payments-to-orders.md')!.markdown;
    expect(markdown).toContain('\n- **Owner**: owner unknown\n- **Maintenance**: team unknown\n');
    expect(docs.find((d) => d.path === 'integration-registry.md')!.markdown).toContain('**Maintenance Responsibility**: team unknown\n');
    expect(docs.map((d) => d.markdown).join('\n')).not.toMatch(/teams\/unknown|unknown team/);
  });

  it('plexus show says its owner is unknown', () => {
    expect(showText(model, 'payments-to-orders')).toContain('\n  Owner      team unknown\n');
  });

  it('tells no team called unknown in plexus diff: the notice says nobody is recorded to tell', () => {
    const report = compareModels(check().model, model, { base: 'main', head: 'branch' });
    expect(report.notify.filter((n) => 'team' in n && n.team === 'unknown').map((n) => ('team' in n ? [n.name, n.because] : n))).toEqual([
      ['Team unknown: nobody is recorded to tell', ['integration payments-to-orders: owner']],
    ]);
    expect(formatText(report)).toContain('  Team unknown: nobody is recorded to tell (integration payments-to-orders: owner)');
  });
});

describe("an integration's exported document", () => {
  it('lists the operations the integration lists, a table a reader of the Markdown can use', () => {
    const withOps = check(
      edit(
        I,
        'owner: core',
        'owner: core\noperations:\n  - method: GET\n    path: /orders/{id}\n    summary: One order | with a pipe\n  - method: POST\n    path: /orders',
      ),
    ).model;
    const markdown = renderDocuments(withOps, engine).find((d) => d.path === 'integrations/payments-to-orders.md')!.markdown;
    expect(markdown).toContain(
      [
        '## Operations',
        '',
        '| Method | Path | Summary |',
        '|--------|------|---------|',
        '| GET | `/orders/{id}` | One order \\| with a pipe |',
        '| POST | `/orders` | — |',
      ].join('\n'),
    );
    expect(renderDocuments(model, engine).find((d) => d.path === 'integrations/payments-to-orders.md')!.markdown).not.toContain('## Operations');
  });
});
