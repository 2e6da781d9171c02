import { buildRegistry } from '../src/core/registry.ts';
import type { Source } from '../src/core/model.ts';

/** The date every test runs "on", so review and sunset checks never drift. */
export const TODAY = '2026-11-22';

/**
 * A minimal valid registry, in memory: every kind once, cross-referenced, no diagnostics.
 * Broken-registry cases each change one file of it.
 */
export const BASE: Record<string, string> = {
  'ecosystem.yaml': `name: Acme
description: Acme sells things.
currentProject: orders-api
referenceProject: orders-api
maintainedBy: core
registryVersion: 1.0.0
lastUpdated: 2026-11-01
nextReview: 2026-12-01
policies:
  deprecationNoticeMonths: 6
  parallelSupportMonths: 3
`,
  'teams/core.yaml': `name: Core
lead: Ada Lovelace
contacts:
  email: core@acme.example
`,
  'repositories/orders-api.yaml': `name: Orders API
purpose: Orders
role: Core backend
kind: service
status: active
url: https://github.com/acme/orders-api
team: core
`,
  'repositories/payments-api.yaml': `name: Payments API
purpose: Payments
role: Payments
kind: service
status: active
url: https://github.com/acme/payments-api
team: core
`,
  'integrations/payments-to-orders.yaml': `title: Payments to Orders
provider: payments-api
consumers: [orders-api]
purpose: Tell orders about payments
type: event
protocol: Kafka
auth: mtls
owner: core
version: 1.0.0
lastUpdated: 2026-10-01
status: production
health:
  uptime: 99.9
  errorRate: 0.1
events: [payment.completed]
patterns: [events]
documents: [guide]
`,
  'events/payment.completed.yaml': `description: A payment completed.
payload:
  orderId: string
producers: [payments-api]
consumers:
  - repository: orders-api
    handling: Mark the order paid
delivery: at-least-once
channel: "kafka: payments"
`,
  'patterns/events.yaml': `name: Events
kind: event-driven
usedBy: [payments-api]
description: Events
guide: guides/events.md
features: [Retries]
`,
  'protocols/incidents.yaml': `name: Incidents
kind: incident-response
steps:
  - title: Detection
`,
  'docsets/guides.yaml': `name: Guides
owner: core
frequency: monthly
lastReview: 2026-11-01
location: guides/
`,
  'docs/guide.md': `---
title: Guide
purpose: How to
status: draft
version: 0.1.0
authors: [Ada]
---
# Guide
`,
};

const encoder = new TextEncoder();

/** Sources for BASE with `changes` applied: a string replaces or adds a file, null removes it. */
export function sources(changes: Record<string, string | Uint8Array | null> = {}): Source[] {
  const files: Record<string, string | Uint8Array | null> = { ...BASE, ...changes };
  return Object.entries(files)
    .filter((entry): entry is [string, string | Uint8Array] => entry[1] !== null)
    .map(([path, content]) => ({
      path,
      display: `content/${path}`,
      bytes: typeof content === 'string' ? encoder.encode(content) : content,
    }));
}

export function check(changes: Record<string, string | Uint8Array | null> = {}) {
  return buildRegistry(sources(changes), { today: TODAY });
}

/** BASE's text of `path` with `from` replaced by `to` (which must change something). */
export function edit(path: string, from: string | RegExp, to: string): Record<string, string> {
  const before = BASE[path]!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit of ${path} changed nothing: ${String(from)}`);
  return { [path]: after };
}
