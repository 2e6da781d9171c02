// plexus init as a user runs it: a project that checks clean, never written over.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runMain } from '../../src/cli/main.ts';
import { loadRegistry } from '../../src/core/fs.ts';
import { COLLECTIONS, SINGULAR } from '../../src/core/schemas/index.ts';
import { CHECK_WORKFLOW, DEPLOY_WORKFLOW, packageJson, SCHEMA_GLOBS } from '../../src/init/project.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-init-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runMain(args, { cwd: root, env: { PLEXUS_TODAY: '2026-11-22' }, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('plexus init', () => {
  it('writes a registry that checks clean, dated today, with a review six months out', async () => {
    const { code, out } = await run('init', 'team-registry');
    expect(code).toBe(0);
    expect(out).toContain('\n\nNext:\n  cd team-registry\n  npm install\n  npm run check\n  npm run dev');
    const { diagnostics, model } = await loadRegistry(join(root, 'team-registry', 'content'), { today: '2026-11-22' });
    expect(diagnostics).toEqual([]);
    expect([model.repositories.size, model.integrations.size, model.documents.size]).toEqual([2, 1, 1]);
    expect(model.ecosystem!.data.nextReview).toBe('2027-05-22');
  });

  it('with --force adds what is missing and leaves every file that is there as it was', async () => {
    const dir = join(root, 'existing');
    await mkdir(dir);
    await writeFile(join(dir, 'README.md'), 'ours\n');
    expect((await run('init', 'existing')).code).toBe(2);
    const { code, out } = await run('init', 'existing', '--force');
    expect(code).toBe(0);
    expect(out).toContain('Left as they were: README.md.');
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('ours\n');
    expect(await readdir(join(dir, 'content'))).toContain('ecosystem.yaml');
  });

  it('dates the review by calendar months, and refuses a PLEXUS_TODAY that is no date', async () => {
    const at = (today: string, dir: string) => runMain(['init', dir], { cwd: root, env: { PLEXUS_TODAY: today }, out: () => {}, err: () => {} });
    expect(await at('2026-08-31', 'month-end')).toBe(0);
    expect(await readFile(join(root, 'month-end', 'content', 'ecosystem.yaml'), 'utf8')).toContain('lastUpdated: 2026-08-31\nnextReview: 2027-02-28\n');
    expect(await at('2026-13-01', 'bad-date')).toBe(2);
  });

  it('says so when the folder is a file', async () => {
    await writeFile(join(root, 'a-file'), 'x');
    expect(await run('init', 'a-file')).toEqual({
      code: 2,
      out: '',
      err: `Cannot use ${join(root, 'a-file')}: it is a file, where a folder is needed.\nUsage: plexus init [DIR] [--example] [--force]`,
    });
  });

  it('with --example copies the Eventful example instead of the starter', async () => {
    expect((await run('init', 'example', '--example')).code).toBe(0);
    const { model } = await loadRegistry(join(root, 'example', 'content'), { today: '2026-11-22' });
    expect(model.ecosystem!.data.name).toBe('Eventful');
  });

  // Issue #22: init writes only through real folders, and checks every path before it writes any.
  const refusedLine = (path: string, link: string) =>
    `linked/${path}: ${link} is not a real folder (a link?); Plexus writes and deletes only through real folders`;
  const REFUSED = 'Nothing was written. Replace the link with a real folder, or start in another folder.';

  it('with --force writes nothing when a folder it would write into is a link out', async () => {
    const outside = await mkdtemp(join(root, 'outside-'));
    await mkdir(join(outside, 'github'));
    await mkdir(join(outside, 'content'));
    const dir = join(root, 'linked');
    await mkdir(dir);
    await symlink(join(outside, 'github'), join(dir, '.github'));
    await symlink(join(outside, 'content'), join(dir, 'content'));
    const { code, out, err } = await run('init', 'linked', '--force');
    expect([code, out]).toEqual([1, '']);
    expect(err).toBe(
      [
        refusedLine('.github/workflows/check.yml', '.github'),
        refusedLine('.github/workflows/deploy.yml', '.github'),
        refusedLine('content/ecosystem.yaml', 'content'),
        refusedLine('content/teams/platform.yaml', 'content'),
        refusedLine('content/repositories/web-app.yaml', 'content'),
        refusedLine('content/repositories/api.yaml', 'content'),
        refusedLine('content/integrations/web-app-to-api.yaml', 'content'),
        refusedLine('content/docs/getting-started.md', 'content'),
        REFUSED,
      ].join('\n'),
    );
    expect([await readdir(join(outside, 'github')), await readdir(join(outside, 'content'))]).toEqual([[], []]);
    expect((await readdir(dir)).sort()).toEqual(['.github', 'content']);
    // --example copies through the same gate.
    expect((await run('init', 'linked', '--force', '--example')).code).toBe(1);
    expect(await readdir(join(outside, 'content'))).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['.github', 'content']);
  });

  it('writes into a folder given as a link, and leaves a file that is a link as it was', async () => {
    const outside = await mkdtemp(join(root, 'outside-'));
    await mkdir(join(outside, 'project'));
    await writeFile(join(outside, 'readme'), 'theirs\n');
    await symlink(join(outside, 'project'), join(root, 'project-link'));
    await writeFile(join(outside, 'project', 'keep'), '');
    await symlink(join(outside, 'readme'), join(outside, 'project', 'README.md'));
    const { code, out } = await run('init', 'project-link', '--force');
    expect(code).toBe(0);
    expect(out).toContain('Left as they were: README.md.');
    expect(await readFile(join(outside, 'readme'), 'utf8')).toBe('theirs\n');
    expect(await readdir(join(outside, 'project', 'content'))).toContain('ecosystem.yaml');
  });

  it('suggests in its README plexus new commands that run as written in the project it made, in order', async () => {
    expect((await run('init', 'readme-commands')).code).toBe(0);
    const project = join(root, 'readme-commands');
    const readme = await readFile(join(project, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/`npx plexus (new [^`]+)`/g)].map((m) => m[1]!);
    expect(commands).toEqual([
      'new repository my-service --team platform',
      'new integration web-app-to-my-service --provider my-service --consumers web-app --type rest',
    ]);
    for (const command of commands) {
      const out: string[] = [];
      const code = await runMain(command.split(' '), { cwd: project, env: { PLEXUS_TODAY: '2026-11-22' }, out: (t) => out.push(t), err: (t) => out.push(t) });
      expect([command, code], out.join('\n')).toEqual([command, 0]);
    }
    const { diagnostics, model } = await loadRegistry(join(project, 'content'), { today: '2026-11-22' });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.integrations.get('web-app-to-my-service')!.data).toMatchObject({
      provider: 'my-service',
      consumers: ['web-app'],
      type: 'rest',
      owner: 'platform',
    });
  });

  it('points editors at a schema for every kind of registry file', () => {
    const kinds = Object.keys(COLLECTIONS).map((c) => SINGULAR[c as keyof typeof COLLECTIONS]);
    expect(Object.keys(SCHEMA_GLOBS).sort()).toEqual(['ecosystem', ...kinds].sort());
    for (const [folder, kind] of Object.entries(SINGULAR)) if (kind !== 'document') expect(SCHEMA_GLOBS[kind]).toBe(`content/${folder}/*.yaml`);
  });

  it('lets every command run from the project or from inside its registry folder', async () => {
    const check = async (cwd: string) => {
      const out: string[] = [];
      const code = await runMain(['check'], { cwd, env: { PLEXUS_TODAY: '2026-11-22' }, out: (t) => out.push(t), err: (t) => out.push(t) });
      return [code, out.join('\n')];
    };
    expect(await check(join(root, 'team-registry'))).toEqual([0, 'No problems in 6 files.']);
    expect(await check(join(root, 'team-registry', 'content'))).toEqual([0, 'No problems in 6 files.']);
    expect((await check(root))[0]).toBe(2);
  });

  it('writes a light package.json: Plexus as the one dependency, on the Node that runs npm', () => {
    expect(JSON.parse(packageJson('our-registry', '1.2.3'))).toEqual({
      name: 'our-registry',
      private: true,
      type: 'module',
      description: 'Our integration registry, built with Plexus.',
      scripts: { check: 'plexus check', build: 'plexus build', dev: 'plexus dev', preview: 'plexus preview' },
      engines: { node: '>=22.12' },
      allowScripts: { esbuild: true },
      dependencies: { plexus: '^1.2.3' },
    });
  });
});

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> };
const steps = (workflow: string, job: string) => parse(workflow).jobs[job].steps as Step[];

describe('the workflows plexus init writes', () => {
  it('checks pull requests read-only, one run per branch, installing with npm ci once there is a lockfile', () => {
    const check = parse(CHECK_WORKFLOW);
    expect(check.permissions).toEqual({ contents: 'read' });
    expect(check.concurrency).toEqual({ group: 'check-${{ github.ref }}', 'cancel-in-progress': true });
    expect(Object.keys(check.on)).toEqual(['pull_request', 'push']);
    expect(steps(CHECK_WORKFLOW, 'check').map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v7',
      'actions/setup-node@v7',
      'if [ -f package-lock.json ]; then npm ci; else npm install; fi',
      'npm run check -- --format github',
    ]);
    // npm's cache without failing on a first push with no lockfile: keyed on package.json too.
    expect(steps(CHECK_WORKFLOW, 'check')[1]!.with).toEqual({ 'node-version': 24, cache: 'npm', 'cache-dependency-path': 'package*.json' });
  });

  it('deploys with the current Pages actions and no browser path: Plexus finds the runner’s Chrome', () => {
    const build = steps(DEPLOY_WORKFLOW, 'build');
    expect(build.map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v7',
      'actions/setup-node@v7',
      'if [ -f package-lock.json ]; then npm ci; else npm install; fi',
      'actions/configure-pages@v6',
      'actions/cache@v6',
      'npm run build',
      'actions/upload-pages-artifact@v5',
    ]);
    expect(build.find((s) => s.run === 'npm run build')!.env).toEqual({
      SITE_URL: '${{ steps.pages.outputs.origin }}',
      BASE_PATH: '${{ steps.pages.outputs.base_path }}',
    });
    expect(steps(DEPLOY_WORKFLOW, 'deploy').map((s) => s.uses)).toEqual(['actions/deploy-pages@v5']);
    expect(`${CHECK_WORKFLOW}${DEPLOY_WORKFLOW}`).not.toMatch(/PLEXUS_CHROMIUM|google-chrome|node-version: 2[^4]/);
  });

  it('posts what a pull request changes as one comment, updated on each push, with write access only there', () => {
    const workflow = parse(CHECK_WORKFLOW);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.check.permissions).toBeUndefined();
    expect(workflow.jobs.diff.if).toBe("github.event_name == 'pull_request'");
    expect(workflow.jobs.diff.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const diff = steps(CHECK_WORKFLOW, 'diff');
    expect(diff.map((s) => s.uses ?? s.run)).toEqual([
      'actions/checkout@v7',
      'actions/setup-node@v7',
      'if [ -f package-lock.json ]; then npm ci; else npm install; fi',
      'set +e\nnpx plexus diff "origin/$BASE_REF" --format markdown > plexus-diff.md\necho "exit=$?" >> "$GITHUB_OUTPUT"\ncat plexus-diff.md >> "$GITHUB_STEP_SUMMARY"\n',
      '[ -s plexus-diff.md ] || exit 0\n' +
        'id=$(gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" --paginate --jq \'.[] | select(.body | startswith("<!-- plexus-diff -->")) | .id\' | head -n 1)\n' +
        'if [ -n "$id" ]; then gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" -F body=@plexus-diff.md > /dev/null\n' +
        'else gh api "repos/$GITHUB_REPOSITORY/issues/$PR/comments" -F body=@plexus-diff.md > /dev/null; fi\n',
      'exit "$EXIT"',
    ]);
    // The base branch is read from git: the whole history, not the one commit checkout fetches by default.
    expect(diff[0]!.with).toEqual({ 'fetch-depth': 0 });
    expect(diff[3]!.env).toEqual({ BASE_REF: '${{ github.base_ref }}' });
    expect(diff[4]!.env).toEqual({ GH_TOKEN: '${{ github.token }}', PR: '${{ github.event.pull_request.number }}' });
    expect((diff[4] as { if?: string }).if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    expect((diff[5] as { if?: string }).if).toBe("steps.diff.outputs.exit != '0'");
  });

  it('edits the comment it posted before, found by its marker, and posts one only when there is none', async () => {
    const dir = await mkdtemp(join(root, 'comment-'));
    // Stand-ins: npx writes a comment and says a change breaks (exit 1); gh logs how it was called and answers the lookup with $EXISTING.
    await writeFile(join(dir, 'npx'), '#!/bin/sh\necho "npx $*" > npx.log\nprintf "<!-- plexus-diff -->\\n## Registry changes\\n"\nexit 1\n');
    await writeFile(join(dir, 'gh'), '#!/bin/sh\necho "gh $*" >> gh.log\ncase "$*" in *--paginate*) echo "$EXISTING";; esac\n');
    await chmod(join(dir, 'npx'), 0o755);
    await chmod(join(dir, 'gh'), 0o755);
    const diff = steps(CHECK_WORKFLOW, 'diff');
    const env = { PATH: `${dir}:/usr/bin:/bin`, GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary'), BASE_REF: 'main' };
    const sh = (script: string, extra: Record<string, string> = {}) =>
      promisify(execFile)('bash', ['-e', '-c', script], { cwd: dir, env: { ...env, ...extra } });
    await sh(diff[3]!.run!);
    expect(await readFile(join(dir, 'npx.log'), 'utf8')).toBe('npx plexus diff origin/main --format markdown\n');
    expect(await readFile(join(dir, 'output'), 'utf8')).toBe('exit=1\n');
    expect(await readFile(join(dir, 'summary'), 'utf8')).toBe('<!-- plexus-diff -->\n## Registry changes\n');
    const comment = { GITHUB_REPOSITORY: 'acme/registry', PR: '7' };
    await sh(diff[4]!.run!, { ...comment, EXISTING: '' });
    await sh(diff[4]!.run!, { ...comment, EXISTING: '4242' });
    const list = 'gh api repos/acme/registry/issues/7/comments --paginate --jq .[] | select(.body | startswith("<!-- plexus-diff -->")) | .id';
    expect((await readFile(join(dir, 'gh.log'), 'utf8')).split('\n')).toEqual([
      list,
      'gh api repos/acme/registry/issues/7/comments -F body=@plexus-diff.md',
      list,
      'gh api -X PATCH repos/acme/registry/issues/comments/4242 -F body=@plexus-diff.md',
      '',
    ]);
    await expect(sh(diff[5]!.run!, { EXIT: '1' })).rejects.toThrow();
  });

  it('runs npm install on a first push without package-lock.json, and npm ci once it is committed', async () => {
    const dir = await mkdtemp(join(root, 'workflow-'));
    // A stand-in npm that says how it was called.
    await writeFile(join(dir, 'npm'), '#!/bin/sh\necho "npm $*"\n');
    await chmod(join(dir, 'npm'), 0o755);
    const install = steps(CHECK_WORKFLOW, 'check')[2]!.run!;
    const run = async () => (await promisify(execFile)('bash', ['-e', '-c', install], { cwd: dir, env: { PATH: `${dir}:/usr/bin:/bin` } })).stdout;
    expect(await run()).toBe('npm install\n');
    await writeFile(join(dir, 'package-lock.json'), '{}');
    expect(await run()).toBe('npm ci\n');
  });
});
