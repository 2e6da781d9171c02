import { resolve } from 'node:path';
import { loadRegistry } from '../core/fs.ts';

/** The registry the site is built from: PLEXUS_CONTENT, or `content/`. Read once per build. */
export const contentDir = resolve(process.env.PLEXUS_CONTENT ?? 'content');
const result = await loadRegistry(contentDir, { today: process.env.PLEXUS_TODAY });
export const model = result.model;
export const diagnostics = result.diagnostics;
