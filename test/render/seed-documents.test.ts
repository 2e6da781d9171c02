// Each seed document, section by section, rendered from the example registry and filled from data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headings } from '../../src/core/markdown.ts';
import { scanPlaceholders } from '../../src/render/placeholders.ts';
import { doc, documents, SEEDS } from '../example-model.ts';

const seed = (n: string) => readFileSync(join(SEEDS, n), 'utf8');
/** Heading text without the seed's emoji (or their mojibake) and bold markers. */
const plain = (text: string) =>
  text
    .replace(/\*\*/g, '')
    .replace(/^[^A-Za-z0-9]+/, '')
    .trim();
const headingSet = (markdown: string) => new Set(headings(markdown).map((h) => plain(h.text)));

/** Asserts every listed section is a heading of both the seed and the rendered document. */
function expectSections(seedFile: string, rendered: string, sections: string[]) {
  // The seeds show some sections as examples inside code fences; count those headings too.
  const inSeed = headingSet(seed(seedFile).replace(/^```.*$/gm, ''));
  const inDoc = headingSet(rendered);
  expect(
    sections.filter((s) => !inSeed.has(s)),
    `sections missing from ${seedFile} itself`,
  ).toEqual([]);
  expect(
    sections.filter((s) => !inDoc.has(s)),
    'sections missing from the rendered document',
  ).toEqual([]);
}

describe('seed 000: the Integration Registry', () => {
  const registry = doc('integration-registry.md');

  it('has every section of the seed', () => {
    expectSections('000_7780bb3b3ce133d0.txt', registry, [
      'Integration Registry',
      'Purpose',
      'Ecosystem Overview',
      'Core Repositories',
      'Repository URLs',
      'Active Integrations',
      'Integration Patterns',
      'Development Protocols',
      'Cross-Repository Development',
      'API Versioning',
      'Integration Documentation',
      'Documentation Structure',
      'Documentation Maintenance',
      'Integration Lifecycle',
      'New Integration Process',
      'Integration Retirement Process',
      'Integration Metrics',
      'Health Monitoring',
      'Usage Statistics',
      'Incident Response',
      'Integration Failure Protocol',
      'Emergency Contacts',
      'Change Management',
      'Integration Updates',
      'Registry Maintenance',
    ]);
  });

  it('leaves no placeholder', () => expect(scanPlaceholders(registry)).toEqual([]));

  it('fills each section from data', () => {
    expect(registry).toContain('within the Eventful ecosystem.');
    expect(registry).toContain('| **Core API** | Accounts, events catalogue and the backend for every app | Core backend services | ✅ Active |');
    expect(registry).toContain('**Repositories Involved**: Provided by Core API · used by Hi.Events (both ways)');
    expect(registry).toContain('**Maintenance Responsibility**: Core Platform team maintains backend APIs, Frontend team maintains frontend integration');
    expect(registry).toContain('**Used By**: All Eventful applications');
    expect(registry).toContain('**Protocol**: Feature Branch Integration');
    expect(registry).toContain('├── integration-guides/');
    expect(registry).toContain('| Cross-Repo Development | All teams | Quarterly | 2026-06-10 |');
    expect(registry).toContain('1. **Deprecation Notice** - 6 months advance notice');
    expect(registry).toContain('| Frontend Component Sharing | 100% | 0% | N/A | None |');
    expect(registry).toContain('| API Gateway Integration | 100,000 | 2,000 req/min | +8% MoM |');
    expect(registry).toContain('| API Gateway Integration | DevOps team | Core Platform team lead | CTO |');
    expect(registry).toContain('- **Weekly** - Health metrics and status updates');
    expect(registry).toMatch(/\*\*Registry Version\*\*: 1\.2\.0 {2}\n\*\*Next Review\*\*: 2026-12-15/);
  });
});

describe('seed 001: integration patterns', () => {
  const overview = doc('integration-patterns.md');
  const repositoryDocs = documents
    .filter((d) => d.kind === 'repository')
    .map((d) => d.markdown)
    .join('\n');

  it('answers every pattern family the seed lists', () => {
    expectSections('001_9733726917ac0588.txt', overview, [
      'Integration Patterns',
      'Microservices Architecture',
      'Monorepo Patterns',
      'Shared Libraries',
      'Event-Driven Integrations',
      'API Gateway Patterns',
      'Database Per Service',
    ]);
    expect(overview).toContain('| Build order | Web Platform: @eventful/types → @eventful/ui → @eventful/api-client → @eventful/app |');
    expect(scanPlaceholders(overview)).toEqual([]);
  });

  it('writes each table the seed asks for in some repository document', () => {
    expectSections('001_9733726917ac0588.txt', repositoryDocs, [
      'Upstream Services',
      'Authentication',
      'Failure Handling',
      'Monorepo Structure',
      'Shared Libraries',
      'Consumed Events',
      'Produced Events',
      'Event Schema',
      'API Gateway Routes',
      'Response Aggregation',
      'Data Ownership',
      'Read-Only Access',
      'Data Synchronization',
    ]);
    expect(scanPlaceholders(repositoryDocs)).toEqual([]);
  });

  it('fills the payment service from its integrations, events and tables', () => {
    const payments = doc('repositories/payment-service.md');
    expect(payments).toContain('| Stripe | `https://api.stripe.com/v1` | Card payments and refunds |');
    expect(payments).toContain('| `payment.completed` | \\{orderId, amount, currency\\} | Order Service, Email Service, Notification Service |');
    expect(payments).toContain('| `order.placed` | Order Service | Trigger the charge |');
    expect(payments).toContain('| `users` | User Service | Validate user existence |');
    expect(payments).toContain('- `orders` table (Order Service)');
  });

  it('documents gateway routes and aggregation on the gateway', () => {
    const gateway = doc('repositories/api-gateway.md');
    expect(gateway).toContain('| `GET /api/users/*` | User Service | Yes |');
    expect(gateway).toContain('| `GET /health` | - | No |');
    expect(gateway).toContain('Timeout: 2s total. Partial failures return available data.');
  });
});

