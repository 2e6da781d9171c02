// Large YAML work shared with a second thread: the `yaml` package takes most of a big check or
// import, and on a machine with two cores a worker thread takes items while this one does too.
// One worker serves the whole process: started when first needed (or sooner, by warmSecondThread),
// it costs ~100 ms to start and its parser starts cold, which a second task then need not pay.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { YAML_TASKS, type YamlTask } from './yaml-tasks.ts';

type In<K extends YamlTask> = Parameters<(typeof YAML_TASKS)[K]>[0];
type Out<K extends YamlTask> = ReturnType<(typeof YAML_TASKS)[K]>;

/** What the worker sends back for request `id`: the items it took, by index, and what each gave. */
export type Done = { id: number; done: [number, unknown][] };

let worker: Worker | undefined;
const pending = new Map<number, (done: Done['done'] | undefined) => void>();
let lastId = 0;

/** The process's second thread, started if need be; undefined on one core or if it cannot start. */
function secondThread(): Worker | undefined {
  if (worker || availableParallelism() < 2) return worker;
  try {
    const started = new Worker(new URL('./parse-worker.ts', import.meta.url));
    // A worker that stops, or never starts, answers nothing more: what it was asked is done here.
    const gone = () => {
      if (worker === started) worker = undefined;
      for (const answer of pending.values()) answer(undefined);
      pending.clear();
    };
    started.on('message', ({ id, done }: Done) => {
      pending.get(id)?.(done);
      pending.delete(id);
      if (pending.size === 0) started.unref();
    });
    started.once('error', gone);
    started.once('exit', gone);
    // Idle, it does not keep the process alive; asked something, it does (see onBothThreads).
    started.unref();
    worker = started;
  } catch {
    worker = undefined;
  }
  return worker;
}

/** Starts the second thread now, so that it is ready (and its modules loaded) when large work comes. */
export function warmSecondThread(): void {
  secondThread();
}

/**
 * `YAML_TASKS[task]` over `items`, results in the items' order. When `large` says the work is worth
 * the second thread and the machine has a second core, both threads take the next item from one
 * shared counter until none is left, so neither waits on the other's start. Whatever the worker
 * does not send back (it failed to start, or threw) is done here: the results never depend on the
 * thread. `tally` counts the items each did.
 */
export async function onBothThreads<K extends YamlTask>(
  task: K,
  items: readonly In<K>[],
  large: boolean,
  tally: { here: number; there: number } = { here: 0, there: 0 },
): Promise<Out<K>[]> {
  const run = (item: In<K>) => {
    tally.here++;
    return (YAML_TASKS[task] as (item: In<K>) => Out<K>)(item);
  };
  const thread = large && items.length >= 2 ? secondThread() : undefined;
  if (!thread) return items.map(run);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const id = ++lastId;
  const theirs = new Promise<Done['done'] | undefined>((resolve) => pending.set(id, resolve));
  try {
    thread.ref();
    thread.postMessage({ id, task, items, next });
  } catch {
    // An item that cannot be sent to another thread: all of them are done here.
    pending.get(id)?.(undefined);
    pending.delete(id);
    if (pending.size === 0) thread.unref();
  }
  const results = new Array<Out<K>>(items.length);
  const done = new Uint8Array(items.length);
  for (let i = Atomics.add(next, 0, 1); i < items.length; i = Atomics.add(next, 0, 1)) {
    results[i] = run(items[i]!);
    done[i] = 1;
  }
  for (const [i, result] of (await theirs) ?? []) {
    results[i] = result as Out<K>;
    done[i] = 1;
    tally.there++;
  }
  for (let i = 0; i < items.length; i++) if (!done[i]) results[i] = run(items[i]!);
  return results;
}
