// Progress of long work in the build log: in place on a terminal, a few lines in a CI log, never one an item.
import { describe, expect, it } from 'vitest';
import { progress } from '../../src/site/progress.ts';

/** A stream that keeps what is written, and a clock the test moves. */
function setup(isTTY: boolean) {
  const written: string[] = [];
  let now = 0;
  const stream = { isTTY, write: (text: string) => written.push(text) };
  return { written, stream, clock: () => now, tick: (ms: number) => (now += ms) };
}

describe('progress', () => {
  it('rewrites one line in place on a terminal, at most every 100 ms, and clears it at the end', () => {
    const { written, stream, clock, tick } = setup(true);
    const p = progress('Drawing 534 diagrams…', 534, stream, clock);
    for (let done = 8; done <= 534; done += 8) {
      tick(30);
      p.update(done);
    }
    p.update(534);
    p.end();
    expect(written[0]).toBe('[plexus] Drawing 534 diagrams… 0/534');
    expect(written[1]).toBe('\r\x1b[K[plexus] Drawing 534 diagrams… 32/534');
    expect(written.at(-2)).toBe('\r\x1b[K[plexus] Drawing 534 diagrams… 534/534');
    expect(written.at(-1)).toBe('\r\x1b[K');
    expect(written.every((w) => !w.includes('\n'))).toBe(true);
    // 66 batches in 2 s: a redraw every ~100 ms, not one a batch.
    expect(written.length).toBeLessThan(25);
  });

  it('writes a line when work starts, then one at each further tenth, not within a second of the last', () => {
    const { written, stream, clock, tick } = setup(false);
    const p = progress('Drawing 534 diagrams…', 534, stream, clock);
    // 534 diagrams, 8 at a time, 270 ms a batch: 18 s.
    for (let done = 8; done < 534; done += 8) {
      tick(270);
      p.update(done);
    }
    p.update(534);
    p.end();
    expect(written).toEqual([
      '[plexus] Drawing 534 diagrams…\n',
      '[plexus] Drawing 534 diagrams… 56/534 (10 %)\n',
      '[plexus] Drawing 534 diagrams… 112/534 (20 %)\n',
      '[plexus] Drawing 534 diagrams… 168/534 (31 %)\n',
      '[plexus] Drawing 534 diagrams… 216/534 (40 %)\n',
      '[plexus] Drawing 534 diagrams… 272/534 (50 %)\n',
      '[plexus] Drawing 534 diagrams… 328/534 (61 %)\n',
      '[plexus] Drawing 534 diagrams… 376/534 (70 %)\n',
      '[plexus] Drawing 534 diagrams… 432/534 (80 %)\n',
      '[plexus] Drawing 534 diagrams… 488/534 (91 %)\n',
    ]);
  });

  it('in a log, says nothing more of quick work than that it started', () => {
    const { written, stream, clock, tick } = setup(false);
    const p = progress('Drawing 6 diagrams…', 6, stream, clock);
    for (let done = 1; done <= 6; done++) {
      tick(100);
      p.update(done);
    }
    p.end();
    expect(written).toEqual(['[plexus] Drawing 6 diagrams…\n']);
  });

  it('in a log, still writes every five seconds while slow work moves, and not while it does not', () => {
    const { written, stream, clock, tick } = setup(false);
    const p = progress('Drawing 100 diagrams…', 100, stream, clock);
    tick(6000);
    p.update(1);
    tick(6000);
    p.update(1);
    tick(6000);
    p.update(2);
    expect(written).toEqual([
      '[plexus] Drawing 100 diagrams…\n',
      '[plexus] Drawing 100 diagrams… 1/100 (1 %)\n',
      '[plexus] Drawing 100 diagrams… 2/100 (2 %)\n',
    ]);
  });
});
