// Unknown values are said as such: "not recorded", never a guess; the data-quality view counts them.
import { describe, expect, it } from 'vitest';
import { dataQuality } from '../../src/core/quality.ts';
import { renderDocuments } from '../../src/render/documents.ts';
import { engine } from '../example-model.ts';
import { BASE, check, edit } from '../registry-fixture.ts';

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

  it('take in the statuses and kinds a new scaffold cannot know, and render them as "not recorded"', () => {
    const { model, diagnostics } = check({
      ...edit(I, 'status: production', 'status: unknown'),
      ...edit('repositories/orders-api.yaml', 'kind: service\nstatus: active', 'kind: unknown\nstatus: unknown'),
      'patterns/events.yaml': 'name: Events\nkind: unknown\ndescription: unknown\n',
      'resources/cache.yaml': 'name: Cache\nkind: unknown\nowner: orders-api\n',
      'events/payment.completed.yaml': 'description: unknown\nproducers: [payments-api]\nconsumers: [orders-api]\nchannel: unknown\n',
      'docsets/runbooks.yaml': 'name: Runbooks\nowner: unknown\nfrequency: unknown\nlastReview: unknown\n',
      'protocols/on-call.yaml': 'name: On call\nkind: unknown\n',
    });
    expect(diagnostics).toEqual([]);
    const documents = renderDocuments(model, engine);
    const markdown = documents.find((d) => d.path === 'integrations/payments-to-orders.md')!.markdown;
    expect(markdown).toContain('| Provided by Payments API · used by Orders API | Events | Kafka | Mutual TLS | not recorded |');
    expect(model.events.get('payment.completed')!.data).toMatchObject({ payload: {}, producers: ['payments-api'], consumers: [{ repository: 'orders-api' }] });
    expect(model.patterns.get('events')!.data).toMatchObject({ usedBy: [], features: [] });
    const registry = documents.find((d) => d.path === 'integration-registry.md')!.markdown;
    expect(registry).toContain(
      '**Used By**: not recorded\n\n**Description**: unknown\n\n**Implementation Guide**: not recorded\n\n**Key Features**: not recorded\n',
    );
    expect(registry).toContain('| Runbooks | not recorded | not recorded | not recorded |');
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

describe('an integration whose provider is unknown', () => {
  const { model, diagnostics } = check(edit(I, 'provider: payments-api', 'provider: unknown'));

  it('checks clean: unknown names no repository', () => {
    expect(diagnostics).toEqual([]);
  });

  it('says "Provider unknown" in its document, links no provider page, and is listed in the data-quality view', () => {
    const markdown = renderDocuments(model, engine).find((d) => d.path === 'integrations/payments-to-orders.md')!.markdown;
    expect(markdown).toContain('| Provider unknown · used by Orders API |');
    expect(markdown).not.toContain('repositories/unknown.md');
    const integration = dataQuality(model).find((k) => k.kind === 'integration')!;
    expect(integration.fields.find((f) => f.field === 'provider')).toEqual({ field: 'provider', recorded: 0, missing: ['payments-to-orders'] });
  });

  it('makes no repository upstream of its consumers', () => {
    expect(model.analysis.links.get('orders-api')!.upstream).not.toContain('unknown');
    expect(model.analysis.links.has('unknown')).toBe(false);
  });
});

describe('a resource whose owner is unknown', () => {
  it('checks clean with the team and system that keep it, and a system that is not there is a dangling reference', () => {
    expect(check({ 'resources/cache.yaml': 'name: Cache\nkind: cache\nowner: unknown\nteam: core\n' }).diagnostics).toEqual([]);
    const dangling = check({ 'resources/cache.yaml': 'name: Cache\nkind: cache\nowner: unknown\nsystem: nowhere\n' }).diagnostics;
    expect(dangling.map((d) => [d.code, d.file, d.line])).toEqual([['PLX012', 'content/resources/cache.yaml', 4]]);
  });
});

describe('the data-quality view', () => {
  it('counts what an import wrote as unknown as not recorded: repository purpose, kind, status, url; integration purpose, status, protocol; event description, channel', () => {
    const { model, diagnostics } = check({
      [I]: BASE[I]!.replace(/purpose: .*\n/, 'purpose: unknown\n')
        .replace('status: production', 'status: unknown')
        .replace('protocol: Kafka', 'protocol: unknown'),
      ...edit(
        'repositories/orders-api.yaml',
        'purpose: Orders\nrole: Core backend\nkind: service\nstatus: active\nurl: https://github.com/acme/orders-api',
        'purpose: unknown\nkind: unknown\nstatus: unknown\nurl: unknown',
      ),
      'events/payment.completed.yaml': 'description: unknown\nproducers: [payments-api]\nconsumers: [orders-api]\nchannel: unknown\n',
    });
    expect(diagnostics).toEqual([]);
    const quality = dataQuality(model);
    const fields = (kind: string, names: string[]) => quality.find((k) => k.kind === kind)!.fields.filter((f) => names.includes(f.field));
    expect(fields('repository', ['purpose', 'kind', 'status', 'url'])).toEqual([
      { field: 'purpose', recorded: 1, missing: ['orders-api'] },
      { field: 'kind', recorded: 1, missing: ['orders-api'] },
      { field: 'status', recorded: 1, missing: ['orders-api'] },
      { field: 'url', recorded: 1, missing: ['orders-api'] },
    ]);
    expect(fields('integration', ['purpose', 'status', 'protocol'])).toEqual([
      { field: 'purpose', recorded: 0, missing: ['payments-to-orders'] },
      { field: 'status', recorded: 0, missing: ['payments-to-orders'] },
      { field: 'protocol', recorded: 0, missing: ['payments-to-orders'] },
    ]);
    expect(fields('event', ['description', 'channel'])).toEqual([
      { field: 'description', recorded: 0, missing: ['payment.completed'] },
      { field: 'channel', recorded: 0, missing: ['payment.completed'] },
    ]);
    // The same fields written in full count as recorded.
    const full = dataQuality(check().model);
    expect(
      full
        .find((k) => k.kind === 'repository')!
        .fields.filter((f) => ['purpose', 'kind', 'status', 'url'].includes(f.field))
        .map((f) => f.recorded),
    ).toEqual([2, 2, 2, 2]);
  });

  it("counts a repository's domain as recorded when its system names one, as its diagrams place it", () => {
    const { model, diagnostics } = check({
      'domains/commerce.yaml': 'name: Commerce\n',
      'systems/ordering.yaml': 'name: Ordering\ndomain: commerce\n',
      'systems/billing.yaml': 'name: Billing\n',
      ...edit('repositories/orders-api.yaml', 'team: core', 'team: core\nsystem: ordering'),
      ...edit('repositories/payments-api.yaml', 'team: core', 'team: core\nsystem: billing'),
    });
    expect(diagnostics).toEqual([]);
    const repository = dataQuality(model).find((k) => k.kind === 'repository')!;
    expect(repository.fields.find((f) => f.field === 'domain')).toEqual({ field: 'domain', recorded: 1, missing: ['payments-api'] });
    // policies.require agrees: only the repository with no domain by either way is reported.
    const required = check({
      'domains/commerce.yaml': 'name: Commerce\n',
      'systems/ordering.yaml': 'name: Ordering\ndomain: commerce\n',
      'systems/billing.yaml': 'name: Billing\n',
      ...edit('repositories/orders-api.yaml', 'team: core', 'team: core\nsystem: ordering'),
      ...edit('repositories/payments-api.yaml', 'team: core', 'team: core\nsystem: billing'),
      ...edit('ecosystem.yaml', '  parallelSupportMonths: 3\n', '  parallelSupportMonths: 3\n  require:\n    repository: [domain]\n'),
    }).diagnostics;
    expect(required.map((d) => [d.code, d.file])).toEqual([['PLX038', 'content/repositories/payments-api.yaml']]);
  });
});
