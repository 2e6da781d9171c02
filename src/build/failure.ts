// What a failed build prints: one line saying what failed, where, and that the site folder is as
// it was. A stack trace tells a registry's author nothing they can act on, so it shows only with
// --debug or PLEXUS_DEBUG=1. Astro reports a page that throws itself (an `[ERROR]` line, with the
// stack or the whole multi-line message) before the build rejects with the same error: those
// reports are held back, and the page they name goes into the one line.
import { stripVTControlCharacters } from 'node:util';
import { describeFsError } from '../core/fs-errors.ts';

/** Whether stack traces are wanted: `--debug` (npm run build -- --debug; plexus build --debug passes it on as PLEXUS_DEBUG) or PLEXUS_DEBUG=1. */
export const wantsDebug = (argv: readonly string[], env: Record<string, string | undefined>) => argv.includes('--debug') || !!env.PLEXUS_DEBUG;

/** A stack frame as V8 prints it, with or without a file: `at f (file:1:2)`, `at Array.join (<anonymous>)`, `at async Promise.all (index 0)`. */
const FRAME = /^\s+at\s/;
/** Astro's logger's error report: `12:00:01 [ERROR] …`, coloured on a terminal. */
const ASTRO_ERROR = /^[\d:]*\s*\[ERROR\]/;
const RENDERING = /Caught error rendering (\S+?):/;

/** Text without its stack frames. */
export const withoutFrames = (text: string) =>
  text
    .split('\n')
    .filter((line) => !FRAME.test(line))
    .join('\n');

/** An error in a few words: its first line, its kind when that says something (`RangeError`), an errno in words. */
function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  if (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code) && typeof e.path === 'string') return `Cannot use ${e.path}: ${describeFsError(error)}.`;
  const message = (error instanceof Error ? error.message : String(error)).trim().split('\n')[0]!.trim() || 'an unexpected error';
  const kind = error instanceof Error && error.name !== 'Error' && /^[A-Z]\w*Error$/.test(error.name) ? `${error.name}: ` : '';
  const line = `${kind}${message.length > 300 ? `${message.slice(0, 300)}…` : message}`;
  return /[.!?…]$/.test(line) ? line : `${line}.`;
}

/** The one line a failed build prints; `page` is the page Astro said failed, when it said. */
export function failureLine(error: unknown, where: { dist: string; page?: string; debug?: boolean }): string {
  const page = where.page ? `${where.page}: ` : '';
  return `The site build failed; ${where.dist}/ is unchanged. ${page}${describe(error)}${where.debug ? '' : ' Run again with --debug to see where.'}`;
}

export interface QuietOutput {
  /** The page Astro last reported failing, if it did. */
  failedPage(): string | undefined;
  /** Astro's error reports held back, without their stack frames: printed after a build that still succeeded. */
  held(): string[];
}

/**
 * Watches what the build writes to `streams` from now on, for the page Astro reports failing.
 * Unless debugging, stack frames are dropped and Astro's error reports held back (the failure
 * line says what they said, in one line); with --debug everything passes as written.
 */
export function quietOutput(debug = false, streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): QuietOutput {
  const held: string[] = [];
  let page: string | undefined;
  for (const stream of streams) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'string') return write(chunk, ...rest);
      const plain = stripVTControlCharacters(chunk);
      const report = ASTRO_ERROR.test(plain);
      if (report) page = RENDERING.exec(plain)?.[1] ?? page;
      if (debug) return write(chunk, ...rest);
      if (!report) return write(chunk.includes(' at ') ? withoutFrames(chunk) : chunk, ...rest);
      held.push(withoutFrames(chunk));
      // A writer waiting on its callback is told the chunk went, as it would have.
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    }) as typeof stream.write;
  }
  return { failedPage: () => page, held: () => held };
}
