// npm run dev reads the registry's git history again only when HEAD moves, not on every save.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildChannel } from '../../src/site/build-channel.ts';
import { devHistory } from '../../src/site/dev-history.ts';

const dir = await mkdtemp(join(tmpdir(), 'plexus-dev-history-'));
afterAll(() => rm(dir, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', ...args], { cwd: dir });

describe('devHistory', () => {
  it('reuses the history read at the same HEAD and reads it again after a commit', async () => {
    delete buildChannel().history;
    const content = join(dir, 'registry');
    await mkdir(join(content, 'teams'), { recursive: true });
    git('init', '-q', '-b', 'main');
    await writeFile(join(content, 'teams', 'core.yaml'), 'name: Core\nlead: Ada\n');
    git('add', '.');
    git('commit', '-q', '-m', 'Core team');
    const first = await devHistory(content);
    expect([...first.keys()]).toEqual(['team/core']);
    // A save without a commit: the same history, not read again.
    await writeFile(join(content, 'teams', 'core.yaml'), 'name: Core\nlead: Grace\n');
    expect(await devHistory(content)).toBe(first);
    git('commit', '-q', '-am', 'New lead');
    const second = await devHistory(content);
    expect(second).not.toBe(first);
    expect(second.get('team/core')!.map((e) => e.subject)).toEqual(['New lead', 'Core team']);
  });
});