describe('seed 002: docs directory README', () => {
  const index = doc('docs/integration/README.md');

  it("has the seed's sections and one row per document, from front matter", () => {
    expectSections('002_d05fd5fdf2556ab0.txt', index, ['Current Files Overview']);
    expect(index).toContain(
      '| **[data-layer-integration-report.md](<data-layer-integration-report.md>)** | Data layer integration status and implementation | Internal Data Integration | ✅ Approved |',
    );
    expect(index).toContain(
      '| **[integration-roadmap.md](<integration-roadmap.md>)** | Future integration planning and development roadmap | Strategic Planning | 🔍 In Review |',
    );
    expect(index).toContain('**Last Updated:** October 24, 2026');
    expect(index).toContain('├── Near-term goals (Q1–Q2 2027)');
  });

  it('indexes every folder, the root listing its sub-folders', () => {
    expect(documents.filter((d) => d.kind === 'docs-index').map((d) => d.path)).toEqual([
      'docs/README.md',
      'docs/guides/README.md',
      'docs/integration/README.md',
      'docs/strategy/README.md',
    ]);
    expect(doc('docs/README.md')).toContain('- [guides](<guides/README.md>)');
  });

  it('says a folder with only sub-folders has no files of its own, with no empty table or status', () => {
    const root = doc('docs/README.md');
    expect(root).toContain('No documents sit directly in this folder; they are in the sub-folders below.');
    expect(root).not.toContain('Files** (0 files)');
    expect(root).not.toContain('status: **');
    expect(root).not.toContain('Documentation Structure');
  });
});

describe('seed 004: system integrations', () => {
  const system = doc('system-integrations.md');

  it('has every section of the seed', () => {
    expectSections('004_f1b742cb37a2f519.txt', system, [
      'SYSTEM INTEGRATIONS',
      'SYSTEM INITIALIZATION',
      'CHANGE LOG TEMPLATES',
      'INTEGRATION ARCHITECTURE',
      'System Overview',
      'Connection Templates',
      'INTEGRATION CATEGORIES',
      'INTEGRATION PROTOCOLS',
      'Authentication',
      'Data Exchange',
      'MONITORING AND SECURITY',
      'Performance Monitoring',
      'Security Measures',
      'VERSION CONTROL',
      'Modification History',
      'LINKED RESOURCES',
    ]);
  });

  it('generates the overview diagram, connection settings and history from data', () => {
    // The landscape the site's /system/ page draws: one node per domain, the integrations between two one edge.
    expect(/```mermaid\n([\s\S]*?)```/.exec(system)![1]).toBe(`flowchart LR
  n0("commerce · 3 repositories · 5 inside")
  n1("core · 2 repositories")
  n2("finance · 1 repository")
  n3("frontend · 3 repositories · 2 inside")
  n4("messaging · 2 repositories · 1 inside")
  n5("platform · 4 repositories")
  n6("ticketing · 1 repository")
  n0 <-->|"publishes, reads (2)"| n1
  n0 -->|"delivers Nightly Accounting Export"| n2
  n0 -.->|"delivers Legacy Order Feed"| n3
  n0 -->|"publishes (2)"| n4
  n0 <-->|"calls, depends on (3)"| n5
  n1 -->|"publishes user.created"| n4
  n3 -->|"connects to, calls, queries (3)"| n1
  n3 -->|"calls, depends on (2)"| n5
  n5 <-->|"calls, depends on (3)"| n1
  n5 -->|"calls Gateway to Notification Service"| n4
  n6 <-->|"signs users in with, sends (2)"| n1
`);
    expect(system).toContain('"endpoint": "https://tickets.eventful.example/api/v1/sessions"');
    expect(system).toContain('- 2025-06-02\\_09-30 - Connected Hi.Events with cross-app authentication (Cross-App Authentication)');
    expect(system).toContain('- [Integration Registry](<integration-registry.md>) - Integration Registry');
  });

  it("keeps only the seed's log-format placeholders", () => {
    expect([...new Set(scanPlaceholders(system).map((p) => p.raw))]).toEqual(['[integration]', '[purpose]', '[connection]', '[capability]', '[system]']);
  });
});

describe('seed 003: integration strategy', () => {
  const strategy = doc('docs/strategy/checkout-integration-strategy.md');

  it('is the document as written, with its front matter re-serialised', () => {
    expect(strategy.startsWith('---\ntitle: "Integration Strategy: Checkout Cross-Component Integration"\n')).toBe(true);
    expect(strategy).toContain('* **Technology:** Apache Kafka');
  });
});
