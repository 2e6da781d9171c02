// Releases: a tag vX.Y.Z publishes plexus and create-plexus with provenance after every test has
// passed, and the GitHub release's notes are that version's section of CHANGELOG.md.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { changelogSection } from '../scripts/release-notes.ts';

const ROOT = join(import.meta.dirname, '..');
const read = (path: string) => readFile(join(ROOT, path), 'utf8');
const workflow = parse(await read('.github/workflows/release.yml'));
const steps = workflow.jobs.release.steps as { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }[];
const at = (run: RegExp) => steps.findIndex((s) => s.run !== undefined && run.test(s.run));
const temp = await mkdtemp(join(tmpdir(), 'plexus-release-'));
afterAll(() => rm(temp, { recursive: true, force: true }));

/** `node scripts/release-notes.ts ARGS`: exit code, stdout, stderr. */
const notes = (...args: string[]) =>
  promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'release-notes.ts'), ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

/** A repository of the two package.json files and a CHANGELOG.md. */
async function repository(plexus: string, create: string, changelog: string) {
  const dir = await mkdtemp(join(temp, 'repo-'));
  await mkdir(join(dir, 'packages', 'create-plexus'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'plexus', version: plexus }));
  await writeFile(join(dir, 'packages', 'create-plexus', 'package.json'), JSON.stringify({ name: 'create-plexus', version: create }));
  await writeFile(join(dir, 'CHANGELOG.md'), changelog);
  return dir;
}

const CHANGELOG = `# Changelog

## [1.3.0] - unreleased

- Not yet.

## [1.2.0] - 2027-01-15

A line.

### Fixed

- A fix.

## [1.1.0] - 2026-12-20

- Older.

[1.2.0]: https://github.com/plexus-registry/plexus/releases/tag/v1.2.0
`;

describe('the release workflow', () => {
  it('runs on a v* tag, and only then', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('may write the release and ask for an OIDC token (provenance), nothing more', () => {
    expect(workflow.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    expect(workflow.jobs.release.permissions).toBeUndefined();
  });

  it('installs the lockfile on Node 24 with npm’s registry for publishing', () => {
    expect(steps[1]).toMatchObject({ uses: 'actions/setup-node@v7', with: { 'node-version': 24, 'registry-url': 'https://registry.npmjs.org' } });
    expect(at(/^npm ci$/)).toBe(2);
  });

  it('checks the versions and the changelog, then runs every test, before it publishes anything', () => {
    const publishes = steps.flatMap((s, i) => (s.run?.startsWith('npm publish') ? [i] : []));
    expect(publishes).toHaveLength(2);
    const firstPublish = Math.min(...publishes);
    expect(at(/^node scripts\/release-notes\.ts "\$GITHUB_REF_NAME" --release > "\$RUNNER_TEMP\/notes\.md"$/)).toBeLessThan(firstPublish);
    expect(at(/^npm test$/)).toBeGreaterThan(at(/^npm ci$/));
    expect(at(/^npm test$/)).toBeLessThan(firstPublish);
  });

  it('publishes both packages with provenance, plexus first', () => {
    expect(steps.filter((s) => s.run?.startsWith('npm publish')).map((s) => [s.run, s.env])).toEqual([
      ['npm publish --provenance --access public', { NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' }],
      ['npm publish --provenance --access public -w packages/create-plexus', { NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' }],
    ]);
  });

  it('makes the GitHub release last, with the version’s notes', () => {
    expect(steps.at(-1)).toEqual({
      name: 'GitHub release',
      run: 'gh release create "$GITHUB_REF_NAME" --verify-tag --title "Plexus $GITHUB_REF_NAME" --notes-file "$RUNNER_TEMP/notes.md"',
      env: { GH_TOKEN: '${{ github.token }}' },
    });
  });
});

describe('the versions and the changelog', () => {
  it('give plexus and create-plexus one version, published under public names', async () => {
    const plexus = JSON.parse(await read('package.json'));
    const create = JSON.parse(await read('packages/create-plexus/package.json'));
    expect([plexus.name, create.name]).toEqual(['plexus', 'create-plexus']);
    expect(create.version).toBe(plexus.version);
    expect([plexus.private, create.private]).toEqual([undefined, undefined]);
  });

  it('have a section of CHANGELOG.md for the current version', async () => {
    const { version } = JSON.parse(await read('package.json'));
    expect(changelogSection(await read('CHANGELOG.md'), version)?.notes).toMatch(/\S/);
    expect(await notes()).toMatchObject({ code: 0, stderr: '' });
    expect((await notes()).stdout).toBe(`${changelogSection(await read('CHANGELOG.md'), version)!.notes}\n`);
  });
});

describe('scripts/release-notes.ts', () => {
  it('prints the text of a version’s section, up to the next version', async () => {
    const dir = await repository('1.2.0', '1.2.0', CHANGELOG);
    const expected = { code: 0, stdout: 'A line.\n\n### Fixed\n\n- A fix.\n', stderr: '' };
    expect(await notes('v1.2.0', '--release', '--root', dir)).toEqual(expected);
    expect(await notes('--root', dir)).toEqual(expected);
    const last = await repository('1.1.0', '1.1.0', CHANGELOG);
    expect(await notes('1.1.0', '--root', last)).toEqual({ code: 0, stdout: '- Older.\n', stderr: '' });
  });

  it('refuses a release whose versions or changelog do not agree with the tag', async () => {
    const dir = await repository('1.2.0', '1.1.0', CHANGELOG);
    expect(await notes('v1.2.0', '--release', '--root', dir)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Cannot release 1.2.0: packages/create-plexus/package.json is 1.1.0. Give both packages the version 1.2.0.\n',
    });
    const none = await repository('2.0.0', '2.0.0', CHANGELOG);
    expect(await notes('v2.0.0', '--release', '--root', none)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'CHANGELOG.md has no section for 2.0.0: add "## [2.0.0] - YYYY-MM-DD" with what changed.\n',
    });
    const undated = await repository('1.3.0', '1.3.0', CHANGELOG);
    expect(await notes('v1.3.0', '--release', '--root', undated)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'The 1.3.0 section of CHANGELOG.md is not dated ("## [1.3.0] - unreleased"): write "## [1.3.0] - YYYY-MM-DD" before tagging.\n',
    });
    // Without --release (before the tag), an undated section is its notes so far.
    expect(await notes('1.3.0', '--root', undated)).toEqual({ code: 0, stdout: '- Not yet.\n', stderr: '' });
  });
});
