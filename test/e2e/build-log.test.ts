// `plexus build` as CI runs it (output piped to a log): it says how far the drawing is, prints one
// route a line with no lines of times alone, and does not re-optimise Vite's dependencies because
// the registry is another than the last build's.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { withoutViteEnv } from '../../scripts/clean-env.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BOOKSHOP = join(ROOT, 'test', 'fixtures', 'bookshop');
const dir = await mkdtemp(join(tmpdir(), 'plexus-log-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

// A log, as CI keeps it: no colour asked for, no stack traces.
const { FORCE_COLOR: _colour, PLEXUS_DEBUG: _debug, ...env } = withoutViteEnv();

/** `plexus build --content CONTENT`, with a diagram cache of its own (so every diagram is drawn); stdout and stderr as one log. */
async function build(content: string, cache: string) {
  const result = await promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'plexus.ts'), 'build', '--content', content, '--out', join(dir, 'dist')], {
    cwd: dir,
    env: { ...env, PLEXUS_CACHE: join(dir, cache), PLEXUS_TODAY: '2026-11-22' },
    maxBuffer: 64 << 20,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, log: stdout + stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, log: e.stdout + e.stderr }),
  );
  // Astro colours its log where CI is set (as GitHub's log shows colour): read the text, not the colours.
  return { code: result.code, lines: result.log.split('\n').map((l) => stripVTControlCharacters(l)) };
}

describe('the build log', () => {
  it('reports drawing progress, one route a line, no lone times, and no re-optimising for another registry', async () => {
    // The last build (of anyone) may have been of another registry: this one sets the scene.
    expect((await build(BOOKSHOP, 'cache-1')).code).toBe(0);
    // The same registry in another folder: its path is all that differs.
    await cp(BOOKSHOP, join(dir, 'bookshop'), { recursive: true });
    const { code, lines } = await build(join(dir, 'bookshop'), 'cache-2');
    expect(code).toBe(0);
    // The bookshop's diagrams are all generated, drawn in Node (issue 24): nothing for Chromium to draw, so no progress
    // to report (test/diagrams/render.test.ts has the progress of hand-written ones).
    expect(lines.filter((l) => l.startsWith('[plexus] Drawing'))).toEqual([]);
    // The line counts hand-written diagrams and says so: "Diagrams: 0 drawings" read as if the site had none.
    expect(lines.filter((l) => /^\[plexus\] (Hand-written d|D)iagrams: /.test(l))).toEqual([
      expect.stringMatching(/^\[plexus\] Hand-written diagrams: 0 drawings, 0 from cache, 0 drawn in \d+ ms\.$/),
    ]);
    const routes = lines.filter((l) => /[├└]─/.test(l));
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((l) => !/^\d\d:\d\d:\d\d {3}[├└]─ \/\S*$/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^\s*\(\+[\d.]+m?s\)\s*$/.test(l))).toEqual([]);
    expect(lines.filter((l) => /Re-optimizing|optimized dependencies changed/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^Site written to dist\/ in [\d.]+ s /.test(l))).toHaveLength(1);
  }, 180_000);
});
