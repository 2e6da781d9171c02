// Progress of long work in the build log, so a minute of drawing is not a silent minute.

/** Where progress goes: process.stdout, or a test's stand-in. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  /** `done` of the total are done. */
  update(done: number): void;
  /** The work is over: on a terminal the progress line is cleared, for the line that reports the result. */
  end(): void;
}

/** A terminal's line is rewritten at most this often. */
const REDRAW_MS = 100;
/** Elsewhere (a CI log), a line at each further tenth done, but not within a second of the last... */
const LINE_MS = 1000;
/** ...and one at least this often while the work moves, however slowly. */
const QUIET_MS = 5000;

/**
 * `[plexus] Drawing 534 diagrams… 120/534`. On a terminal, one line rewritten in place; in a log,
 * a line when the work starts, then one at each further tenth done or every few seconds, never one
 * per item. The terminal is told apart by `isTTY`.
 */
export function progress(what: string, total: number, stream: ProgressStream = process.stdout, now: () => number = () => performance.now()): Progress {
  const label = `[plexus] ${what}`;
  const tty = !!stream.isTTY;
  let last = now();
  let shown = 0;
  if (tty) stream.write(`${label} 0/${total}`);
  else stream.write(`${label}\n`);
  return {
    update(done) {
      const t = now();
      if (tty) {
        if (t - last < REDRAW_MS && done < total) return;
        stream.write(`\r\x1b[K${label} ${done}/${total}`);
        last = t;
        return;
      }
      if (done <= shown || done >= total) return;
      const tenth = Math.floor((done * 10) / total) > Math.floor((shown * 10) / total);
      if ((tenth && t - last >= LINE_MS) || t - last >= QUIET_MS) {
        stream.write(`${label} ${done}/${total} (${Math.floor((done * 100) / total)} %)\n`);
        shown = done;
        last = t;
      }
    },
    end() {
      if (tty) stream.write('\r\x1b[K');
    },
  };
}
