// Each entity's history from git: the commits that touched its file and the fields they changed.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entityHistory } from '../../src/diff/history.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-history-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('entityHistory', () => {
  it('lists each entity’s commits newest first, with the fields each changed', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=a@a', ...args], { cwd: root, encoding: 'utf8' });
    const commit = async (message: string, date: string, files: Record<string, string>) => {
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(root, path)), { recursive: true });
        await writeFile(join(root, path), text);
      }
      git('add', '-A');
      execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=a@a', 'commit', '-qm', message], {
        cwd: root,
        env: { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` },
      });
      return git('rev-parse', 'HEAD').trim();
    };
    git('init', '-q');
    const first = await commit('Add the orders API', '2026-01-05', {
      'content/integrations/orders-api.yaml': 'title: Orders API\nowner: core\nconsumers: [web]\n',
      'README.md': 'not the registry\n',
    });
    const second = await commit('Mail reads orders too; shop owns it', '2026-02-10', {
      'content/integrations/orders-api.yaml': 'title: Orders API\nowner: shop\nconsumers: [web, mail]\n',
      'content/teams/shop.yaml': 'name: Shop\n',
    });
    const history = await entityHistory(join(root, 'content'));
    expect([...history.keys()].sort()).toEqual(['integration/orders-api', 'team/shop']);
    expect(history.get('integration/orders-api')).toEqual([
      {
        commit: second,
        date: '2026-02-10',
        author: 'Ada',
        subject: 'Mail reads orders too; shop owns it',
        change: 'changed',
        fields: [
          { path: 'owner', old: 'core', new: 'shop' },
          { path: 'consumers', old: ['web'], new: ['web', 'mail'] },
        ],
      },
      { commit: first, date: '2026-01-05', author: 'Ada', subject: 'Add the orders API', change: 'added', fields: [] },
    ]);
    expect(history.get('team/shop')![0]!.change).toBe('added');
    // Outside git there is no history, and no error.
    const plain = await mkdtemp(join(tmpdir(), 'plexus-no-git-'));
    expect((await entityHistory(plain)).size).toBe(0);
    await rm(plain, { recursive: true, force: true });
  });
});
