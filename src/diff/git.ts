// A registry as a git revision holds it, read without a checkout: `git ls-tree -r -z` names the
// files under the content folder and one `git cat-file --batch` process hands over their bytes.
// Blobs from git are data: nothing on disk is followed (a link is skipped, as is a submodule).
import { execFile, spawn } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Source } from '../core/model.ts';

const run = promisify(execFile);

/** A git failure said in a sentence: what was asked, and git's own first line. */
export class GitError extends Error {}

export async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new GitError('git is not installed (or not on PATH); compare two folders instead: plexus diff OLD_DIR NEW_DIR.');
    throw new GitError(
      String(e.stderr ?? e.message)
        .trim()
        .split('\n')[0] ?? 'git failed',
    );
  }
}

/** The top of the git work tree `dir` is in, and `dir`'s path inside it (with `/`, '' at the top). */
export async function gitLocation(dir: string): Promise<{ top: string; prefix: string }> {
  let top: string;
  try {
    top = (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  } catch {
    throw new GitError(`${dir} is not in a git repository; compare two folders instead: plexus diff OLD_DIR NEW_DIR.`);
  }
  const prefix = relative(await realpath(top), await realpath(dir))
    .split(sep)
    .join('/');
  return { top, prefix };
}

/** The commit `rev` names, or a GitError that says it names none. */
export async function resolveRevision(top: string, rev: string): Promise<string> {
  try {
    return (await git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
  } catch {
    throw new GitError(`"${rev}" is not a commit, branch or tag in this repository.`);
  }
}

/**
 * Where a pull request starts: the merge base of HEAD with the default branch, `origin/HEAD` when
 * the remote names one, else main, else master (locally or on origin).
 */
export async function defaultBase(top: string): Promise<{ commit: string; label: string }> {
  const candidates = ['origin/HEAD', 'main', 'origin/main', 'master', 'origin/master'];
  for (const name of candidates) {
    const commit = await resolveRevision(top, name).catch(() => undefined);
    if (!commit) continue;
    try {
      const base = (await git(top, ['merge-base', 'HEAD', commit])).trim();
      return {
        commit: base,
        label: `merge base with ${name === 'origin/HEAD' ? (await git(top, ['rev-parse', '--abbrev-ref', 'origin/HEAD'])).trim() : name}`,
      };
    } catch {
      // no common history with this one: try the next
    }
  }
  throw new GitError(
    'Found no default branch (origin/HEAD, main or master) to compare with; name the base: plexus diff BASE. In a CI checkout, fetch the history (actions/checkout with fetch-depth: 0).',
  );
}

/** Every file under `prefix` at `commit` as a Source, as readSources makes them from a folder. */
export async function readRevision(top: string, commit: string, prefix: string, display: string): Promise<Source[]> {
  const listing = await git(top, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', prefix === '' ? '.' : `${prefix}/`]);
  const entries: { path: string; sha: string }[] = [];
  for (const record of listing.split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, sha] = record.slice(0, tab).split(' ') as [string, string, string];
    const full = record.slice(tab + 1);
    // Links and submodules are not files of this revision's registry.
    if (type !== 'blob' || mode === '120000') continue;
    const path = prefix === '' ? full : full.slice(prefix.length + 1);
    if (path.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    entries.push({ path, sha });
  }
  const blobs = await catFiles(
    top,
    entries.map((e) => e.sha),
  );
  const sources = entries.map((e, i): Source => ({ path: e.path, display: display ? `${display}/${e.path}` : e.path, bytes: blobs[i]! }));
  return sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The bytes of each blob, in order, from one `git cat-file --batch`. */
export function catFiles(top: string, shas: readonly string[]): Promise<Uint8Array[]> {
  if (shas.length === 0) return Promise.resolve([]);
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: top, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (e) => reject(new GitError(`git cat-file failed: ${e.message}`)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new GitError(`git cat-file failed: ${stderr.trim().split('\n')[0]}`));
      const out = Buffer.concat(chunks);
      const blobs: Uint8Array[] = [];
      let at = 0;
      for (const sha of shas) {
        const eol = out.indexOf(10, at);
        const header = out.subarray(at, eol).toString();
        const size = Number(header.split(' ')[2]);
        if (!header.startsWith(sha) || !Number.isFinite(size)) return reject(new GitError(`git cat-file answered "${header}" for ${sha}`));
        blobs.push(new Uint8Array(out.subarray(eol + 1, eol + 1 + size)));
        at = eol + 1 + size + 1;
      }
      resolvePromise(blobs);
    });
    child.stdin.end(`${shas.join('\n')}\n`);
  });
}

/** A commit as messages show it: its short hash and subject. */
export async function describeCommit(top: string, commit: string): Promise<string> {
  return (await git(top, ['log', '-1', '--format=%h', commit])).trim();
}
