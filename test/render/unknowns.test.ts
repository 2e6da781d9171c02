// Unknown values are said as such: "not recorded", never a guess; the data-quality view counts them.
import { describe, expect, it } from 'vitest';
import { dataQuality } from '../../src/core/quality.ts';
import { renderDocuments } from '../../src/render/documents.ts';
import { engine } from '../example-model.ts';
import { check, edit } from '../registry-fixture.ts';

const I = 'integrations/payments-to-orders.yaml';
const unknown = check({
  [I]: edit(I, 'auth: mtls', 'auth: unknown')[I]!.replace('version: 1.0.0\nlastUpdated: 2026-10-01\n', 'version: unknown\n'),
  ...edit('teams/core.yaml', 'lead: Ada Lovelace\n', ''),
});

describe('unknown values', () => {
  it('check accepts them', () => {
    expect(unknown.diagnostics).toEqual([]);
  });

  it('render as "not recorded" in the integration document', () => {
    const markdown = renderDocuments(unknown.model, engine).find((d) => d.path === 'integrations/payments-to-orders.md')!.markdown;
    expect(markdown).toContain('| Provided by Payments API · used by Orders API | Events | Kafka | not recorded | ✅ Production |');
    expect(markdown).toContain('- **Version**: not recorded, last updated not recorded');
  });

  it('are counted in the data-quality view, per kind and field', () => {
    const integration = dataQuality(unknown.model).find((k) => k.kind === 'integration')!;
    expect(integration.fields.filter((f) => ['auth', 'version', 'lastUpdated', 'consumers'].includes(f.field))).toEqual([
      { field: 'auth', recorded: 0, missing: ['payments-to-orders'] },
      { field: 'version', recorded: 0, missing: ['payments-to-orders'] },
      { field: 'lastUpdated', recorded: 0, missing: ['payments-to-orders'] },
      { field: 'consumers', recorded: 1, missing: [] },
    ]);
    const team = dataQuality(unknown.model).find((k) => k.kind === 'team')!;
    expect(team.fields.find((f) => f.field === 'lead')).toEqual({ field: 'lead', recorded: 0, missing: ['core'] });
  });
});
