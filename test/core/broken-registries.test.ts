// The broken-registry corpus: each case makes one mistake in the minimal valid registry
// (test/registry-fixture.ts) and pins the exact diagnostics it yields: code, file, line, column.
import { describe, expect, it } from 'vitest';
import { BASE, check, edit } from '../registry-fixture.ts';

const I = 'integrations/payments-to-orders.yaml';
const E = 'events/payment.completed.yaml';
const bytes = (text: string, ...insert: [number, number][]) => {
  const b = Array.from(new TextEncoder().encode(text));
  for (const [at, byte] of insert) b.splice(at, 0, byte);
  return new Uint8Array(b);
};
const BOMB = `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
`;
const LOOP = `title: Loop
provider: orders-api
consumers: [orders-api]
purpose: Calls itself
type: rest
protocol: HTTPS
auth: none
owner: core
version: 1.0.0
lastUpdated: 2026-10-01
status: active
`;
const deprecated = (announced: string, sunset: string) =>
  edit(
    I,
    'status: production\n',
    `status: deprecated\nlifecycle:\n  phase: retirement\n  deprecation:\n    announced: ${announced}\n    sunset: ${sunset}\n    migration: Use the new API\n`,
  );

type Case = [name: string, changes: Record<string, string | Uint8Array | null>, expected: [code: string, file: string, line: number, col: number][]];

