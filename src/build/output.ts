// Where a build writes: a store beside the site folder, switched in whole; one build at a time per checkout.
export const ensureStore = (dist: string) => mkdir(storeOf(dist), { recursive: true });
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, readlink, realpath, rename, rm, stat, symlink, unlink } from 'node:fs/promises';
import { rmSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** Written into every site Plexus builds, so a later build knows the folder is its to replace. */
export const SITE_MARKER = '.plexus-site';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the build lock of a checkout, waiting while another live build holds it (a lock left by
 * a killed build is taken over). Returns a release function; the lock also goes on exit.
 */
export async function acquireLock(file: string, say: (line: string) => void, timeoutMs = 15 * 60_000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      await handle.writeFile(String(process.pid));
      await handle.close();
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        try {
          unlinkSync(file);
        } catch {}
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      await unlink(file).catch(() => {}); // left by a build that was killed
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(
        `Another build (process ${holder}) has held ${file} for ${Math.round(timeoutMs / 60_000)} minutes; stop it, or delete the file if no build is running.`,
      );
    if (!told) say(`Another build (process ${holder}) is running in this checkout; waiting for it to finish…`);
    told = true;
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * The site folder is a symbolic link into a store beside it (`.dist.builds/`), because replacing
 * a link with rename(2) is atomic and replacing a folder is not: at every moment `dist` is the
 * old site or the new one. Builds write into the store and the link is switched when one is done.
 */
export const storeOf = (dist: string) => join(dirname(dist), `.${basename(dist)}.builds`);
export const stagingOf = (dist: string) => join(storeOf(dist), `staging-${process.pid}`);

/** The store folder `dist` links to now, if it is a link into the store. */
async function current(dist: string): Promise<string | undefined> {
  const target = await readlink(dist).catch(() => undefined);
  if (target === undefined) return undefined;
  const absolute = resolve(dirname(dist), target);
  return dirname(absolute) === storeOf(dist) ? absolute : undefined;
}

/** Removes from the store what killed builds left: everything `dist` does not link to. Call with the lock held. */
export async function tidyAfterKilledBuilds(dist: string): Promise<string[]> {
  const store = storeOf(dist);
  const keep = await current(dist);
  const left = (await readdir(store).catch(() => [] as string[])).map((n) => join(store, n)).filter((p) => p !== keep);
  await Promise.all(left.map((p) => rm(p, { recursive: true, force: true, maxRetries: 5 })));
  return left;
}

/** Whether `dir` is missing, empty, or a site Plexus built: the only folders a build may replace. */
export async function mayReplace(dir: string): Promise<{ ok: boolean; reason?: string }> {
  const info = await lstat(dir).catch(() => undefined);
  if (!info) return { ok: true };
  if (info.isSymbolicLink()) return (await current(dir)) ? { ok: true } : { ok: false, reason: 'is a symbolic link Plexus did not make' };
  if (!info.isDirectory()) return { ok: false, reason: 'is a file, not a folder' };
  const names = await readdir(dir);
  if (names.length === 0 || names.includes(SITE_MARKER)) return { ok: true };
  // Sites built before the marker existed: Astro's output with Pagefind's index.
  if (names.includes('index.html') && (await stat(join(dir, 'pagefind', 'pagefind-entry.json')).catch(() => undefined))) return { ok: true };
  return { ok: false, reason: 'holds files that Plexus did not build' };
}

/**
 * Makes the finished `staging` folder the site: it is renamed to its place in the store, a new
 * link to it is renamed over `dist` (atomic), then the previous build is deleted. A `dist` that
 * is still a real folder (from an older Plexus) is moved into the store first, once.
 */
export async function swapIn(staging: string, dist: string): Promise<void> {
  const store = storeOf(dist);
  const site = join(store, `site-${process.pid}-${Date.now()}`);
  await rename(staging, site);
  const info = await lstat(dist).catch(() => undefined);
  const link = `${dist}.link-${process.pid}`;
  await rm(link, { force: true });
  await symlink(relative(dirname(dist), site), link);
  if (info?.isDirectory()) await rename(dist, join(store, `previous-${process.pid}`));
  await rename(link, dist);
  await Promise.all(
    (await readdir(store))
      .map((n) => join(store, n))
      .filter((p) => p !== site)
      .map((p) => rm(p, { recursive: true, force: true, maxRetries: 5 })),
  );
}

/**
 * Deletes a failed build's staging folder. Pages still rendering when another failed keep writing
 * into it for a moment (deleting it then gave ENOTEMPTY), so delete until it stays gone.
 */
export async function removeWhenQuiet(dir: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince: number | undefined;
  while (Date.now() < deadline) {
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }).catch(() => {});
    const gone = !(await lstat(dir).then(
      () => true,
      () => false,
    ));
    if (!gone) quietSince = undefined;
    else if (quietSince === undefined) quietSince = Date.now();
    else if (Date.now() - quietSince >= 300) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Deletes a staging folder on the way out, synchronously (for exit and signal handlers). */
export function removeNow(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  } catch {}
}

/** The real path of `path`, whose last part (or folder) may not exist yet: for comparing places. */
export async function realTarget(path: string): Promise<string> {
  return realpath(path).catch(async () => join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path)));
}

/** Whether two paths are the same folder or one holds the other. */
export function overlaps(a: string, b: string): boolean {
  const within = (x: string, y: string) => x === y || x.startsWith(y.endsWith(sep) ? y : y + sep);
  return within(a, b) || within(b, a);
}

/**
 * A working folder for one build, under Plexus's own folder: `root/.astro/build-<pid>/`.
 * Astro keeps the prerender bundle of a site written outside its working folder in
 * `<cwd>/.astro/.prerender/` and deletes that folder when it is done, so two builds from one
 * Plexus folder to outside targets (a team's dist/, a test's temporary folder) would share it
 * and delete it under each other. Working from a folder of its own, each build has its own
 * bundle, still under Plexus's folder so it resolves Plexus's packages. Folders left by builds
 * that were killed are removed here.
 */
export async function buildWorkFolder(root: string): Promise<string> {
  const parent = join(root, '.astro');
  const left = (await readdir(parent).catch(() => [] as string[])).filter((n) => {
    const pid = Number(/^build-(\d+)$/.exec(n)?.[1]);
    return pid > 0 && pid !== process.pid && !alive(pid);
  });
  await Promise.all(left.map((n) => rm(join(parent, n), { recursive: true, force: true, maxRetries: 5 })));
  const folder = join(parent, `build-${process.pid}`);
  await mkdir(folder, { recursive: true });
  return folder;
}
