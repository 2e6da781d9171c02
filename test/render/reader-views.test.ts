// Issue 25: the natural order every list uses, and the view models pages render from.
import { describe, expect, it } from 'vitest';
import { byKey, naturalCompare, naturalSorted } from '../../src/render/sort.ts';
import { impactView } from '../../src/render/views/impact.ts';
import { repositoryView } from '../../src/render/views/repository.ts';
import { withoutHeadingEmoji } from '../../src/render/emoji.ts';
import { example } from '../example-model.ts';
import { check } from '../registry-fixture.ts';

describe('natural order', () => {
  it('puts 2 before 10, and ignores case', () => {
    expect(naturalSorted(['Repository 10', 'Repository 2', 'repository 1', 'Integration 22', 'Integration 3'])).toEqual([
      'Integration 3',
      'Integration 22',
      'repository 1',
      'Repository 2',
      'Repository 10',
    ]);
  });

  it('is a total order: equal-looking names keep one order whatever the input order', () => {
    expect(naturalSorted(['api', 'API', 'Api'])).toEqual(naturalSorted(['Api', 'api', 'API']));
    expect(naturalCompare('a', 'a')).toBe(0);
    expect([{ n: 'x 11' }, { n: 'x 9' }].sort(byKey((i) => i.n)).map((i) => i.n)).toEqual(['x 9', 'x 11']);
  });
});

const repo = (name: string, team = 'core') =>
  `name: ${name}\npurpose: p\nrole: r\nkind: service\nstatus: active\nurl: https://example.com/${name.replace(/ /g, '-')}\nteam: ${team}\n`;
const link = (title: string, from: string, to: string, extra = '') =>
  `title: ${title}\nprovider: ${from}\nconsumers: ${to}\npurpose: p\ntype: rest\nprotocol: HTTPS\nauth: jwt\nowner: core\nversion: 1.0.0\nlastUpdated: 2026-10-01\nstatus: active\n${extra}`;

describe('what fails with a repository', () => {
  // hub → r2, r10 (direct); r2 → r3 → r4 (indirect, by distance); r10 ⇄ hub both ways.
  const { model, diagnostics } = check({
    'repositories/hub.yaml': repo('Hub'),
    'repositories/r2.yaml': repo('Repository 2'),
    'repositories/r10.yaml': repo('Repository 10'),
    'repositories/r3.yaml': repo('Repository 3'),
    'repositories/r4.yaml': repo('Repository 4'),
    'integrations/hub-r10.yaml': link('Hub to 10', 'hub', '[r10]'),
    'integrations/hub-r2.yaml': link('Hub to 2', 'hub', '[r2]'),
    'integrations/r2-r3.yaml': link('2 to 3', 'r2', '[r3]'),
    'integrations/r3-r4.yaml': link('3 to 4', 'r3', '[r4]'),
  });

  it('has no diagnostics', () => expect(diagnostics).toEqual([]));

  it('lists direct dependents first, in natural order, each with the integration that ties it and whom to call', () => {
    const impact = impactView(model, 'hub');
    expect(impact.direct.map((d) => [d.name, d.integrations.map((i) => i.title)])).toEqual([
      ['Repository 2', ['Hub to 2']],
      ['Repository 10', ['Hub to 10']],
    ]);
    expect(impact.direct[0]!.contact.teamId).toBe('core');
    expect(impact.indirect.map((d) => [d.name, d.distance, d.via.name])).toEqual([
      ['Repository 3', 2, 'Repository 2'],
      ['Repository 4', 3, 'Repository 3'],
    ]);
    expect(impact.total).toBe(4);
    // Its total is the blast radius the analysis computes.
    expect(impact.total).toBe(model.analysis.links.get('hub')!.blastRadius.length);
  });

  it('says nothing fails with a repository nobody depends on', () => {
    expect(impactView(model, 'r4')).toEqual({ direct: [], indirect: [], total: 0 });
  });

  it('matches the blast radius on every repository of the example', () => {
    for (const id of example.model.repositories.keys()) {
      expect(impactView(example.model, id).total, id).toBe(example.model.analysis.links.get(id)!.blastRadius.length);
    }
  });
});

describe('the repository view', () => {
  it('carries the ids its page links by, beside the names the export prints', () => {
    const v = repositoryView(example.model, 'payment-service');
    expect(v.upstream.find((u) => u.serviceId === 'stripe')).toMatchObject({ service: 'Stripe', integration: { id: 'stripe-payments' } });
    expect(v.producedEvents[0]!.consumerRepos.length).toBeGreaterThan(0);
  });
});

describe('headings on the site', () => {
  it('drop the emoji the seed opens them with, which draw as boxes without an emoji font', () => {
    expect(withoutHeadingEmoji('<h2 id="x">🔗 Active Integrations</h2><p>🔗 kept</p><h3>⚠️ Deprecated</h3>')).toBe(
      '<h2 id="x">Active Integrations</h2><p>🔗 kept</p><h3>Deprecated</h3>',
    );
  });
});

describe('edit links', () => {
  it('link a registry file to its repository and say when it last changed, from one git log pass', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { editInfo } = await import('../../src/site/edit-links.ts');
    const repo = await mkdtemp(join(tmpdir(), 'plexus-edit-'));
    try {
      const content = join(repo, 'content');
      await mkdir(join(content, 'teams'), { recursive: true });
      await writeFile(join(content, 'teams', 'core.yaml'), 'name: Core\n');
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd: repo,
          env: { ...process.env, GIT_AUTHOR_DATE: '2026-03-04T12:00:00Z', GIT_COMMITTER_DATE: '2026-03-04T12:00:00Z' },
        });
      git('init', '-q');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'teams');
      expect(editInfo(content, join(content, 'teams', 'core.yaml'), { repository: 'https://github.com/org/registry/', editBranch: 'trunk' })).toEqual({
        url: 'https://github.com/org/registry/edit/trunk/content/teams/core.yaml',
        changed: '2026-03-04',
      });
      // Without a repository named, the date alone; a file git does not know, nothing.
      expect(editInfo(content, join(content, 'teams', 'core.yaml'), undefined)).toEqual({ url: null, changed: '2026-03-04' });
      expect(editInfo(content, join(content, 'teams', 'new.yaml'), undefined)).toBeNull();
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});

describe('generated headings on the site', () => {
  it('are in sentence case, acronyms kept', async () => {
    const { sentenceCaseHeadings } = await import('../../src/render/emoji.ts');
    expect(sentenceCaseHeadings('<h2 id="a">Failure Handling</h2><h3>Gateway Routes to API</h3><p>Key Components</p>')).toBe(
      '<h2 id="a">Failure handling</h2><h3>Gateway routes to API</h3><p>Key Components</p>',
    );
  });
});

describe('generated documents on the site', () => {
  it('carry no emoji, which draw as boxes without an emoji font', async () => {
    const { withoutEmoji } = await import('../../src/render/emoji.ts');
    expect(withoutEmoji('<td>✅ Active</td><td>🚧 Draft</td><p>⚠️ Deprecated, see <a href="x">y</a></p>')).toBe(
      '<td>Active</td><td>Draft</td><p>Deprecated, see <a href="x">y</a></p>',
    );
    // Arrows and signs that are text stay: a diagram legend's ↔, a ©.
    expect(withoutEmoji('<p>↔ both ways © 2026 → next</p>')).toBe('<p>↔ both ways © 2026 → next</p>');
  });
});
