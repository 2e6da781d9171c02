// Astro's build log, made readable. Astro writes each page's route (`12:00:01   ├─ /404.html`)
// without ending the line, and ends it with the page's time (` (+11ms) `) when the page is
// written. Pages render four at a time, so the pieces interleave: routes run together on one
// line (`├─ /404.html12:00:01   ├─ /data/index.html…`) and the times of the others stand alone on
// lines of their own. Each route now ends its line, and the times, which cannot be told apart, go.
import { stripVTControlCharacters } from 'node:util';

/** A route Astro is writing: `12:00:01   ├─ /404.html`, coloured on a terminal, without a newline. */
const ROUTE = /^[\d:]*\s+[├└]─ \S/;
/** A page's time, or that it came from Astro's cache, ending the line of a route: ` (+11ms) `, ` (+1.20s) `, ` (cached)`. */
const TIME = /^\s*\((?:\+[\d.]+m?s|cached|restored)\)\s*/;

/** What to write instead of `chunk`: the same, a route with its newline, what follows a time, or nothing. */
export function tidyChunk(chunk: string): string {
  const plain = stripVTControlCharacters(chunk);
  if (ROUTE.test(plain)) return chunk.endsWith('\n') ? chunk : `${chunk}\n`;
  const time = TIME.exec(plain);
  if (!time) return chunk;
  // Anything after the time (Astro's "(file not created, response body was empty)") keeps a line of its own.
  const rest = plain.slice(time[0].length).trimEnd();
  return rest ? `  ${rest}\n` : '';
}

/** Rewrites what is written to `streams` from now on through tidyChunk. */
export function tidyAstroLog(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk !== 'string') return write(chunk, ...rest);
      const tidy = tidyChunk(chunk);
      if (tidy !== '') return write(tidy, ...rest);
      // A writer waiting on its callback is told the chunk went, as it would have.
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (done) process.nextTick(done);
      return true;
    }) as typeof stream.write;
  }
}
