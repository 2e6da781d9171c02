// Each entity's history as git has it: the commits that touched its file, when, by whom, and the
// fields each one changed (old → new), for the site to show beside the hand-kept change log. One
// `git log --raw` names the commits and the blobs before and after; one `git cat-file --batch`
// hands over the blobs; nothing is checked out.
import { classify } from '../core/load.ts';
import { SINGULAR } from '../core/schemas/index.ts';
import { cleanYamlData } from '../core/source.ts';
import { type FieldChange, fieldChanges } from './fields.ts';
import { catFiles, git, gitLocation } from './git.ts';

export interface HistoryEntry {
  commit: string;
  /** `YYYY-MM-DD`, the author's date. */
  date: string;
  author: string;
  subject: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

const NONE = /^0+$/;
const SEP = '\u001e';

/**
 * The last `limit` commits that touched the registry folder `dir`, by entity (`integration/orders-api`,
 * `ecosystem/ecosystem`), newest first. Empty when `dir` is not in a git repository or git is missing:
 * a registry need not be kept in git.
 */
export async function entityHistory(dir: string, options: { limit?: number } = {}): Promise<Map<string, HistoryEntry[]>> {
  const history = new Map<string, HistoryEntry[]>();
  let top: string;
  let prefix: string;
  let log: string;
  try {
    ({ top, prefix } = await gitLocation(dir));
    log = await git(top, [
      'log',
      `-n${options.limit ?? 200}`,
      '--raw',
      '--no-renames',
      '--no-abbrev',
      `--format=${SEP}%H%x1f%as%x1f%an%x1f%s`,
      '--',
      prefix === '' ? '.' : `${prefix}/`,
    ]);
  } catch {
    return history;
  }
  type Change = { meta: Omit<HistoryEntry, 'change' | 'fields'>; key: string; before: string; after: string };
  const changes: Change[] = [];
  for (const block of log.split(SEP)) {
    if (!block.trim()) continue;
    const [header, ...lines] = block.split('\n');
    const [commit, date, author, subject] = header!.split('\u001f') as [string, string, string, string];
    for (const line of lines) {
      const m = /^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) [AMD]\t(.+)$/.exec(line);
      if (!m || m[3]!.startsWith('"')) continue;
      const path = prefix === '' ? m[3]! : m[3]!.slice(prefix.length + 1);
      const what = classify(path);
      const key = what.kind === 'ecosystem' ? 'ecosystem/ecosystem' : what.kind === 'collection' ? `${SINGULAR[what.collection]}/${what.id}` : undefined;
      if (key) changes.push({ meta: { commit, date, author, subject }, key, before: m[1]!, after: m[2]! });
    }
  }
  const shas = [...new Set(changes.flatMap((c) => [c.before, c.after]).filter((s) => !NONE.test(s)))];
  const blobs = await catFiles(top, shas).catch(() => undefined);
  if (!blobs) return history;
  const decoder = new TextDecoder();
  const data = new Map(shas.map((sha, i) => [sha, cleanYamlData(decoder.decode(blobs[i]!))]));
  for (const c of changes) {
    const [before, after] = [NONE.test(c.before) ? undefined : data.get(c.before), NONE.test(c.after) ? undefined : data.get(c.after)];
    const change = NONE.test(c.before) ? 'added' : NONE.test(c.after) ? 'removed' : 'changed';
    const entry: HistoryEntry = { ...c.meta, change, fields: change === 'changed' ? fieldChanges(before ?? {}, after ?? {}) : [] };
    const list = history.get(c.key) ?? [];
    list.push(entry);
    history.set(c.key, list);
  }
  return history;
}
