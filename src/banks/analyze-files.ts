import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { positionsFor } from '../yaml/document.js';
import { FILE_START, type Span, type YamlPath } from '../yaml/span.js';
import { analyzeSource, type FileAnalysis, questionFacts } from './analyze.js';
import { readSource } from './source.js';

/** Below this much YAML, starting a worker costs more than it saves. */
const PARALLEL_MIN_BYTES = 512 * 1024;

export function analyzeFile(file: string): FileAnalysis {
  return analyzeSource(file, readSource(file));
}

export interface LocateRequest {
  file: string;
  paths: { path: YamlPath; at?: 'value' | 'key' }[];
}

/** Positions for paths in one file, by a yaml v2 re-parse (positionsFor); the file start when it no longer parses. */
export function locateInFile({ file, paths }: LocateRequest): Span[] {
  // The same checked read as the analysis: a FIFO or /dev/zero is never read here either.
  const source = readSource(file);
  // Gone or unreadable since it was analyzed: keep the findings, at the start of the file.
  if (!source.ok) return paths.map(() => FILE_START);
  // Only files with findings get here, so the parse that positions them is paid rarely.
  const find = paths.length > 0 ? positionsFor(source.text) : null;
  return paths.map(({ path, at }) => (find ? find(path, at) : FILE_START));
}

/**
 * For lint: only what the rules read (each question's id, prompt, rubric, principles, time limit,
 * focus criteria and follow-up kinds), so less crosses from worker threads and less stays in memory on large corpora.
 */
function analyzeForLint(file: string): FileAnalysis {
  const analysis = analyzeFile(file);
  return {
    ...analysis,
    facts: questionFacts(analysis),
    questions: [],
    validQuestions: analysis.questions.length,
  };
}

/** The work a thread can be given; the worker entry dispatches on these names. */
export const TASKS = { analyze: analyzeFile, lint: analyzeForLint, locate: locateInFile } as const;
export type TaskName = keyof typeof TASKS;
type Input<T extends TaskName> = Parameters<(typeof TASKS)[T]>[0];
type Output<T extends TaskName> = ReturnType<(typeof TASKS)[T]>;

export interface FilePool {
  run<T extends TaskName>(
    task: T,
    items: readonly Input<T>[],
    weights: readonly number[],
  ): Promise<Output<T>[]>;
  close(): void;
}

/**
 * Runs file tasks on the main thread plus worker threads. YAML parsing is CPU-bound and files are
 * independent, so each thread takes a share balanced by file size; results come back in input order.
 * Workers start at once (their start-up overlaps the main thread's share) and are reused across
 * tasks. With one thread, little input, or no worker bundle (tests run from source) it stays serial.
 */
export function createFilePool(files: readonly string[], threads = defaultThreads()): FilePool {
  const workerScript = fileURLToPath(new URL('./analyze-worker.js', import.meta.url));
  const total = files.reduce((sum, f) => sum + sizeOf(f), 0);
  const parallel = threads > 1 && total >= PARALLEL_MIN_BYTES && existsSync(workerScript);
  const workers = parallel ? Array.from({ length: threads - 1 }, () => new Worker(workerScript)) : [];

  const call = (worker: Worker, task: TaskName, items: unknown[]) =>
    new Promise<unknown[]>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (results: unknown[]) => {
        worker.off('error', onError);
        resolve(results);
      });
      worker.postMessage({ task, items });
    });

  return {
    async run(task, items, weights) {
      const fn = TASKS[task] as (item: unknown) => unknown;
      if (workers.length === 0 || items.length < 2) return items.map(fn) as never;
      const shares = balance(weights, workers.length + 1);
      const pending = workers.map((w, k) =>
        call(
          w,
          task,
          shares[k + 1]!.map((i) => items[i]),
        ),
      );
      const results: unknown[] = new Array(items.length);
      for (const i of shares[0]!) results[i] = fn(items[i]);
      (await Promise.all(pending)).forEach((out, k) => {
        shares[k + 1]!.forEach((itemIndex, j) => {
          results[itemIndex] = out[j];
        });
      });
      return results as never;
    },
    close() {
      for (const w of workers) void w.terminate();
    },
  };
}

export async function analyzeFiles(files: readonly string[], threads?: number): Promise<FileAnalysis[]> {
  const pool = createFilePool(files, threads);
  try {
    return await pool.run('analyze', files, files.map(sizeOf));
  } finally {
    pool.close();
  }
}

/**
 * One thread on machines with two cores or fewer: measured on the 2-core machines this project runs
 * on, a worker's start-up and the copy of its results back cost more than parsing half the files in
 * parallel saves (the 10,000-question lint took 1.32 s on two threads against 1.09 s on one, `npm run
 * bench`). With more cores, up to four threads.
 */
function defaultThreads(): number {
  const cores = availableParallelism();
  return cores <= 2 ? 1 : Math.min(cores, 4);
}

/** Longest-processing-time-first: heaviest items first, each to the least loaded share. */
function balance(weights: readonly number[], shares: number): number[][] {
  const order = weights.map((_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
  const buckets = Array.from({ length: shares }, () => ({ load: 0, items: [] as number[] }));
  for (const i of order) {
    const target = buckets.reduce((min, b) => (b.load < min.load ? b : min));
    target.items.push(i);
    target.load += weights[i]! + 1;
  }
  return buckets.map((b) => b.items.sort((a, b) => a - b));
}

export function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
