import { access, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { readSources } from '../core/fs.ts';
import { MAX_ASSET_BYTES } from '../core/decode.ts';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

/** Content types of the files a registry publishes, by extension. */
export const ASSET_TYPES: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/**
 * The files of a registry's `public/` folder, read by the one rule for registry files: regular
 * files whose real path is inside the folder; a link leading out is a problem, never a read.
 */
export async function registryAssets(contentDir: string): Promise<{ files: Map<string, Uint8Array>; problems: string[] }> {
  const dir = join(contentDir, 'public');
  if (!(await exists(dir))) return { files: new Map(), problems: [] };
  const sources = await readSources(dir, contentDir, () => MAX_ASSET_BYTES);
  return {
    files: new Map(sources.filter((s) => !s.problem).map((s) => [s.path, s.bytes])),
    problems: sources.flatMap((s) => (s.problem ? [formatDiagnostic(s.problem)] : [])),
  };
}

/**
 * Publishes a registry's `public/` files into the built site: a favicon or a logo replaces
 * Plexus's own file of that name; a file that would replace a page Plexus built is left out.
 */
export async function publishAssets(contentDir: string, outDir: string, plexusPublic: string): Promise<{ published: number; skipped: string[] }> {
  const { files, problems } = await registryAssets(contentDir);
  const own = new Set(await readdir(plexusPublic, { recursive: true }).catch(() => [] as string[]));
  const skipped = [...problems];
  let published = 0;
  for (const [path, bytes] of files) {
    const target = join(outDir, path);
    if ((await exists(target)) && !own.has(path)) {
      skipped.push(`public/${path} would replace a page or file Plexus built; it was left out.`);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes);
    published++;
  }
  return { published, skipped };
}

export const assetType = (path: string) => ASSET_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
