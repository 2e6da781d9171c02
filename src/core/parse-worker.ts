// Parses registry YAML on a second thread, with the same parser and options as the main thread
// (src/core/source.ts), so a value means the same wherever it was read.
import { parentPort } from 'node:worker_threads';
import { cleanYamlData } from './source.ts';

parentPort?.on('message', (files: { path: string; text: string }[]) => {
  const data: [string, unknown][] = [];
  for (const f of files) {
    const parsed = cleanYamlData(f.text);
    if (parsed !== undefined) data.push([f.path, parsed]);
  }
  parentPort!.postMessage(data);
});