const CASES: Case[] = [
  // Parsing (PLX001–PLX009)
  ['unclosed quote', edit(I, 'title: Payments to Orders', 'title: "Payments to Orders'), [['PLX001', I, 1, 8]]],
  ['duplicate key', { [I]: `${BASE[I]}owner: core\n` }, [['PLX002', I, 18, 1]]],
  ['tab indentation', edit(I, '  uptime: 99.9', '\tuptime: 99.9'), [['PLX003', I, 13, 1]]],
  ['alias bomb', { 'teams/bomb.yaml': BOMB }, [['PLX004', 'teams/bomb.yaml', 2, 8]]],
  ['empty file', { 'teams/empty.yaml': '' }, [['PLX005', 'teams/empty.yaml', 1, 1]]],
  ['only comments', { 'teams/empty.yaml': '# to do\n' }, [['PLX005', 'teams/empty.yaml', 1, 1]]],
  ['a list, not a mapping', { 'teams/list.yaml': '- name: Core\n- name: Web\n' }, [['PLX006', 'teams/list.yaml', 1, 1]]],
  ['a scalar, not a mapping', { 'teams/text.yaml': 'just some text\n' }, [['PLX006', 'teams/text.yaml', 1, 1]]],
  ['latin-1 byte', { 'teams/core.yaml': bytes('name: Core\nlead: Ad\n', [19, 0xe9]) }, [['PLX007', 'teams/core.yaml', 2, 9]]],
  ['truncated UTF-8 sequence', { 'teams/core.yaml': bytes('name: Cöre\n', [9, 0xc3]).slice(0, 10) }, [['PLX007', 'teams/core.yaml', 1, 9]]],
  ['file over 1 MiB', { 'teams/big.yaml': `name: Big\nlead: x\ndescription: ${'x'.repeat(1024 * 1024)}\n` }, [['PLX008', 'teams/big.yaml', 1, 1]]],
  ['yaml outside the layout', { 'misc/notes.yaml': 'a: 1\n' }, [['PLX009', 'misc/notes.yaml', 1, 1]]],
  // Schemas (PLX010–PLX019)
  ['misspelt top-level key', edit(I, 'title:', 'tiltle:'), [['PLX010', I, 1, 1]]],
  ['misspelt nested key', edit(I, '  uptime:', '  uptme:'), [['PLX010', I, 13, 3]]],
  ['missing required field', edit(I, 'owner: core\n', ''), [['PLX011', I, 1, 1]]],
  [
    'a lifecycle without its phase',
    edit(I, 'status: production\n', 'status: production\nlifecycle:\n  deprecation:\n    announced: 2026-01-01\n    sunset: 2027-01-01\n    migration: Move\n'),
    [['PLX011', I, 12, 1]],
  ],
  ['missing nested field', edit(I, '  errorRate: 0.1\n', ''), [['PLX011', I, 12, 1]]],
  ['unknown repository', edit(I, 'provider: payments-api', 'provider: payment-api'), [['PLX012', I, 2, 11]]],
  ['unknown team', edit(I, 'owner: core', 'owner: kore'), [['PLX012', I, 8, 8]]],
  ['unknown event', edit(I, 'events: [payment.completed]', 'events: [payment.complete]'), [['PLX012', I, 15, 10]]],
  ['unknown pattern', edit(I, 'patterns: [events]', 'patterns: [event]'), [['PLX012', I, 16, 12]]],
  ['unknown document', edit(I, 'documents: [guide]', 'documents: [guides]'), [['PLX012', I, 17, 13]]],
  ['unknown consumer of an event', edit(E, 'repository: orders-api', 'repository: orders-ap'), [['PLX012', E, 6, 17]]],
  ['unknown team owning a docset', edit('docsets/guides.yaml', 'owner: core', 'owner: ops'), [['PLX012', 'docsets/guides.yaml', 2, 8]]],
  ['unknown current project', edit('ecosystem.yaml', 'currentProject: orders-api', 'currentProject: order-api'), [['PLX012', 'ecosystem.yaml', 3, 17]]],
  ['invalid type', edit(I, 'type: event', 'type: evnt'), [['PLX013', I, 5, 7]]],
  ['invalid status', edit(I, 'status: production', 'status: live'), [['PLX013', I, 11, 9]]],
  ['invalid status in front matter', edit('docs/guide.md', 'status: draft', 'status: done'), [['PLX013', 'docs/guide.md', 4, 9]]],
  ['text where a number belongs', edit(I, 'uptime: 99.9', 'uptime: high'), [['PLX014', I, 13, 11]]],
  ['unquoted version read as a number', edit(I, 'version: 1.0.0', 'version: 1.0'), [['PLX014', I, 9, 10]]],
  ['one id where a list belongs', edit(I, 'consumers: [orders-api]', 'consumers: orders-api'), [['PLX014', I, 3, 12]]],
  ['impossible date', edit(I, 'lastUpdated: 2026-10-01', 'lastUpdated: 2026-13-01'), [['PLX015', I, 10, 14]]],
  ['two-part version', edit(I, 'version: 1.0.0', 'version: "1.0"'), [['PLX016', I, 9, 10]]],
  [
    'javascript: URL',
    edit('repositories/payments-api.yaml', 'url: https://github.com/acme/payments-api', 'url: javascript:alert(1)'),
    [['PLX017', 'repositories/payments-api.yaml', 6, 6]],
  ],
  [
    'a team whose parent is no team',
    edit('teams/core.yaml', 'lead: Ada Lovelace\n', 'lead: Ada Lovelace\nparent: platform\n'),
    [['PLX012', 'teams/core.yaml', 3, 9]],
  ],
  ['percentage over 100', edit(I, 'errorRate: 0.1', 'errorRate: 150'), [['PLX018', I, 14, 14]]],
  ['empty title', edit(I, 'title: Payments to Orders', 'title: ""'), [['PLX018', I, 1, 8]]],
  ['upper-case id in a list', edit(I, 'consumers: [orders-api]', 'consumers: [Orders]'), [['PLX019', I, 3, 13]]],
  ['file name that is no id', { 'teams/Core_Team.yaml': BASE['teams/core.yaml']! }, [['PLX019', 'teams/Core_Team.yaml', 1, 1]]],
  // A percent sign became %2541 in the page URL (a 404); a non-ASCII name a double-encoded link.
  ['document path with a percent sign', { 'docs/guides/p%41x.md': BASE['docs/guide.md']! }, [['PLX019', 'docs/guides/p%41x.md', 1, 1]]],
  ['document path with non-ASCII letters', { 'docs/überblick/start.md': BASE['docs/guide.md']! }, [['PLX019', 'docs/überblick/start.md', 1, 1]]],
  ['document path with a space', { 'docs/on call.md': BASE['docs/guide.md']! }, [['PLX019', 'docs/on call.md', 1, 1]]],
  // Resolution and analysis (PLX020–PLX035)
  ['duplicate id in a sub-folder', { 'teams/old/core.yaml': BASE['teams/core.yaml']! }, [['PLX020', 'teams/old/core.yaml', 1, 1]]],
  ['no ecosystem.yaml', { 'ecosystem.yaml': null }, [['PLX021', 'ecosystem.yaml', 1, 1]]],
  ['event consumer no integration delivers to', edit(E, 'delivery:', '  - repository: payments-api\n    handling: Nothing\ndelivery:'), [['PLX022', E, 8, 17]]],
  [
    'integration carries an event its producer does not list',
    edit(E, 'producers: [payments-api]', 'producers: [orders-api]'),
    [
      ['PLX022', E, 4, 13],
      ['PLX022', I, 15, 10],
    ],
  ],
  ['integration to itself', { 'integrations/loop.yaml': LOOP }, [['PLX023', 'integrations/loop.yaml', 3, 13]]],
  // Roles that contradict each other (PLX037)
  [
    'steps in which the provider sends a request to its consumer',
    edit(I, 'type: event', 'type: rest\nsteps:\n  - from: payments-api\n    to: orders-api\n    message: GET /orders/1'),
    [['PLX037', I, 7, 11]],
  ],
  ['a consumer listed twice', edit(I, 'consumers: [orders-api]', 'consumers: [orders-api, orders-api]'), [['PLX037', I, 3, 25]]],
  // Fields a registry's policy requires (PLX038); unknown is honest, but not enough for a requirement
  [
    'a required field left out',
    {
      ...edit('ecosystem.yaml', '  parallelSupportMonths: 3\n', '  parallelSupportMonths: 3\n  require:\n    integration: [auth, version]\n'),
      ...edit(I, 'auth: mtls\n', ''),
    },
    [['PLX038', I, 1, 1]],
  ],
  [
    'a required field written unknown',
    {
      ...edit('ecosystem.yaml', '  parallelSupportMonths: 3\n', '  parallelSupportMonths: 3\n  require:\n    integration: [auth]\n'),
      ...edit(I, 'auth: mtls', 'auth: unknown'),
    },
    [['PLX038', I, 7, 1]],
  ],
  [
    'a policy naming a field no entity has',
    edit('ecosystem.yaml', '  parallelSupportMonths: 3\n', '  parallelSupportMonths: 3\n  require:\n    integration: [auth, contact]\n'),
    [['PLX038', 'ecosystem.yaml', 13, 25]],
  ],
  // Unknown is a value, not an error, where no policy asks for the field
  [
    'auth written unknown, and a team without a lead',
    { ...edit(I, 'auth: mtls', 'auth: unknown'), ...edit('teams/core.yaml', 'lead: Ada Lovelace\n', '') },
    [],
  ],
  // Resources: owned by a repository that exists, used by repositories that exist
  [
    'a resource owned by no known repository',
    { 'resources/cache.yaml': 'name: Cache\nkind: cache\nowner: order-api\n' },
    [['PLX012', 'resources/cache.yaml', 3, 8]],
  ],
  [
    'a resource kind that does not exist',
    { 'resources/cache.yaml': 'name: Cache\nkind: memcache\nowner: orders-api\n' },
    [['PLX013', 'resources/cache.yaml', 2, 7]],
  ],
  // Keys renamed for meaning (PLX036): the error says how to rename; nothing else cascades.
  [
    'the old from/to keys',
    edit(I, 'provider: payments-api\nconsumers: [orders-api]', 'from: payments-api\nto: [orders-api]'),
    [
      ['PLX036', I, 2, 1],
      ['PLX036', I, 3, 1],
    ],
  ],
  ['document without front matter', { 'docs/guide.md': '# Guide\n' }, [['PLX024', 'docs/guide.md', 1, 1]]],
  ['wiki link to nothing', edit('docs/guide.md', '# Guide\n', '# Guide\n\nSee [[guide]] and [[no-such-page]].\n'), [['PLX025', 'docs/guide.md', 10, 19]]],
  [
    'mermaid directive that sets CSS',
    edit('docs/guide.md', '# Guide\n', '# Guide\n\n```mermaid\n%%{init: {"themeCSS": "x"}}%%\nflowchart LR\n```\n'),
    [['PLX039', 'docs/guide.md', 11, 1]],
  ],
  ['front matter never closed', { 'docs/guide.md': '---\ntitle: Guide\n# Guide\n' }, [['PLX024', 'docs/guide.md', 1, 1]]],
  [
    'a docset whose owner, rhythm and last review are not known yet',
    { 'docsets/new.yaml': 'name: New\nowner: unknown\nfrequency: unknown\nlastReview: unknown\n' },
    [],
  ],
  ['a protocol with no steps written yet', { 'protocols/new.yaml': 'name: New\nkind: unknown\n' }, []],
  ['overdue docset review', edit('docsets/guides.yaml', 'lastReview: 2026-11-01', 'lastReview: 2026-09-01'), [['PLX030', 'docsets/guides.yaml', 4, 13]]],
  ['overdue registry review', edit('ecosystem.yaml', 'nextReview: 2026-12-01', 'nextReview: 2026-11-01'), [['PLX030', 'ecosystem.yaml', 8, 13]]],
  ['deprecation notice shorter than policy', deprecated('2026-10-01', '2027-01-01'), [['PLX031', I, 16, 13]]],
  ['deprecated without deprecation details', edit(I, 'status: production', 'status: deprecated'), [['PLX032', I, 11, 9]]],
  ['sunset passed while still deprecated', deprecated('2026-01-01', '2026-09-01'), [['PLX033', I, 11, 9]]],
  ['sunset before announcement', deprecated('2026-10-01', '2026-01-01'), [['PLX034', I, 16, 13]]],
  // Producers and consumers each take an id or a mapping; a wrong shape is placed at the item, a wrong id at the id
  [
    'a consumer written as an id, a producer as a mapping',
    edit(
      E,
      'producers: [payments-api]\nconsumers:\n  - repository: orders-api\n    handling: Mark the order paid',
      'producers:\n  - repository: payments-api\nconsumers: [orders-api]',
    ),
    [],
  ],
  ['a consumer mapping without handling', edit(E, '    handling: Mark the order paid\n', ''), []],
  ['a consumer written as a list', edit(E, '  - repository: orders-api\n    handling: Mark the order paid', '  - [orders-api]'), [['PLX014', E, 6, 5]]],
  ['a producer mapping naming no repository', edit(E, 'producers: [payments-api]', 'producers:\n  - repository: payment-api'), [['PLX012', E, 5, 17]]],
  ['a misspelt key in a producer mapping', edit(E, 'producers: [payments-api]', 'producers:\n  - repositry: payments-api'), [['PLX010', E, 5, 5]]],
  ['an unknown consumer written as an id', edit(E, '  - repository: orders-api\n    handling: Mark the order paid', '  - orders-ap'), [['PLX012', E, 6, 5]]],
  // A lifecycle phase must fit the status (PLX057), at the phase
  [
    'a production integration still in planning',
    edit(I, 'status: production\n', 'status: production\nlifecycle:\n  phase: planning\n'),
    [['PLX057', I, 13, 10]],
  ],
  ['a production integration in maintenance', edit(I, 'status: production\n', 'status: production\nlifecycle:\n  phase: maintenance\n'), []],
  ['event no integration carries', { 'events/order.placed.yaml': BASE[E]! }, [['PLX035', 'events/order.placed.yaml', 1, 1]]],
  // A new event, before anyone is known to receive it, needs no integration yet
  ['event nobody receives, carried by no integration', { 'events/order.placed.yaml': 'description: unknown\nproducers: [orders-api]\nchannel: unknown\n' }, []],
];

describe('broken registries', () => {
  it('start from a registry with no diagnostics', () => {
    expect(check().diagnostics).toEqual([]);
  });

  it.each(CASES)('%s', (_name, changes, expected) => {
    const { diagnostics } = check(changes);
    expect(diagnostics.map((d) => [d.code, d.file.replace(/^content\//, ''), d.line, d.col])).toEqual(expected);
    for (const d of diagnostics) {
      expect(d.message).toMatch(/\S.*[.?]$/);
      expect(d.message).not.toMatch(/undefined|\[object/);
    }
  });

  it('covers every code that check reports (PLX001–PLX039)', async () => {
    const { CODES } = await import('../../src/core/codes.ts');
    // Codes only a folder on disk can produce are pinned in test/core/fs.test.ts and test/core/mdx.test.ts.
    const onDisk = new Set(['PLX026', 'PLX027', 'PLX028', 'PLX029']);
    const covered = new Set([...onDisk, ...CASES.flatMap(([, , expected]) => expected.map(([code]) => code))]);
    expect(
      Object.values(CODES)
        .map((c) => c.code)
        .filter((code) => code < 'PLX040' && !covered.has(code)),
    ).toEqual([]);
  });
});
