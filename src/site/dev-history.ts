import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { entityHistory, type HistoryEntry } from '../diff/history.ts';
import { buildChannel } from './build-channel.ts';

/**
 * `npm run dev`: each entity's history from git, read again only when the repository's HEAD
 * moves (a commit, a checkout, a reset). Saving a YAML file makes no commit, and reading the
 * history again cost 120–220 ms of every reload for the example registry. Where HEAD cannot be
 * read from the files (a worktree, a submodule, no git), it is read every time, as a build does.
 */
export async function devHistory(dir: string): Promise<Map<string, HistoryEntry[]>> {
  const stamp = await headStamp(dir);
  const kept = buildChannel().history;
  if (stamp !== undefined && kept?.dir === dir && kept.stamp === stamp) return kept.value;
  const value = entityHistory(dir);
  if (stamp !== undefined) buildChannel().history = { dir, stamp, value };
  return value;
}

/** What HEAD is (its ref and the commit the ref names), read from `.git` without starting git. */
async function headStamp(dir: string): Promise<string | undefined> {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const git = join(at, '.git');
    const found = await stat(git).catch(() => undefined);
    if (found?.isDirectory()) {
      const head = (await readFile(join(git, 'HEAD'), 'utf8').catch(() => '')).trim();
      const ref = /^ref: (refs\/\S+)$/.exec(head)?.[1];
      if (!ref) return head || undefined;
      const loose = await readFile(join(git, ref), 'utf8').catch(() => undefined);
      // A ref only in packed-refs: the file's time says when any packed ref moved.
      const packed =
        loose === undefined
          ? await stat(join(git, 'packed-refs')).then(
              (s) => String(s.mtimeMs),
              () => 'none',
            )
          : '';
      return `${head} ${loose?.trim() ?? `packed ${packed}`}`;
    }
    if (found || dirname(at) === at) return undefined;
  }
}
