import { stat } from 'node:fs/promises';

/**
 * Saves to the registry in `npm run dev`, taken together: `quietMs` after the last change the
 * batch is handed to `run` (one run at a time, in order). A save may be read half-written (a
 * truncate, then the write) and the watcher may report both as one change, so `settleMs` after a
 * run its files are looked at again: any whose stamp moved since just before it was read runs
 * again. A quiet 25 ms then costs what a 100 ms debounce did for safety, without the wait.
 */
export function saveBatches(
  run: (files: string[]) => Promise<void>,
  options: { quietMs?: number; settleMs?: number; stampOf?: (file: string) => Promise<string> } = {},
): (file: string) => void {
  const { quietMs = 25, settleMs = 150, stampOf = fileStamp } = options;
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  const flush = (files: string[]) => {
    queue = queue.then(async () => {
      const before = await Promise.all(files.map(stampOf));
      await run(files);
      setTimeout(async () => {
        const after = await Promise.all(files.map(stampOf));
        const moved = files.filter((_, i) => after[i] !== before[i]);
        if (moved.length > 0) flush(moved);
      }, settleMs).unref?.();
    });
    queue.catch(() => {});
  };
  return (file) => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...changed];
      changed.clear();
      flush(batch);
    }, quietMs);
  };
}

/** A file's size and modification time, or that it is gone. */
async function fileStamp(file: string): Promise<string> {
  const s = await stat(file).catch(() => undefined);
  return s ? `${s.size}:${s.mtimeMs}` : 'gone';
}
