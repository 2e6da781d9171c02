import { paint, terminalSafe } from '../core/diagnostics.ts';

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
  /** Where long work shows its progress (the terminal's stderr); none when left out, as in tests. */
  progress?: OutputStream;
}

/** An output stream as the terminal Io needs it: process.stdout, or a test's stand-in. */
export interface OutputStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Whether what goes to `stream` is coloured: FORCE_COLOR forces it (FORCE_COLOR=0 or false
 * forbids it), else NO_COLOR (set and not empty) forbids it, else only a terminal that is not dumb.
 */
export function wantsColour(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return !!stream.isTTY && env.TERM !== 'dumb';
}

/**
 * A terminal. Messages (stderr) never carry control characters from registry text; results
 * (stdout) are escaped too when they go to a terminal, and left as data when piped. Colour, when
 * wanted (wantsColour), is added after the escaping, so only Plexus's own sequences reach the terminal.
 */
export function terminalIo(stdout: OutputStream, stderr: OutputStream, env: Record<string, string | undefined>, cwd: string): Io {
  const colour = { out: wantsColour(stdout, env), err: wantsColour(stderr, env) };
  return {
    cwd,
    env,
    progress: stderr,
    out: (text) => {
      const safe = stdout.isTTY ? terminalSafe(text) : text;
      stdout.write(`${colour.out ? paint(safe) : safe}\n`);
    },
    err: (text) => {
      const safe = terminalSafe(text);
      stderr.write(`${colour.err ? paint(safe) : safe}\n`);
    },
  };
}

/** The real terminal. */
export const processIo = (): Io => terminalIo(process.stdout, process.stderr, process.env, process.cwd());

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {}
