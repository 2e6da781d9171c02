import { terminalSafe } from '../core/diagnostics.ts';

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
}

/**
 * The real terminal. Messages (stderr) never carry control characters from registry text;
 * results (stdout) are escaped too when they go to a terminal, and left as data when piped.
 */
export const processIo = (): Io => ({
  cwd: process.cwd(),
  env: process.env,
  out: (text) => process.stdout.write(`${process.stdout.isTTY ? terminalSafe(text) : text}\n`),
  err: (text) => process.stderr.write(`${terminalSafe(text)}\n`),
});

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export class UsageError extends Error {}
