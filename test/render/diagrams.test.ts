// Diagrams generated from the model: deterministic text, and readable when the ecosystem is large.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/core/registry.ts';
import { ecosystemDiagram, eventDiagram, neighbourhoodDiagram, sequenceDiagram } from '../../src/render/diagrams.ts';
import { generateRegistry } from '../../src/synthetic/generate.ts';
import { example } from '../example-model.ts';
import { check, edit } from '../registry-fixture.ts';

const encoder = new TextEncoder();
const synthetic = (entities: number) =>
  buildRegistry(
    [...generateRegistry(entities, 3)].map(([path, text]) => ({ path, display: path, bytes: encoder.encode(text) })),
    { today: '2026-11-22' },
  ).model;

describe('generated diagrams', () => {
  it('are the same text for the same model', () => {
    expect(ecosystemDiagram(example.model)).toEqual(ecosystemDiagram(example.model));
    expect(neighbourhoodDiagram(example.model, 'payment-service').source).toBe(neighbourhoodDiagram(example.model, 'payment-service').source);
  });

  it('draw a repository one hop out, both ways', () => {
    const { source, text } = neighbourhoodDiagram(example.model, 'stripe');
    // Payment Service calls Stripe: the arrow starts at the caller, and says what it does.
    expect(source).toBe('flowchart LR\n  n0["Payment Service"]\n  n1(["Stripe"])\n  n0 -->|"calls Stripe Payments"| n1\n');
    expect(text.rows).toEqual([{ from: 'Payment Service', label: 'calls Stripe Payments', to: 'Stripe' }]);
    expect(text.legend).toBe(
      'Each arrow starts at the repository that acts and says what it does (calls, publishes, reads, depends on…); ↔ both ways; dashed: deprecated.',
    );
  });

  it('draw an event between its producers and consumers', () => {
    expect(eventDiagram(example.model, 'ticket.sold').source).toBe(
      'flowchart LR\n  n0(["ticket.sold"])\n  n1["Core API"]\n  n2["Hi.Events"]\n  n2 -->|"publishes ticket.sold"| n0\n  n1 -->|"subscribes: Update the seat map and availability"| n0\n',
    );
  });

  it('draw interaction steps as a sequence, and nothing without them', () => {
    expect(sequenceDiagram(example.model, 'orders-to-payments')!.source.split('\n').slice(0, 4)).toEqual([
      'sequenceDiagram',
      '  participant n0 as Order Service',
      '  participant n1 as Payment Service',
      '  participant n2 as Stripe',
    ]);
    expect(sequenceDiagram(example.model, 'admin-api')).toBeNull();
  });

  it('label each group with its kind: a domain, or the team of repositories without one', () => {
    const groups = (model: typeof example.model) =>
      ecosystemDiagram(model)
        .source.split('\n')
        .filter((l) => l.includes('subgraph'))
        .map((l) => l.trim());
    expect(groups(example.model)).toContain('subgraph g6["Domain: commerce"]');
    const { model } = check(edit('repositories/orders-api.yaml', 'team: core\n', 'team: core\ndomain: orders\n'));
    expect(groups(model)).toEqual(['subgraph g0["Domain: orders"]', 'subgraph g1["Team: Core"]']);
  });

  it('group a large ecosystem by domain so it stays readable', () => {
    const model = synthetic(1000);
    expect(model.repositories.size).toBe(200);
    const { source, text } = ecosystemDiagram(model);
    const nodes = source.split('\n').filter((l) => /^\s+n\d+\[/.test(l));
    expect(nodes).toHaveLength(8);
    expect(text.title).toBe('Synthetic 1000 architecture by domain');
    expect(text.rows!.every((r) => /^(\d+ integrations?|\d+ → · \d+ ←)$/.test(r.label))).toBe(true);
    expect(text.rows!.length).toBeLessThanOrEqual(28); // at most one line per pair of the 8 domains
  });
});
