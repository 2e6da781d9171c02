// npm run dev takes a burst of saves together, and reads again a save it read half-written.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveBatches } from '../../src/site/save-batches.ts';

// Fake timers: the batches' timing is exact, whatever the machine's load.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('saveBatches', () => {
  it('runs once for a burst of saves, with each file once, after the burst is quiet', async () => {
    const runs: string[][] = [];
    const save = saveBatches(async (files) => void runs.push(files), { quietMs: 20, settleMs: 30, stampOf: async () => 'same' });
    save('a.yaml');
    await pass(5);
    save('b.yaml');
    save('a.yaml');
    expect(runs).toEqual([]);
    await pass(100);
    expect(runs).toEqual([['a.yaml', 'b.yaml']]);
  });

  it('runs again for a file that changed after it was read, and only for it', async () => {
    const stamps = new Map([
      ['a.yaml', 'truncated'],
      ['b.yaml', 'whole'],
    ]);
    const runs: string[][] = [];
    const save = saveBatches(
      async (files) => {
        runs.push(files);
        // The rest of a's save lands while it is read; the watcher reports no further change.
        stamps.set('a.yaml', 'written');
      },
      { quietMs: 10, settleMs: 30, stampOf: async (f) => stamps.get(f)! },
    );
    save('a.yaml');
    save('b.yaml');
    await pass(150);
    expect(runs).toEqual([['a.yaml', 'b.yaml'], ['a.yaml']]);
  });

  it('runs one batch at a time, in order', async () => {
    const log: string[] = [];
    const save = saveBatches(
      async (files) => {
        log.push(`start ${files}`);
        await sleep(40);
        log.push(`end ${files}`);
      },
      { quietMs: 5, settleMs: 10, stampOf: async () => 'same' },
    );
    save('a.yaml');
    await pass(15);
    save('b.yaml');
    await pass(150);
    expect(log).toEqual(['start a.yaml', 'end a.yaml', 'start b.yaml', 'end b.yaml']);
  });
});
