// Plexus as a team uses it: packed with `npm pack`, a project started with `plexus init` from the
// tarball, the tarball installed there, then check, build, a page in Chromium, an edit, and a
// template and logo of the team's own. Everything happens in one temporary folder.
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launch } from './browser.ts';
import { serve } from './static-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const exec = promisify(execFile);
let temp = '';
let project = '';
let tarball = '';
let browser: Browser;
let gitBefore = '';

/** A clean environment: nothing from the npm or Vitest process running this test leaks into the project's commands. */
const env = () => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? temp,
  PLEXUS_TODAY: '2026-11-22',
  ...(process.env.PLEXUS_CHROMIUM ? { PLEXUS_CHROMIUM: process.env.PLEXUS_CHROMIUM } : {}),
});
const npm = (args: string[]) => exec('npm', args, { cwd: project, env: env(), maxBuffer: 64 << 20 });
// Ignored files are left out: other test files build in the checkout at the same time.
const git = async () => (await exec('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, maxBuffer: 64 << 20 })).stdout;

/** Starts `npx plexus <command>` in the project and waits until `path` answers; returns the page and stops the server. */
async function served(command: string, port: number, path: string): Promise<string> {
  const child = spawn('npx', ['plexus', command, '--port', String(port)], { cwd: project, env: env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  try {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const response = await fetch(`http://localhost:${port}${path}`).catch(() => undefined);
      if (response?.ok) return await response.text();
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`plexus ${command} did not serve ${path}:\n${log}`);
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'plexus-package-'));
  project = join(temp, 'our-registry');
  gitBefore = await git();
  const packed = await exec('npm', ['pack', '--pack-destination', temp, '--json'], { cwd: ROOT, env: env(), maxBuffer: 64 << 20 });
  tarball = join(temp, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await rm(temp, { recursive: true, force: true });
});

describe('Plexus as a package', () => {
  it('ships what a team needs and nothing of its development: no tests, fixtures, benchmarks, scripts or caches', async () => {
    const files = (await exec('tar', ['tzf', tarball], { maxBuffer: 16 << 20 })).stdout.split('\n').filter(Boolean);
    const top = [...new Set(files.map((f) => f.replace(/^package\//, '').split('/')[0]))].sort();
    expect(top).toEqual([
      'LICENSE',
      'README.md',
      'astro.config.mjs',
      'bin',
      'content',
      'lib',
      'package.json',
      'public',
      'schemas',
      'src',
      'templates',
      'tsconfig.json',
    ]);
    expect(files.filter((f) => /\/(test|tests|fixtures|bench|synthetic|\.astro|\.cache|node_modules)\//.test(f))).toEqual([]);
    expect(files).toContain('package/lib/scripts/build.js');
    const pkg = JSON.parse((await exec('tar', ['xzOf', tarball, 'package/package.json'])).stdout);
    expect([pkg.private, pkg.bin, pkg.license, pkg.publishConfig]).toEqual([
      undefined,
      { plexus: 'bin/plexus.mjs' },
      'MIT',
      { access: 'public', provenance: true },
    ]);
  });

  it('starts a project with plexus init from the tarball, before anything is installed', async () => {
    await mkdir(join(temp, 'unpacked'));
    await exec('tar', ['xzf', tarball, '-C', join(temp, 'unpacked')]);
    const init = await exec(process.execPath, [join(temp, 'unpacked', 'package', 'bin', 'plexus.mjs'), 'init', project], { cwd: temp, env: env() });
    expect(init.stdout).toContain('Wrote 13 files into our-registry/: package.json, .gitignore, README.md, .github/workflows/check.yml');
    expect(JSON.parse(await readFile(join(project, 'package.json'), 'utf8'))).toMatchObject({
      name: 'our-registry',
      scripts: { check: 'plexus check', build: 'plexus build', dev: 'plexus dev', preview: 'plexus preview' },
      engines: { node: '>=22.12' },
      dependencies: { plexus: '^0.1.0' },
    });
    // No second Node: the project runs on the Node that runs npm.
    expect(JSON.parse(await readFile(join(project, 'package.json'), 'utf8')).devDependencies).toBeUndefined();
    // A second init refuses the folder it has just filled.
    const again = await exec(process.execPath, [join(temp, 'unpacked', 'package', 'bin', 'plexus.mjs'), 'init', project], { cwd: temp, env: env() }).catch(
      (e) => e,
    );
    expect([again.code, again.stderr]).toEqual([
      2,
      'our-registry is not empty. Start in an empty folder, or add --force to add what is missing (nothing there is replaced).\nUsage: plexus init [DIR] [--example] [--force]\n',
    ]);
  });

  it('writes workflows that check pull requests and deploy main with the official Pages actions, building as a person does', async () => {
    const check = parse(await readFile(join(project, '.github', 'workflows', 'check.yml'), 'utf8'));
    expect(check.on).toHaveProperty('pull_request');
    expect(check.jobs.check.steps.map((s: { run?: string; uses?: string }) => s.run ?? s.uses)).toEqual([
      'actions/checkout@v7',
      'actions/setup-node@v7',
      'if [ -f package-lock.json ]; then npm ci; else npm install; fi',
      'npm run check -- --format github',
    ]);
    const deploy = parse(await readFile(join(project, '.github', 'workflows', 'deploy.yml'), 'utf8'));
    expect(deploy.on.push.branches).toEqual(['main']);
    const steps = deploy.jobs.build.steps as { run?: string; uses?: string; env?: Record<string, string> }[];
    expect(steps.map((s) => s.run ?? s.uses)).toEqual([
      'actions/checkout@v7',
      'actions/setup-node@v7',
      'if [ -f package-lock.json ]; then npm ci; else npm install; fi',
      'actions/configure-pages@v6',
      'actions/cache@v6',
      'npm run build',
      'actions/upload-pages-artifact@v5',
    ]);
    expect(steps.find((s) => s.run === 'npm run build')!.env).toMatchObject({ BASE_PATH: '${{ steps.pages.outputs.base_path }}' });
    expect(deploy.jobs.deploy.steps[0].uses).toBe('actions/deploy-pages@v5');
    // Editors get the installed schemas for each kind of file, with no comment in the files.
    const vscode = JSON.parse(await readFile(join(project, '.vscode', 'settings.json'), 'utf8'));
    expect(vscode['yaml.schemas']['./node_modules/plexus/schemas/repository.schema.json']).toBe('content/repositories/*.yaml');
    const shipped = (await readdir(join(temp, 'unpacked', 'package', 'schemas'))).map((f) => `./node_modules/plexus/schemas/${f}`);
    expect(Object.keys(vscode['yaml.schemas']).every((s) => shipped.includes(s))).toBe(true);
  });

  it('installs from the tarball, checks, builds into the project, and the page opens in Chromium', async () => {
    await npm(['install', tarball, '--no-audit', '--no-fund', '--prefer-offline']);
    expect((await npm(['run', '--silent', 'check'])).stdout).toContain('No problems in 6 files.');
    const built = await npm(['run', '--silent', 'build']);
    expect(built.stdout).toMatch(/Site written to dist\/ in [\d.]+ s/);
    const site = await serve(join(project, 'dist'), '/');
    try {
      const page = await browser.newPage();
      await page.goto(`${site.url}integrations/web-app-to-api/`);
      expect(await page.locator('h1').textContent()).toBe('Web App to API Production');
      expect(await page.locator('.brand').textContent()).toBe('Acme integrations');
      await page.close();
    } finally {
      site.server.close();
    }
  }, 240_000);

  it('rebuilds an edit, and shows a template and a logo of the team’s own', async () => {
    const api = join(project, 'content', 'repositories', 'api.yaml');
    await writeFile(api, (await readFile(api, 'utf8')).replace('name: API', 'name: Orders API'));
    await mkdir(join(project, 'content', 'templates'));
    await writeFile(
      join(project, 'content', 'templates', 'integration.md.hbs'),
      '{{#unless site}}\n# {{title}}\n{{/unless}}\n\n## Runbook\n\nPage {{owner}}.\n',
    );
    await mkdir(join(project, 'content', 'public'));
    await writeFile(join(project, 'content', 'public', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(
      join(project, 'content', 'ecosystem.yaml'),
      `${await readFile(join(project, 'content', 'ecosystem.yaml'), 'utf8')}site:\n  logo: logo.svg\n`,
    );
    await npm(['run', '--silent', 'build']);
    const html = await readFile(join(project, 'dist', 'integrations', 'web-app-to-api', 'index.html'), 'utf8');
    expect(html).toContain('<a href="/repositories/api/">Orders API</a>');
    expect(html).toContain('<h2 id="runbook">Runbook</h2>\n<p>Page Platform.</p>');
    expect(html).toContain('<img class="logo" src="/logo.svg" alt="" height="28">');
    expect(await readFile(join(project, 'dist', 'logo.svg'), 'utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
  }, 240_000);

  it('serves the site live with plexus dev, and the built one with plexus preview', async () => {
    const port = 4800 + (process.pid % 400);
    // Astro's dev server marks elements with their source file: <h1 data-astro-source-file=…>.
    expect(await served('dev', port, '/repositories/api/')).toMatch(/<h1[^>]*>Orders API/);
    expect(await served('preview', port + 1, '/repositories/api/')).toContain('<h1>Orders API');
  }, 180_000);

  it('starts a file from plexus new with a schema comment that leads to the installed schema', async () => {
    await npm(['exec', '--', 'plexus', 'new', 'repository', 'billing', '--team', 'platform']);
    const file = join(project, 'content', 'repositories', 'billing.yaml');
    const first = (await readFile(file, 'utf8')).split('\n')[0]!;
    expect(first).toBe('# yaml-language-server: $schema=../../node_modules/plexus/schemas/repository.schema.json');
    expect(JSON.parse(await readFile(join(project, 'content', 'repositories', first.split('$schema=')[1]!), 'utf8')).type).toBe('object');
    await rm(file);
  });

  it('exports the registry as Markdown and starts a strategy document, from the templates the package ships', async () => {
    // Both once looked for the templates in lib/templates, where the package has none, and stopped: "No templates found".
    const exported = await npm(['exec', '--', 'plexus', 'export', '--md', 'build/docs']);
    expect(exported.stdout).toMatch(/^Wrote \d+ documents to build\/docs\/ \(start at build\/docs\/README\.md\)\.$/m);
    // The package's own README template, and the team's integration template from the test above.
    expect(await readFile(join(project, 'build', 'docs', 'README.md'), 'utf8')).toMatch(/^# Acme integration documentation\n\nGenerated by Plexus/);
    expect(await readFile(join(project, 'build', 'docs', 'integrations', 'web-app-to-api.md'), 'utf8')).toContain('## Runbook\n\nPage Platform.');
    await npm(['exec', '--', 'plexus', 'new', 'strategy', 'checkout', '--integrations', 'web-app-to-api', '--author', 'Ada']);
    const strategy = await readFile(join(project, 'content', 'docs', 'strategy', 'checkout.md'), 'utf8');
    expect(strategy).toMatch(
      /^---\ntitle: "Integration Strategy: Checkout Cross-Component Integration"\npurpose: How Orders API, Web App integrate for Checkout\n/,
    );
    await rm(join(project, 'build'), { recursive: true });
    await rm(join(project, 'content', 'docs', 'strategy', 'checkout.md'));
  }, 120_000);

  it('touched nothing outside its temporary folder', async () => {
    expect(await git()).toBe(gitBefore);
    await expect(readdir(join(ROOT, 'lib'))).rejects.toThrow();
  });
});
