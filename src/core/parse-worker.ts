// The second thread of src/core/second-thread.ts: for each request, takes the next item from the
// counter it shares with the main thread until none is left, runs the YAML task on each, and sends
// back what it did.
import { parentPort } from 'node:worker_threads';
import type { Done } from './second-thread.ts';
import { YAML_TASKS, type YamlTask } from './yaml-tasks.ts';

parentPort?.on('message', ({ id, task, items, next }: { id: number; task: YamlTask; items: unknown[]; next: Int32Array }) => {
  const run = YAML_TASKS[task] as (item: unknown) => unknown;
  const done: Done['done'] = [];
  for (let i = Atomics.add(next, 0, 1); i < items.length; i = Atomics.add(next, 0, 1)) done.push([i, run(items[i])]);
  parentPort!.postMessage({ id, done } satisfies Done);
});
