// The comment `plexus new` puts first in a YAML file names the JSON Schema the editor checks it
// against: a path relative to the file that exists, in this repository (schemas/) as in a team's
// project (node_modules/plexus/schemas/, checked by test/e2e/package.test.ts). The comment wins
// over .vscode/settings.json, so a wrong path would leave the file with no completion at all.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/cli/main.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let project = '';

async function run(...args: string[]) {
  const out: string[] = [];
  const code = await runMain(args, { cwd: project, env: { PLEXUS_TODAY: '2026-11-22' }, out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

beforeAll(async () => {
  // Inside the repository (tmp/ is ignored by git), two folders below it as content/ is here.
  await mkdir(join(ROOT, 'tmp'), { recursive: true });
  project = await mkdtemp(join(ROOT, 'tmp', 'new-schema-'));
  expect((await run('init', '.')).code).toBe(0);
});
afterAll(() => rm(project, { recursive: true, force: true }));

describe('plexus new', () => {
  it.each([
    ['repository', 'billing', 'repositories', ['--team', 'platform']],
    ['team', 'payments', 'teams', []],
    ['integration', 'billing-to-api', 'integrations', ['--provider', 'api']],
  ])('starts a %s file with the schema comment of this repository’s schemas/', async (kind, id, folder, args) => {
    expect((await run('new', kind, id, ...args)).code).toBe(0);
    const file = join(project, 'content', folder, `${id}.yaml`);
    const first = (await readFile(file, 'utf8')).split('\n')[0]!;
    expect(first).toBe(`# yaml-language-server: $schema=../../../../schemas/${kind}.schema.json`);
    expect(resolve(dirname(file), first.split('$schema=')[1]!)).toBe(join(ROOT, 'schemas', `${kind}.schema.json`));
    expect(existsSync(join(ROOT, 'schemas', `${kind}.schema.json`))).toBe(true);
  });
});
