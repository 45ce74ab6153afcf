// Worker thread entry: runs the named file task over the items it is sent and posts the results back.
import { parentPort } from 'node:worker_threads';
import { TASKS, type TaskName } from './analyze-files.js';

parentPort!.on('message', ({ task, items }: { task: TaskName; items: unknown[] }) => {
  const fn = TASKS[task] as (item: unknown) => unknown;
  parentPort!.postMessage(items.map(fn));
});
