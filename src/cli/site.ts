// plexus build | dev | preview: the site of the registry in the current folder, built from
// Plexus's own Astro project, written to the user's dist/ with caches in the user's folder.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { plexusRoot } from '../site/root.ts';
import { CONTENT_OPTION, contentDir } from './check.ts';
import { type Command, NO_ARGS, type OptionSpec } from './command.ts';
import { EXIT, type Io, UsageError } from './io.ts';

const root = plexusRoot(import.meta.dirname);
/** scripts/build.ts in a checkout; its compiled lib/scripts/build.js in the installed package. */
const buildScript = import.meta.filename.endsWith('.ts') ? join(root, 'scripts', 'build.ts') : join(root, 'lib', 'scripts', 'build.js');

function requireNode(): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12))
    throw new UsageError(
      `The site needs Node 22.12 or newer; this is Node ${process.versions.node}. Run it through npm (npm run build, npx plexus build) in a project whose package.json pins Node, as plexus init writes it.`,
    );
}

/** Where the site's files go for the registry in the current folder: the user's, never Plexus's. */
async function settings(values: Record<string, string | boolean | undefined>, io: Io) {
  return {
    PLEXUS_CONTENT: await contentDir(values.content, io),
    PLEXUS_DIST: resolve(io.cwd, typeof values.out === 'string' ? values.out : (io.env.PLEXUS_DIST ?? 'dist')),
    PLEXUS_CACHE: resolve(io.cwd, io.env.PLEXUS_CACHE ?? join('.cache', 'plexus')),
  };
}

/** Runs a Node program with the registry's settings, its output on this terminal; resolves to its exit code. */
function run(args: string[], env: Record<string, string>, io: Io): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: io.cwd, env: { ...io.env, ...env }, stdio: 'inherit' });
    child.on('error', (error) => {
      io.err(`Could not start ${args[0]}: ${error.message}`);
      done(EXIT.usage);
    });
    // A child stopped by a signal exits as shells report it: 128 + the signal's number.
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : EXIT.usage)));
  });
}

/** `--port N` and `--host [ADDR]` passed on to Astro, when given (`--host` alone: every address). */
export const serverArgs = (values: Record<string, string | boolean | undefined>) => [
  ...(typeof values.port === 'string' ? ['--port', values.port] : []),
  ...(typeof values.host === 'string' ? ['--host', ...(values.host ? [values.host] : [])] : []),
];

/** Astro's own command, as installed beside Plexus. */
const astro = () => join(dirname(createRequire(join(root, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
const OUT_OPTION: OptionSpec = { type: 'string', value: 'DIR', description: 'the site folder', default: '$PLEXUS_DIST, else dist' };
const SERVER_OPTIONS: Record<string, OptionSpec> = {
  port: { type: 'string', value: 'N', description: 'the port to serve on', default: '4321' },
  host: {
    type: 'string',
    value: 'ADDR',
    optionalValue: true,
    description: 'the address to listen on; --host alone: every address, for other machines on the network',
    default: 'localhost',
  },
};

export const build: Command = {
  summary: 'Check the registry and build its site into dist/ (switched in only when the build succeeds).',
  usage: 'plexus build [--content DIR] [--out DIR]',
  args: NO_ARGS,
  options: { content: CONTENT_OPTION, out: OUT_OPTION },
  env: ['PLEXUS_CONTENT', 'PLEXUS_DIST', 'PLEXUS_CACHE', 'PLEXUS_TODAY', 'PLEXUS_CHROMIUM', 'SITE_URL', 'BASE_PATH', 'PLEXUS_QUIET'],
  async run({ values }, io) {
    requireNode();
    return run([buildScript], await settings(values, io), io);
  },
};

export const dev: Command = {
  summary: 'Serve the site live: an edit to the registry re-checks it and reloads the page.',
  usage: 'plexus dev [--content DIR] [--port N] [--host [ADDR]]',
  args: NO_ARGS,
  options: { content: CONTENT_OPTION, ...SERVER_OPTIONS },
  env: ['PLEXUS_CONTENT', 'PLEXUS_CACHE', 'PLEXUS_TODAY', 'PLEXUS_CHROMIUM', 'SITE_URL', 'BASE_PATH'],
  async run({ values }, io) {
    requireNode();
    const env = await settings(values, io);
    return run([astro(), 'dev', '--root', root, ...serverArgs(values)], env, io);
  },
};

export const preview: Command = {
  summary: 'Serve the built site (dist/) locally.',
  usage: 'plexus preview [--out DIR] [--port N] [--host [ADDR]]',
  args: NO_ARGS,
  options: { out: OUT_OPTION, ...SERVER_OPTIONS },
  env: ['PLEXUS_DIST', 'SITE_URL', 'BASE_PATH'],
  async run({ values }, io) {
    requireNode();
    const out = resolve(io.cwd, typeof values.out === 'string' ? values.out : (io.env.PLEXUS_DIST ?? 'dist'));
    if (!existsSync(join(out, 'index.html'))) throw new UsageError(`No built site in ${out}: run plexus build first.`);
    return run([astro(), 'preview', '--root', root, ...serverArgs(values)], { PLEXUS_OUT_DIR: out }, io);
  },
};
