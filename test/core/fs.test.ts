// The one rule for what Plexus reads from a registry folder on disk: regular files whose real
// path is inside it. Links out, pipes and unreadable files are diagnostics, never reads or hangs.
import { execFile, execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/core/fs.ts';
import { BASE, TODAY } from '../registry-fixture.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-fs-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function registry(name: string): Promise<string> {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(BASE)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

const codes = (result: Awaited<ReturnType<typeof loadRegistry>>) => result.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`);

describe('reading a registry folder', () => {
  it('refuses a template that links out of the registry and does not read it', async () => {
    const dir = await registry('link-out');
    await mkdir(join(dir, 'templates'));
    await writeFile(join(root, 'secret.txt'), 'TOP SECRET');
    await symlink(join(root, 'secret.txt'), join(dir, 'templates', 'registry.md.hbs'));
    const result = await loadRegistry(dir, { today: TODAY, cwd: root });
    expect(codes(result)).toEqual([
      'link-out/templates/registry.md.hbs:1:1 PLX027 "templates/registry.md.hbs" is a symbolic link that leads out of the registry folder; it was not read.',
    ]);
    expect(result.model.templates.size).toBe(0);
  });

  it('reads a link whose target is inside the registry, like the file itself', async () => {
    const dir = await registry('link-in');
    await mkdir(join(dir, 'templates'));
    await writeFile(join(dir, 'shared.hbs'), '# {{ecosystem}}\n');
    await symlink(join(dir, 'shared.hbs'), join(dir, 'templates', 'patterns.md.hbs'));
    const result = await loadRegistry(dir, { today: TODAY, cwd: root });
    expect(codes(result)).toEqual([]);
    expect(result.model.templates.get('patterns.md.hbs')?.text).toBe('# {{ecosystem}}\n');
  });

  it('reports a dangling link and a link to an entity outside, without cascading references', async () => {
    const dir = await registry('dangling');
    await symlink(join(root, 'nowhere.yaml'), join(dir, 'teams', 'ghost.yaml'));
    await writeFile(join(root, 'outside-team.yaml'), 'name: Outside\nlead: Eve\n');
    await rm(join(dir, 'teams', 'core.yaml'));
    await symlink(join(root, 'outside-team.yaml'), join(dir, 'teams', 'core.yaml'));
    const result = await loadRegistry(dir, { today: TODAY, cwd: root });
    expect(codes(result)).toEqual([
      'dangling/teams/core.yaml:1:1 PLX027 "teams/core.yaml" is a symbolic link that leads out of the registry folder; it was not read.',
      'dangling/teams/ghost.yaml:1:1 PLX027 "teams/ghost.yaml" is a symbolic link to nothing.',
    ]);
  });

  it('refuses a named pipe instead of blocking on it', async () => {
    const dir = await registry('fifo');
    execFileSync('mkfifo', [join(dir, 'teams', 'pipe.yaml')]);
    const result = await loadRegistry(dir, { today: TODAY, cwd: root });
    expect(codes(result)).toEqual(['fifo/teams/pipe.yaml:1:1 PLX027 "teams/pipe.yaml" is not a regular file (a pipe, socket or device); it was not read.']);
  });

  it('reports a file it may not read (EACCES) as a diagnostic, as a user without root', async () => {
    const dir = await registry('unreadable');
    await chmod(join(dir, 'teams', 'core.yaml'), 0o000);
    for (const d of [root, dir, ...(await readdir(dir)).map((n) => join(dir, n))]) await chmod(d, 0o755).catch(() => {});
    await chmod(join(dir, 'teams', 'core.yaml'), 0o000);
    // Root reads anything: run the reader as "nobody" then, as a user would meet it.
    const script = `import { loadRegistry } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'src', 'core', 'fs.ts'))};
      const r = await loadRegistry(${JSON.stringify(dir)}, { today: '${TODAY}', cwd: ${JSON.stringify(root)} });
      console.log(JSON.stringify(r.diagnostics.map((d) => d.file + ':' + d.line + ':' + d.col + ' ' + d.code + ' ' + d.message)));`;
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: tmpdir(), ...asNobody });
    expect(JSON.parse(stdout)).toEqual(['unreadable/teams/core.yaml:1:1 PLX026 "teams/core.yaml" cannot be read: permission denied.']);
  });
});
