// MDX documents run as code: refused unless the registry opts in, and compiled by check.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/core/fs.ts';
import { BASE, TODAY } from '../registry-fixture.ts';

const root = await mkdtemp(join(tmpdir(), 'plexus-mdx-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const FRONT = '---\ntitle: Runbook\npurpose: What to check\nstatus: draft\nversion: 0.1.0\nauthors: [Ada]\n---\n';

async function registry(name: string, files: Record<string, string>) {
  const dir = join(root, name);
  for (const [path, text] of Object.entries({ ...BASE, ...files })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const result = await loadRegistry(dir, { today: TODAY, cwd: root });
  return result.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.code} ${d.message}`);
}

const optedIn = { 'ecosystem.yaml': `${BASE['ecosystem.yaml']}mdx: true\n` };

describe('MDX documents', () => {
  it('are refused while the registry has not opted in', async () => {
    expect(await registry('off', { 'docs/runbook.mdx': `${FRONT}# Runbook\n\n{1 + 1}\n` })).toEqual([
      'off/docs/runbook.mdx:1:1 PLX028 "runbook.mdx" is MDX, which runs as code when the site is built, and this registry has not opted in to MDX.',
    ]);
  });

  it('compile in check once opted in, and pass when they compile', async () => {
    expect(await registry('on', { ...optedIn, 'docs/runbook.mdx': `${FRONT}# Runbook\n\nexport const n = 3;\n\nThe first {n} checks.\n` })).toEqual([]);
  });

  it('report a syntax error at its line and column in the file', async () => {
    expect(await registry('broken', { ...optedIn, 'docs/runbook.mdx': `${FRONT}# Runbook\n\nThe first {n checks.\n\n<ol>\n` })).toEqual([
      expect.stringMatching(/^broken\/docs\/runbook\.mdx:1[01]:\d+ PLX029 The MDX does not compile: /),
    ]);
    const [line] = await registry('unclosed', { ...optedIn, 'docs/runbook.mdx': `${FRONT}# Runbook\n\nText\n\n<div>\n` });
    expect(line).toBe('unclosed/docs/runbook.mdx:12:1 PLX029 The MDX does not compile: Expected a closing tag for `<div>`.');
  });
});
