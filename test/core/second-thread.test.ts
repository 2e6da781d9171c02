// Large YAML work is shared with a second thread (src/core/second-thread.ts): what comes back is
// what one thread gives, in the items' order, whichever thread did each item.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { onBothThreads } from '../../src/core/second-thread.ts';
import { YAML_TASKS } from '../../src/core/yaml-tasks.ts';

const entity = (i: number) => `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-${i}\nspec:\n  type: team\n`;
/** 200 catalog files of 20 documents each; every 17th file has a syntax error, every 23rd an empty document. */
const files = Array.from({ length: 200 }, (_, f) => {
  const docs = Array.from({ length: 20 }, (_, d) => entity(f * 20 + d));
  if (f % 23 === 0) docs.splice(3, 0, '# nothing here\n');
  if (f % 17 === 0) docs.push('kind: [unclosed\n');
  return docs.join('---\n');
});
const twoCores = availableParallelism() >= 2;

describe('onBothThreads', () => {
  it.skipIf(!twoCores)('gives what one thread gives for catalog files, in order, with both threads taking files', async () => {
    const tally = { here: 0, there: 0 };
    const shared = await onBothThreads('stream', files, true, tally);
    expect(shared).toEqual(files.map(YAML_TASKS.stream));
    expect(shared[17]).toBeUndefined();
    expect(shared[23]).toHaveLength(20);
    expect(tally.here + tally.there).toBe(200);
    expect(tally.there).toBeGreaterThan(0);
  });

  it.skipIf(!twoCores)('prints new entities as one thread does', async () => {
    const data = Array.from({ length: 4000 }, (_, i) => ({
      name: `Team ${i}`,
      description: i % 2 ? 'yes' : '0x10',
      imported: { from: 'backstage', fields: ['name'] },
    }));
    // Whether the worker starts in time to take some depends on the machine: only the result is fixed.
    expect(await onBothThreads('text', data, true)).toEqual(data.map(YAML_TASKS.text));
  });

  it('does small work here, without a worker', async () => {
    const tally = { here: 0, there: 0 };
    expect(await onBothThreads('data', ['a: 1', 'b: [2'], false, tally)).toEqual([{ a: 1 }, undefined]);
    expect(tally).toEqual({ here: 2, there: 0 });
  });

  it('does here what the worker could not take (an item it cannot be sent)', async () => {
    const tally = { here: 0, there: 0 };
    // A function cannot cross to another thread; YAML prints what its toJSON gives.
    const data = [{ a: 1 }, { b: { toJSON: () => 'x' } }];
    expect(await onBothThreads('text', data, true, tally)).toEqual(['a: 1\n', 'b: x\n']);
    expect(tally).toEqual({ here: 2, there: 0 });
  });
});
