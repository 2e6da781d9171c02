// Building a registry's site in an e2e test as `npm run build` does: scripts/build.ts from the
// project, the registry and output given as PLEXUS_CONTENT and PLEXUS_DIST, quiet.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withoutViteEnv } from '../../scripts/clean-env.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Builds the registry in `content` into `dir/dist`, its diagram cache in `dir/cache`; `env` adds or overrides (BASE_PATH, PLEXUS_CHROMIUM). */
export async function buildRegistrySite(content: string, dir: string, today: string, env: Record<string, string> = {}): Promise<void> {
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    cwd: ROOT,
    env: {
      ...withoutViteEnv(),
      PLEXUS_CONTENT: content,
      PLEXUS_DIST: join(dir, 'dist'),
      PLEXUS_CACHE: join(dir, 'cache'),
      PLEXUS_TODAY: today,
      PLEXUS_QUIET: '1',
      ...env,
    },
    maxBuffer: 256 << 20,
  });
}

/** The `<main>` of a built page: what a test asserts, without the header and footer every page has. */
export async function mainOf(dist: string, path: string): Promise<string> {
  const html = await readFile(join(dist, path, 'index.html'), 'utf8');
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}
