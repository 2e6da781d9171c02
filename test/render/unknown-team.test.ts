// A repository whose team is unknown (issue 26: an imported component whose owner is in no catalog
// file; or written so by hand) checks clean, says "team unknown" wherever its team is shown, links
// no team page, tells or calls no team for it, and is counted in the data-quality view.
import { describe, expect, it } from 'vitest';
import { showText } from '../../src/cli/show.ts';
import { dataQuality } from '../../src/core/quality.ts';
import { areaOf } from '../../src/diagrams/areas.ts';
import { compareModels } from '../../src/diff/compare.ts';
import { formatText } from '../../src/diff/format.ts';
import { renderDocuments } from '../../src/render/documents.ts';
import { impactView } from '../../src/render/views/impact.ts';
import { repositoryList } from '../../src/site/lists.ts';
import { engine } from '../example-model.ts';
import { check, edit } from '../registry-fixture.ts';

const R = 'repositories/orders-api.yaml';
const { model, diagnostics } = check(edit(R, 'team: core', 'team: unknown'));

describe('a repository whose team is unknown', () => {
  it('checks clean: unknown names no team; a team that is not there is still a dangling reference', () => {
    expect(diagnostics).toEqual([]);
    const dangling = check(edit(R, 'team: core', 'team: nowhere')).diagnostics;
    expect(dangling.map((d) => [d.code, d.file, d.line])).toEqual([['PLX012', 'content/repositories/orders-api.yaml', 7]]);
  });

  it('is listed in the data-quality view as missing its team', () => {
    const repository = dataQuality(model).find((k) => k.kind === 'repository')!;
    expect(repository.fields.find((f) => f.field === 'team')).toEqual({ field: 'team', recorded: 1, missing: ['orders-api'] });
  });

  it('says "team unknown" in its document and links no team page', () => {
    const markdown = renderDocuments(model, engine).find((d) => d.path === 'repositories/orders-api.md')!.markdown;
    expect(markdown).toContain('| service | ✅ Active | team unknown | [https://github.com/acme/orders-api](<https://github.com/acme/orders-api>) |');
    expect(markdown).not.toMatch(/teams\/unknown/);
  });

  it('is called "team unknown", with no way to reach it, where it fails for another repository', () => {
    const orders = impactView(model, 'payments-api').direct.find((d) => d.id === 'orders-api')!;
    expect(orders.contact).toEqual({ teamId: 'unknown', team: 'team unknown', onCall: null, chat: null, email: null });
  });

  it('shows as muted text, not a link, in the repositories list, and its owner filter reads "team unknown"', () => {
    const list = repositoryList(model);
    expect(list.rows.find((r) => r.o === 'unknown')!).toMatchObject({ n: ['Orders API', '/repositories/orders-api/'], tm: 'team unknown' });
    expect(list.filters.find((f) => f.name === 'owner')!.options).toEqual([
      ['core', 'Core'],
      ['unknown', 'team unknown'],
    ]);
  });

  it('is grouped in a box that says its team is unknown, and plexus show says so', () => {
    expect(areaOf(model, 'orders-api')).toMatchObject({ key: 'team:unknown', kind: 'team', label: 'Team unknown' });
    expect(showText(model, 'orders-api')).toContain('\n  Owner    team unknown\n');
  });

  it('tells no team called unknown in plexus diff: the notice says nobody is recorded to tell', () => {
    const base = check().model;
    const report = compareModels(base, model, { base: 'main', head: 'branch' });
    expect(report.notify.map((n) => ('team' in n ? [n.team, n.name, n.because] : n))).toEqual([
      ['core', 'Core', ['repository orders-api: owner']],
      ['unknown', 'Team unknown: nobody is recorded to tell', ['repository orders-api: owner']],
    ]);
    expect(formatText(report)).toContain('  Team unknown: nobody is recorded to tell (repository orders-api: owner)');
  });
});
