// plexus fill, new and export as a user runs them.
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { runMain } from '../../src/cli/main.ts';
import { EXAMPLE, SEEDS } from '../example-model.ts';
import { TODAY } from '../registry-fixture.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-docs-'));
afterAll(() => rm(root, { recursive: true, force: true }));
await cp(EXAMPLE, join(root, 'content'), { recursive: true });
await cp(SEEDS, join(root, 'seeds'), { recursive: true });

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { cwd: root, env: { PLEXUS_TODAY: TODAY }, out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await runMain(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('plexus fill', () => {
  it('fills seed 000 from the registry and prints the result', async () => {
    const { code, out, err } = await run('fill', 'seeds/000_7780bb3b3ce133d0.txt');
    expect([code, err]).toEqual([0, "Filled 60 of 60 placeholders (100% complete: 60 from the registry); 0 left. The template's own text is unchanged."]);
    expect(out).toContain('within the Eventful ecosystem.');
  });

  it('reports each unfilled placeholder with line and column, and --strict fails on them', async () => {
    const loose = await run('fill', 'seeds/001_9733726917ac0588.txt', '--out', 'filled.md');
    expect(loose).toEqual({
      code: 0,
      out: '',
      err: [
        'seeds/001_9733726917ac0588.txt:56:22 warning PLX041 Unfilled placeholder [pnpm workspace/npm workspaces].',
        '  hint: Give "pnpm workspace/npm workspaces" a value in a --values file (plexus fill seeds/001_9733726917ac0588.txt --list writes one).',
        "Filled 0 of 1 placeholder (0% complete); 1 left. The template's own text is unchanged.",
        'Wrote filled.md.',
      ].join('\n'),
    });
    expect((await run('fill', 'seeds/001_9733726917ac0588.txt', '--strict')).code).toBe(1);
  });

  it('lists what a template needs as a YAML skeleton', async () => {
    const { code, out } = await run('fill', 'seeds/003_9a0c83b643e042f2.txt', '--list');
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 5)).toEqual([
      '# Values for seeds/003_9a0c83b643e042f2.txt. Fill in, then: plexus fill seeds/003_9a0c83b643e042f2.txt --values <this file>',
      '# [Program Name] (line 1); it appears twice: "Program Name#2" fills the second one differently',
      '"Program Name": ""',
      '# [Date Created] (line 4)',
      '"Date Created": ""',
    ]);
    expect(out).toContain('# [Draft | In Review | Approved | Archived] (line 6): one of Draft, In Review, Approved, Archived, or your own');
  });

  it('fills from a values file, flags a value outside a choice list, and values that fill nothing', async () => {
    await writeFile(
      join(root, 'values.yaml'),
      'Program Name: Checkout\nDraft | In Review | Approved | Archived: approved\nSynchronous | Asynchronous | Fire-and-forget: Sometimes\nProgam Nme: typo\n',
    );
    const { code, out, err } = await run('fill', 'seeds/003_9a0c83b643e042f2.txt', '--values', 'values.yaml');
    expect(code).toBe(0);
    expect((await run('fill', 'seeds/003_9a0c83b643e042f2.txt', '--values', 'values.yaml', '--strict')).code).toBe(1);
    expect(out.split('\n').slice(0, 6)).toEqual([
      '# Integration Strategy: Checkout Cross-Component Integration',
      '',
      'Version: 1.0',
      'Date: [Date Created]',
      'Author(s): [Design Facilitator Name], [Technical Lead Name]',
      'Status: Approved',
    ]);
    expect(err).toContain(
      'seeds/003_9a0c83b643e042f2.txt:70:33 warning PLX042 "Sometimes" is not one of the listed choices of [Synchronous | Asynchronous | Fire-and-forget]; it was filled as written.\n  hint: The template\'s lists are examples: keep your value, or use one of: Synchronous, Asynchronous, Fire-and-forget.',
    );
    expect(err).toContain('values.yaml:4:1 warning PLX043 "Progam Nme" fills no placeholder in seeds/003_9a0c83b643e042f2.txt. Did you mean "Program Name"?');
    expect(err.split('\n').at(-1)).toBe("Filled 4 of 129 placeholders (3% complete: 4 from values.yaml); 125 left. The template's own text is unchanged.");
  });

  it('gives a strategy document the completeness figure its site page shows', async () => {
    const { code, err } = await run('fill', 'content/docs/strategy/checkout-integration-strategy.md');
    expect(code).toBe(0);
    expect(err.split('\n').at(-1)).toMatch(
      /^As a strategy document it is (\d+)%: (\d+) of (\d+) template placeholders still to fill \(the figure its site page shows\)\.$/,
    );
    const [, percent, remaining, total] = /it is (\d+)%: (\d+) of (\d+)/.exec(err)!;
    expect(Math.floor(((Number(total) - Number(remaining)) / Number(total)) * 100)).toBe(Number(percent));
  });

  it('never writes over what it was not asked to replace', async () => {
    await writeFile(join(root, 'mine.md'), 'my notes');
    await writeFile(join(root, 'v.yaml'), 'Program Name: Checkout\n');
    const { symlink } = await import('node:fs/promises');
    await symlink(join(root, 'content', 'ecosystem.yaml'), join(root, 'link-into-registry.md'));
    const cases: [string[], string][] = [
      [['--out', 'mine.md'], '--out: mine.md already exists; add --force to replace it.'],
      [['--out', 'content/filled.md'], '--out: content/filled.md is inside the registry; write filled copies outside it.'],
      [['--out', 'link-into-registry.md', '--force'], '--out: link-into-registry.md is inside the registry; write filled copies outside it.'],
      [['--out', 'v.yaml', '--values', 'v.yaml', '--force'], "--out: v.yaml is one of this command's inputs; write the result elsewhere."],
      [
        ['--out', 'seeds/003_9a0c83b643e042f2.txt', '--force'],
        "--out: seeds/003_9a0c83b643e042f2.txt is one of this command's inputs; write the result elsewhere.",
      ],
      [['--out', 'no/such/folder/x.md'], '--out: there is no folder no/such/folder to write x.md in.'],
      [['--out', 'content'], '--out: content is a folder; give a file name.'],
    ];
    for (const [args, message] of cases) {
      const { code, err } = await run('fill', 'seeds/003_9a0c83b643e042f2.txt', ...args);
      expect([code, err.split('\n')[0]], args.join(' ')).toEqual([2, message]);
    }
    expect(await readFile(join(root, 'mine.md'), 'utf8')).toBe('my notes');
    expect(await readFile(join(root, 'v.yaml'), 'utf8')).toBe('Program Name: Checkout\n');
    const forced = await run('fill', 'seeds/003_9a0c83b643e042f2.txt', '--values', 'v.yaml', '--out', 'mine.md', '--force');
    expect(forced.code).toBe(0);
    expect(await readFile(join(root, 'mine.md'), 'utf8')).toMatch(/^# Integration Strategy: Checkout Cross-Component Integration/);
  });

  it('refuses a value that would make a link to another scheme', async () => {
    await writeFile(join(root, 'link.md'), 'See [the guide]({GUIDE_URL}).\n');
    await writeFile(join(root, 'evil.yaml'), 'GUIDE_URL: "javascript:alert(document.cookie)"\n');
    const { code, out, err } = await run('fill', 'link.md', '--values', 'evil.yaml');
    expect(code).toBe(1);
    expect(out).toBe('See [the guide]({GUIDE_URL}).');
    expect(err.split('\n').slice(0, 2)).toEqual([
      'link.md:1:17 error PLX044 "javascript:alert(document.cookie)" cannot fill {GUIDE_URL}: a link may only go to an http(s) or mailto address or a relative path.',
      '  hint: Give an https:// address or a relative path; the placeholder was left as it was.',
    ]);
  });

  it.each([
    [['fill'], 'Name the template to fill.'],
    [['fill', 'nope.md'], 'No template at nope.md.'],
    [['fill', 'content'], 'The template content is a folder; give a file.'],
  ])('exits 2 on %j', async (args, message) => {
    const { code, err } = await run(...args);
    expect([code, err.split('\n')[0]]).toEqual([2, message]);
  });
});

describe('plexus new', () => {
  /** A scaffold's text after its first line (the yaml-language-server comment, whose path depends on where the registry is). */
  const body = async (file: string) => (await readFile(join(root, file), 'utf8')).split('\n').slice(1).join('\n');

  it('scaffolds an integration from what it is given, guessing nothing, and never overwrites it', async () => {
    const first = await run('new', 'integration', 'orders-to-stripe', '--provider', 'stripe', '--consumers', 'order-service', '--type', 'rest');
    expect(first).toEqual({
      code: 0,
      out: 'Created content/integrations/orders-to-stripe.yaml.\nWritten unknown: purpose, protocol, status; the comment on each line says what goes there.',
      err: '',
    });
    expect(await readFile(join(root, 'content/integrations/orders-to-stripe.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\S+\/schemas\/integration\.schema\.json\n/,
    );
    expect(await body('content/integrations/orders-to-stripe.yaml')).toBe(
      [
        '# "unknown" marks what is not known yet, and check accepts it; replace it when you know.',
        'title: Orders To Stripe',
        'provider: stripe',
        'consumers:',
        '  - order-service',
        'purpose: unknown # Why the integration exists.',
        'type: rest',
        'protocol: unknown # Wire protocol, e.g. "HTTPS", "Kafka", "WebSocket".',
        'owner: payments # The team of stripe; change it if another team owns the integration.',
        'status: unknown # planned, in-development, production-ready, active, production, deprecated or retired; unknown when it is not known.',
        '',
      ].join('\n'),
    );
    const again = await run('new', 'integration', 'orders-to-stripe', '--provider', 'stripe');
    expect(again).toEqual({
      code: 1,
      out: '',
      err: 'content/integrations/orders-to-stripe.yaml already exists; plexus new never overwrites. Edit it, or choose another id.',
    });
    await rm(join(root, 'content/integrations/orders-to-stripe.yaml'));
  });

  it('scaffolds a strategy document that checks and keeps the prose placeholders', async () => {
    const made = await run(
      'new',
      'strategy',
      'refunds',
      '--integrations',
      'orders-to-payments,payment-events',
      '--program',
      'Refunds',
      '--author',
      'Amara Nwosu',
    );
    expect(made).toEqual({
      code: 0,
      out: 'Created content/docs/strategy/refunds.md.\nFill in the [bracketed] placeholders (npx plexus fill shows each with its line).',
      err: '',
    });
    const text = await readFile(join(root, 'content/docs/strategy/refunds.md'), 'utf8');
    expect(text).toContain('title: "Integration Strategy: Refunds Cross-Component Integration"');
    expect(text).toContain('* **Endpoint/Channel:** `kafka: payments.events`');
    expect(text).toContain('* **Error Responses:** [Standard error format, error codes]');
    expect(text).not.toContain('&a1');
    expect((await run('check')).out).not.toContain('refunds.md');
    await rm(join(root, 'content/docs/strategy/refunds.md'));
  });

  it.each([
    ['team', ['data'], ['name: Data']],
    [
      'repository',
      ['search-service', '--team', 'core-platform'],
      [
        'name: Search Service',
        'purpose: unknown # What it does, one line.',
        'kind: unknown # service, frontend, library, external, docs, monorepo or gateway; unknown when it is not known.',
        'status: unknown # planned, active, maintenance, deprecated or retired; unknown when it is not known.',
        'url: unknown # Where the code lives, e.g. "https://github.com/eventful/payments-api"; unknown when it is not known.',
        'team: core-platform',
      ],
    ],
    [
      'integration',
      ['search-to-users', '--provider', 'user-service'],
      [
        'title: Search To Users',
        'provider: user-service',
        'purpose: unknown # Why the integration exists.',
        'type: dependency # How the consumers use it is not recorded: replace dependency with rest, graphql, grpc, websocket, event, message-queue, npm-package, shared-database, file, webhook or cross-app-auth.',
        'protocol: unknown # Wire protocol, e.g. "HTTPS", "Kafka", "WebSocket".',
        'owner: core-platform # The team of user-service; change it if another team owns the integration.',
        'status: unknown # planned, in-development, production-ready, active, production, deprecated or retired; unknown when it is not known.',
      ],
    ],
    [
      'event',
      ['refund.issued', '--producer', 'payment-service'],
      [
        'description: unknown # What happened when this event is emitted.',
        'producers:',
        '  - payment-service',
        'channel: unknown # Topic or channel, e.g. "kafka: payments.events".',
      ],
    ],
    [
      'event',
      ['refund.failed'],
      ['description: unknown # What happened when this event is emitted.', 'channel: unknown # Topic or channel, e.g. "kafka: payments.events".'],
    ],
    ['resource', ['search-index', '--owner', 'core-api', '--kind', 'search-index'], ['name: Search Index', 'kind: search-index', 'owner: core-api']],
    [
      'resource',
      ['search-cache', '--owner', 'order-service'],
      [
        'name: Search Cache',
        'kind: unknown # datastore, cache, queue, topic, bucket, search-index or other; unknown when it is not known.',
        'owner: order-service',
      ],
    ],
    ['system', ['checkout', '--team', 'payments'], ['name: Checkout', 'owner: payments']],
    ['domain', ['commerce'], ['name: Commerce']],
    [
      'pattern',
      ['saga'],
      [
        'name: Saga',
        'kind: unknown # Which family the pattern belongs to: authentication, event-driven, api-gateway, microservices, monorepo, shared-library, database-per-service or data-sync; unknown when it is not known.',
        'description: unknown # What it is, one paragraph.',
      ],
    ],
    [
      'protocol',
      ['on-call'],
      [
        'name: On Call',
        'kind: unknown # Which process this is: cross-repo-development, api-versioning, new-integration, retirement, incident-response, change-management or registry-maintenance; unknown when it is not known.',
      ],
    ],
    [
      'docset',
      ['runbooks', '--team', 'devops'],
      [
        'name: Runbooks',
        'owner: devops',
        'frequency: unknown # weekly, monthly, quarterly, yearly or as-needed; unknown when it is not known.',
        'lastReview: unknown # Last review; past its frequency it is overdue. unknown when it is not known (or it was never reviewed).',
      ],
    ],
    [
      'docset',
      ['playbooks'],
      [
        'name: Playbooks',
        'owner: unknown # Owning team, or "all-teams"; unknown when it is not known.',
        'frequency: unknown # weekly, monthly, quarterly, yearly or as-needed; unknown when it is not known.',
        'lastReview: unknown # Last review; past its frequency it is overdue. unknown when it is not known (or it was never reviewed).',
      ],
    ],
  ])('new %s %j writes only what it was given or knows, and check finds nothing in it', async (kind, args, lines) => {
    const folder = {
      team: 'teams',
      repository: 'repositories',
      integration: 'integrations',
      event: 'events',
      resource: 'resources',
      system: 'systems',
      domain: 'domains',
      pattern: 'patterns',
      protocol: 'protocols',
      docset: 'docsets',
    }[kind];
    const file = `content/${folder}/${args[0]}.yaml`;
    const made = await run('new', kind, ...args);
    try {
      const unknown = lines.filter((l) => /^\w+: unknown/.test(l)).map((l) => l.split(':')[0]);
      expect(made).toEqual({
        code: 0,
        out: [`Created ${file}.`, ...(unknown.length ? [`Written unknown: ${unknown.join(', ')}; the comment on each line says what goes there.`] : [])].join(
          '\n',
        ),
        err: '',
      });
      const header = unknown.length ? ['# "unknown" marks what is not known yet, and check accepts it; replace it when you know.'] : [];
      expect(await body(file)).toBe([...header, ...lines, ''].join('\n'));
      const checked = await run('check');
      expect(checked.out.split('\n').filter((l) => l.includes(file))).toEqual([]);
    } finally {
      await rm(join(root, file), { force: true });
    }
  });

  it('prints the diagnostics of the file it wrote and nothing of the rest of the registry', async () => {
    const eco = join(root, 'content/ecosystem.yaml');
    const before = await readFile(eco, 'utf8');
    await writeFile(join(root, 'content/teams/broken.yaml'), 'name: Broken\nlead: [unclosed\n');
    await writeFile(eco, before.replace('  parallelSupportMonths: 3\n', '  parallelSupportMonths: 3\n  require:\n    repository: [domain]\n'));
    try {
      const made = await run('new', 'repository', 'ledger', '--team', 'payments', '--kind', 'service');
      expect(made).toEqual({
        code: 1,
        out: [
          'Created content/repositories/ledger.yaml.',
          'content/repositories/ledger.yaml:3:1 error PLX038 A repository must record "domain" (policies.require), and "ledger" does not.',
          '  hint: Find out and write `domain:`; if it truly cannot be known, take "domain" out of policies.require in ecosystem.yaml.',
          'Written unknown: purpose, status, url; the comment on each line says what goes there.',
        ].join('\n'),
        err: '',
      });
      const onBroken = await run('new', 'repository', 'ledger2', '--team', 'broken');
      expect(onBroken).toEqual({
        code: 2,
        out: '',
        err: expect.stringMatching(/^--team: team "broken" exists but has errors \(plexus check shows them\); fix it first\.\n/),
      });
      const strategy = await run('new', 'strategy', 'later', '--integrations', 'orders-to-payments');
      expect(strategy).toEqual({
        code: 1,
        out: '',
        err: 'The registry has 2 errors (plexus check shows them); a strategy document is written from the registry: fix them first.',
      });
    } finally {
      await writeFile(eco, before);
      await rm(join(root, 'content/teams/broken.yaml'));
      await rm(join(root, 'content/repositories/ledger.yaml'), { force: true });
    }
  });

  it('refuses an id another file already gives, a dangling link included', async () => {
    await mkdir(join(root, 'content/docs/strategy'), { recursive: true });
    await writeFile(join(root, 'content/docs/strategy/launch.mdx'), 'x');
    const beside = await run('new', 'strategy', 'launch');
    expect([beside.code, beside.err]).toEqual([
      1,
      'content/docs/strategy/launch.mdx already exists; plexus new never overwrites. Edit it, or choose another id.',
    ]);
    await rm(join(root, 'content/docs/strategy/launch.mdx'));
    const { symlink } = await import('node:fs/promises');
    await symlink(join(root, 'nowhere.yaml'), join(root, 'content/teams/ghost.yaml'));
    const dangling = await run('new', 'team', 'ghost');
    expect([dangling.code, dangling.err.split('\n').at(-1)]).toEqual([
      1,
      'content/teams/ghost.yaml already exists; plexus new never overwrites. Edit it, or choose another id.',
    ]);
    await rm(join(root, 'content/teams/ghost.yaml'));
  });

  it.each([
    [
      ['new', 'integration', 'x', '--provider', 'stripe', '--consumers', 'stripe'],
      '--provider and --consumers both name "stripe"; a repository does not consume its own integration.',
    ],
    [
      ['new', 'integation', 'x'],
      'Unknown kind "integation". Did you mean "integration"? Kinds: repository, integration, event, resource, system, domain, pattern, protocol, docset, team, strategy.',
    ],
    [['new', 'team', 'Bad Id'], '"Bad Id" is not a valid id: use lowercase letters, digits, ".", "_" and "-".'],
    [['new', 'integration', 'x', '--provider', 'stripes'], '--provider/--consumers/--producer/--owner: no repository "stripes". Did you mean "stripe"?'],
    [['new', 'integration', 'x', '--type', 'soap'], '--type "soap" is not an integration type.'],
    [['new', 'integration', 'x'], 'Name the repository that provides it: plexus new integration x --provider REPO.'],
    [['new', 'repository', 'x'], 'Name the team that owns it: plexus new repository x --team TEAM.'],
    [['new', 'resource', 'x', '--kind', 'cache'], 'Name the repository that owns it: plexus new resource x --owner REPO.'],
    [
      ['new', 'repository', 'x', '--team', 'payments', '--kind', 'servce'],
      '--kind "servce" is not a repository kind. Did you mean "service"? Kinds: service, frontend, library, external, docs, monorepo, gateway.',
    ],
    [['new', 'team', 'x', '--kind', 'service'], '--kind is for a repository, resource, pattern or protocol, not a team.'],
    [['new', 'system', 'x', '--domain', 'commerce'], '--domain: no domain "commerce".'],
  ])('exits 2 on %j', async (args, message) => {
    const { code, err } = await run(...args);
    expect([code, err.split('\n')[0]]).toEqual([2, message]);
  });
});

describe('plexus export', () => {
  it('writes every document, byte-identical across runs', async () => {
    const first = await run('export', '--md', 'out');
    expect(first).toEqual({ code: 0, out: 'Wrote 52 documents to out/ (start at out/README.md).', err: '' });
    const files = async () => {
      const names = (await readdir(join(root, 'out'), { recursive: true })).sort();
      return Promise.all(names.map(async (n) => [n, await readFile(join(root, 'out', n)).catch(() => 'dir')]));
    };
    const before = await files();
    expect((await run('export', '--md', 'out')).code).toBe(0);
    expect(await files()).toEqual(before);
    const guide = await readFile(join(root, 'out/docs/guides/cross-app-authentication.md'), 'utf8');
    expect(guide).toContain('See [API Versioning](<../../integration-registry.md#api-versioning>) for how the contract evolves.');
  });

  it("uses a registry's own templates over the defaults", async () => {
    await mkdir(join(root, 'content/templates'), { recursive: true });
    await writeFile(join(root, 'content/templates/patterns.md.hbs'), '# Our patterns for {{ecosystem}}\n');
    await run('export', '--md', 'out');
    expect(await readFile(join(root, 'out/integration-patterns.md'), 'utf8')).toBe('# Our patterns for Eventful\n');
    await writeFile(join(root, 'content/templates/patterns.md.hbs'), '# {{ecosystm}}\n');
    const broken = await run('export', '--md', 'out');
    expect([broken.code, broken.err]).toEqual([
      1,
      'content/templates/patterns.md.hbs:1:3 error PLX040 The template uses "ecosystm", which this document\'s data does not have.\n  hint: Check the field name against the view data the document is rendered from (see src/render/views/), or guard it with {{#if}}.',
    ]);
    expect(await readFile(join(root, 'out/integration-patterns.md'), 'utf8')).toBe('# Our patterns for Eventful\n');
    await rm(join(root, 'content/templates'), { recursive: true });
  });

  it('refuses a target that is, holds or sits in the registry', async () => {
    for (const target of ['content', 'content/out', '.']) {
      const { code, err } = await run('export', '--md', target);
      expect([code, err.split('\n')[0]], target).toEqual([2, `${target} overlaps the registry content; export to a folder outside it.`]);
    }
    expect(await readFile(join(root, 'content', 'ecosystem.yaml'), 'utf8')).toContain('name: Eventful');
  });

  it('deletes only the files it recorded writing, and never replaces a file it did not write', async () => {
    expect((await run('export', '--md', 'kept')).code).toBe(0);
    await writeFile(join(root, 'kept', 'NOTES.md'), 'my notes');
    await writeFile(join(root, 'kept', 'repositories', 'mine.md'), 'mine too');
    const retired = join(root, 'content', 'integrations', 'accounting-export.yaml');
    const text = await readFile(retired, 'utf8');
    await rm(retired);
    expect((await run('export', '--md', 'kept')).code).toBe(0);
    await writeFile(retired, text);
    expect(await readFile(join(root, 'kept', 'NOTES.md'), 'utf8')).toBe('my notes');
    expect(await readFile(join(root, 'kept', 'repositories', 'mine.md'), 'utf8')).toBe('mine too');
    await expect(readFile(join(root, 'kept', 'integrations', 'accounting-export.md'))).rejects.toThrow();
    // A file of the user's where export wants to write: refused, nothing changed.
    await writeFile(join(root, 'kept', 'integrations', 'accounting-export.md'), 'my own page');
    const refused = await run('export', '--md', 'kept');
    expect([refused.code, refused.err.split('\n')[0]]).toEqual([
      1,
      'kept/integrations/accounting-export.md is in the way: export did not write it, so it will not replace it; nothing was written.',
    ]);
    expect(await readFile(join(root, 'kept', 'integrations', 'accounting-export.md'), 'utf8')).toBe('my own page');
  });

  it('refuses a folder it did not write, and writes nothing from a broken registry', async () => {
    await mkdir(join(root, 'mine'));
    await writeFile(join(root, 'mine/notes.md'), 'mine');
    const refused = await run('export', '--md', 'mine');
    expect([refused.code, refused.err]).toEqual([
      1,
      'mine is not empty and was not written by plexus export; nothing was written.\nChoose an empty or new folder.',
    ]);
    await writeFile(join(root, 'content/teams/broken.yaml'), 'name: [unclosed\n');
    const broken = await run('export', '--md', 'fresh');
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^content\/teams\/broken\.yaml:\d+:\d+ error PLX001 /);
    await expect(readdir(join(root, 'fresh'))).rejects.toThrow();
    await rm(join(root, 'content/teams/broken.yaml'));
  });

  // Issue #22: a folder or manifest replaced by a link is never written, deleted or read through.
  const LINK_REFUSED = 'Nothing was written or deleted. Remove the link, or export to another folder.';

  it('never deletes a file it recorded through a sub-folder that is now a link out', async () => {
    const outside = await mkdtemp(join(root, 'outside-'));
    expect((await run('export', '--md', 'linked')).code).toBe(0);
    await appendFile(join(root, 'linked', '.plexus-export'), 'sub/old.md\n');
    const manifest = await readFile(join(root, 'linked', '.plexus-export'), 'utf8');
    await writeFile(join(outside, 'old.md'), 'not yours');
    await symlink(outside, join(root, 'linked', 'sub'));
    const refused = await run('export', '--md', 'linked');
    expect([refused.code, refused.err]).toEqual([
      1,
      `linked/sub/old.md: sub is not a real folder (a link?); Plexus writes and deletes only through real folders\n${LINK_REFUSED}`,
    ]);
    expect(await readFile(join(outside, 'old.md'), 'utf8')).toBe('not yours');
    expect(await readFile(join(root, 'linked', '.plexus-export'), 'utf8')).toBe(manifest);
    // Once the link is gone, the stale entry is simply dropped.
    await rm(join(root, 'linked', 'sub'));
    expect((await run('export', '--md', 'linked')).code).toBe(0);
    expect(await readFile(join(root, 'linked', '.plexus-export'), 'utf8')).not.toContain('sub/old.md');
  });

  it('never writes through a sub-folder that is now a link out', async () => {
    const outside = await mkdtemp(join(root, 'outside-'));
    expect((await run('export', '--md', 'relinked')).code).toBe(0);
    await rm(join(root, 'relinked', 'repositories'), { recursive: true });
    await symlink(outside, join(root, 'relinked', 'repositories'));
    const refused = await run('export', '--md', 'relinked');
    expect(refused.code).toBe(1);
    const lines = refused.err.split('\n');
    expect(lines.at(-1)).toBe(LINK_REFUSED);
    expect(lines.slice(0, -1).every((line) => /^relinked\/repositories\/[\w-]+\.md: repositories is not a real folder \(a link\?\); /.test(line))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);
    expect(await readdir(outside)).toEqual([]);
  });

  it('never reads or writes a manifest that is a link out, nor deletes what it lists', async () => {
    const outside = await mkdtemp(join(root, 'outside-'));
    await writeFile(join(outside, 'list'), '# Written by plexus export\nmine.md\n');
    await mkdir(join(root, 'forged'));
    await writeFile(join(root, 'forged', 'mine.md'), 'mine');
    await symlink(join(outside, 'list'), join(root, 'forged', '.plexus-export'));
    const refused = await run('export', '--md', 'forged');
    expect([refused.code, refused.err]).toEqual([1, `forged/.plexus-export: it is a symbolic link that leads out of the folder Plexus reads\n${LINK_REFUSED}`]);
    expect(await readFile(join(root, 'forged', 'mine.md'), 'utf8')).toBe('mine');
    expect(await readFile(join(outside, 'list'), 'utf8')).toBe('# Written by plexus export\nmine.md\n');
    expect((await readdir(join(root, 'forged'))).sort()).toEqual(['.plexus-export', 'mine.md']);
  });
});
