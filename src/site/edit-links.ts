import { execFileSync } from 'node:child_process';
import { relative, resolve, sep } from 'node:path';

/** Where the registry sits in its git repository, and when each file last changed there. */
interface History {
  /** The registry folder's path inside the repository, `''` at its root, else ending in `/`. */
  prefix: string;
  /** Seconds since the epoch of the last commit that touched each file, by path under the registry. */
  changed: Map<string, number>;
}

const histories = new Map<string, History>();

/**
 * One `git log` pass over the registry folder: each file's last commit time, newest first, so the
 * first time a path is seen is its last change. Outside a git checkout (or without git) nothing
 * is known and pages say nothing about it.
 */
export function registryHistory(contentDir: string): History {
  let history = histories.get(contentDir);
  if (history) return history;
  history = { prefix: '', changed: new Map() };
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: contentDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    history.prefix = git('rev-parse', '--show-prefix').trim();
    let time = 0;
    for (const line of git('log', '--name-only', '--relative', '--format=%ct', '--', '.').split('\n')) {
      if (/^\d+$/.test(line)) time = Number(line);
      else if (line && !history.changed.has(line)) history.changed.set(line, time);
    }
  } catch {
    // Not a git checkout, or no git: no edit dates.
  }
  histories.set(contentDir, history);
  return history;
}

/**
 * The link to edit a registry file in its repository (GitHub's and GitLab's `/edit/<branch>/<path>`)
 * and the day it last changed, `YYYY-MM-DD`, for the foot of its page.
 */
export function editInfo(
  contentDir: string,
  file: string,
  site: { repository?: string; editBranch?: string } | undefined,
): { url: string | null; changed: string | null } | null {
  const path = relative(resolve(contentDir), resolve(file)).split(sep).join('/');
  if (path.startsWith('..')) return null;
  const history = registryHistory(contentDir);
  const seconds = history.changed.get(path);
  const url = site?.repository ? `${site.repository.replace(/\/+$/, '')}/edit/${site.editBranch ?? 'main'}/${history.prefix}${path}` : null;
  const changed = seconds ? new Date(seconds * 1000).toISOString().slice(0, 10) : null;
  return url || changed ? { url, changed } : null;
}
