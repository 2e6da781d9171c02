import { describe, expect, it } from 'vitest';
import { example } from '../example-model.ts';
import { check, edit } from '../registry-fixture.ts';
import { areaGraph, eventGraph, landscapeGraph, neighbourhoodGraph, sequenceOf } from '../../src/diagrams/graph.ts';
import type { DiagramGraph } from '../../src/diagrams/view-graph.ts';
import { toMermaid, toText } from '../../src/diagrams/graph-text.ts';

const m = example.model;
/** A view in one line a node and one an edge: key | label | kind | link | sub | box | focus; from -> to: label [count, marks] link. */
const short = (g: DiagramGraph) => ({
  nodes: g.nodes.map((n) => [n.key, n.label, n.kind, n.href, n.sub, n.group, n.focus].filter((x) => x !== undefined).join(' | ')),
  edges: g.edges.map((e) => `${e.from} -> ${e.to}: ${e.label} [${e.count}${e.both ? ' both' : ''}${e.dashed ? ' dashed' : ''}] ${e.href}`),
  trail: g.trail.map((c) => c.label),
});

describe('views of the example by level', () => {
  it('the landscape: one node per domain, the integrations between two domains one edge with their verbs and count', () => {
    expect(short(landscapeGraph(m))).toEqual({
      nodes: [
        'domain:commerce | commerce | domain | /map/domain/commerce/ | 3 repositories · 5 inside',
        'domain:core | core | domain | /map/domain/core/ | 2 repositories',
        'domain:finance | finance | domain | /map/domain/finance/ | 1 repository',
        'domain:frontend | frontend | domain | /map/domain/frontend/ | 3 repositories · 2 inside',
        'domain:messaging | messaging | domain | /map/domain/messaging/ | 2 repositories · 1 inside',
        'domain:platform | platform | domain | /map/domain/platform/ | 4 repositories',
        'domain:ticketing | ticketing | domain | /map/domain/ticketing/ | 1 repository',
      ],
      edges: [
        'domain:commerce -> domain:core: publishes, reads (2) [2 both] /map/#e-domain_commerce--domain_core',
        'domain:commerce -> domain:finance: delivers Nightly Accounting Export [1] /integrations/accounting-export/',
        'domain:commerce -> domain:frontend: delivers Legacy Order Feed [1 dashed] /integrations/legacy-order-feed/',
        'domain:commerce -> domain:messaging: publishes (2) [2] /map/#e-domain_commerce--domain_messaging',
        'domain:commerce -> domain:platform: calls, depends on (3) [3 both] /map/#e-domain_commerce--domain_platform',
        'domain:core -> domain:messaging: publishes user.created [1] /integrations/user-events/',
        'domain:frontend -> domain:core: connects to, calls, queries (3) [3] /map/#e-domain_frontend--domain_core',
        'domain:frontend -> domain:platform: calls, depends on (2) [2] /map/#e-domain_frontend--domain_platform',
        'domain:platform -> domain:core: calls, depends on (3) [3 both] /map/#e-domain_platform--domain_core',
        'domain:platform -> domain:messaging: calls Gateway to Notification Service [1] /integrations/gateway-to-notifications/',
        'domain:ticketing -> domain:core: signs users in with, sends (2) [2 both] /map/#e-domain_ticketing--domain_core',
      ],
      trail: ['Landscape'],
    });
  });

  it('a domain: its repositories and resources in its box, the outside collapsed to domains', () => {
    expect(short(areaGraph(m, 'domain:commerce')!)).toEqual({
      nodes: [
        'order-service | Order Service | service | /repositories/order-service/ | domain:commerce',
        'payment-service | Payment Service | service | /repositories/payment-service/ | domain:commerce',
        'stripe | Stripe | external | /repositories/stripe/ | domain:commerce',
        'resource:orders-db | Orders database | datastore | /resources/orders-db/ | domain:commerce',
        'domain:core | core | domain | /map/domain/core/ | domain',
        'domain:finance | finance | domain | /map/domain/finance/ | domain',
        'domain:frontend | frontend | domain | /map/domain/frontend/ | domain',
        'domain:messaging | messaging | domain | /map/domain/messaging/ | domain',
        'domain:platform | platform | domain | /map/domain/platform/ | domain',
      ],
      edges: [
        'domain:core -> order-service: publishes user.created [1] /integrations/user-events/',
        'domain:platform -> order-service: calls, depends on (2) [2 both] /map/domain/commerce/#e-domain_platform--order-service',
        'domain:platform -> payment-service: calls, depends on (2) [2 both] /map/domain/commerce/#e-domain_platform--payment-service',
        'order-service -> domain:frontend: delivers Legacy Order Feed [1 dashed] /integrations/legacy-order-feed/',
        'order-service -> domain:messaging: publishes order.placed [1] /integrations/order-events/',
        'order-service -> payment-service: publishes, reads, calls (4) [4 both] /map/domain/commerce/#e-order-service--payment-service',
        'payment-service -> domain:core: reads Users Table CDC [1] /integrations/users-cdc/',
        'payment-service -> domain:finance: delivers Nightly Accounting Export [1] /integrations/accounting-export/',
        'payment-service -> domain:messaging: publishes payment.completed, payment.failed [1] /integrations/payment-events/',
        'payment-service -> stripe: calls Stripe Payments [1] /integrations/stripe-payments/',
        'order-service -> resource:orders-db: owns [1] /resources/orders-db/',
      ],
      trail: ['Landscape', 'domain commerce'],
    });
  });

  it('a repository: its counterparts, several integrations with one of them bundled into one edge that links to their rows', () => {
    expect(short(neighbourhoodGraph(m, 'payment-service'))).toEqual({
      nodes: [
        'payment-service | Payment Service | service | /repositories/payment-service/ | true',
        'accounting | Accounting (NetSuite) | external | /repositories/accounting/',
        'api-gateway | API Gateway | gateway | /repositories/api-gateway/',
        'email-service | Email Service | service | /repositories/email-service/',
        'notification-service | Notification Service | service | /repositories/notification-service/',
        'order-service | Order Service | service | /repositories/order-service/',
        'shared-types | Shared Types | library | /repositories/shared-types/',
        'stripe | Stripe | external | /repositories/stripe/',
        'user-service | User Service | service | /repositories/user-service/',
        'resource:orders-db | Orders database | datastore | /resources/orders-db/',
      ],
      edges: [
        'api-gateway -> payment-service: calls Gateway to Payment Service [1] /integrations/gateway-to-payments/',
        'order-service -> payment-service: publishes, reads, calls (4) [4 both] /map/repository/payment-service/#e-order-service--payment-service',
        'payment-service -> accounting: delivers Nightly Accounting Export [1] /integrations/accounting-export/',
        'payment-service -> email-service: publishes payment.completed, payment.failed [1] /integrations/payment-events/',
        'payment-service -> notification-service: publishes payment.completed, payment.failed [1] /integrations/payment-events/',
        'payment-service -> shared-types: depends on Shared Types Package [1] /integrations/shared-types/',
        'payment-service -> stripe: calls Stripe Payments [1] /integrations/stripe-payments/',
        'payment-service -> user-service: reads Users Table CDC [1] /integrations/users-cdc/',
        'payment-service -> resource:orders-db: reads [1] /resources/orders-db/',
      ],
      trail: ['Landscape', 'domain commerce', 'repository Payment Service'],
    });
    expect(neighbourhoodGraph(m, 'payment-service').description).toBe(
      'What Payment Service uses and what uses it, one hop away: 8 repositories and 1 resource; several integrations with one of them are drawn as one arrow.',
    );
  });

  it('says only what a neighbourhood or an area holds: nothing bundled, nothing outside, or nothing at all', () => {
    expect(neighbourhoodGraph(m, 'shared-types').description).toMatch(/^What Shared Types uses and what uses it, one hop away: \d+ repositories\.$/);
    const lone = check({
      'repositories/lone.yaml': 'name: Lone\npurpose: Alone\nrole: None\nkind: service\nstatus: active\nurl: https://example.com/lone\nteam: core\n',
    });
    expect(neighbourhoodGraph(lone.model, 'lone').description).toBe('Lone has no integrations or resources recorded.');
    expect(areaGraph(m, 'domain:commerce')!.description).toBe('3 repositories in the box; outside it, the domains they integrate with, each one node.');
    expect(areaGraph(check({}).model, 'team:core')!.description).toBe('2 repositories in the box; nothing outside it integrates with them.');
    const unnamed = check(edit('ecosystem.yaml', 'name: Acme', 'name: unknown'));
    expect(landscapeGraph(unnamed.model).title).toBe('Ecosystem landscape');
  });

  it('an event: producers → event → consumers, each arrow pointing the way the event goes', () => {
    expect(short(eventGraph(m, 'payment.completed'))).toEqual({
      nodes: [
        'payment-service | Payment Service | service | /repositories/payment-service/',
        'event:payment.completed | payment.completed | event | /events/payment.completed/ | true',
        'order-service | Order Service | service | /repositories/order-service/',
        'email-service | Email Service | service | /repositories/email-service/',
        'notification-service | Notification Service | service | /repositories/notification-service/',
      ],
      edges: [
        'payment-service -> event:payment.completed: publishes [1] /integrations/payment-events/',
        'event:payment.completed -> order-service: delivered: Mark the order paid and issue tickets [1] /integrations/payment-events/',
        'event:payment.completed -> email-service: delivered: Send the receipt [1] /integrations/payment-events/',
        'event:payment.completed -> notification-service: delivered: Push "payment received" to the buyer [1] /integrations/payment-events/',
      ],
      trail: ['Landscape', 'event payment.completed'],
    });
  });

  it('an integration with steps has a sequence; one without has none', () => {
    expect(sequenceOf(m, 'orders-to-payments')!.steps).toHaveLength(4);
    expect(sequenceOf(m, 'shared-types')).toBeNull();
  });

  it('the terminal text of a neighbourhood: what it acts on, then what acts on it', () => {
    expect(toText(neighbourhoodGraph(m, 'payment-service'))).toBe(
      [
        'Payment Service',
        '├─→ Accounting (NetSuite)  delivers Nightly Accounting Export',
        '├─→ Email Service  publishes payment.completed, payment.failed',
        '├─→ Notification Service  publishes payment.completed, payment.failed',
        '├─→ Shared Types  depends on Shared Types Package',
        '├─→ Stripe  calls Stripe Payments',
        '├─→ User Service  reads Users Table CDC',
        '├─→ Orders database  reads',
        '├─← API Gateway  calls Gateway to Payment Service',
        '└─↔ Order Service  publishes, reads, calls (4)',
        '',
      ].join('\n'),
    );
  });

  it('the Markdown export can draw the same graph as mermaid', () => {
    const text = toMermaid(landscapeGraph(m));
    expect(text.split('\n').slice(0, 2)).toEqual(['flowchart LR', '  n0("commerce · 3 repositories · 5 inside")']);
    expect(text).toContain('n0 <-->|"publishes, reads (2)"| n1');
  });
});
