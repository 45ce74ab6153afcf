import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analyzeSource, type FileAnalysis } from './analyze.js';
import { readSource } from './source.js';

/** Below this much YAML, starting a worker costs more than it saves. */
const PARALLEL_MIN_BYTES = 512 * 1024;

export function analyzeFile(file: string): FileAnalysis {
  return analyzeSource(file, readSource(file));
}

export interface AnalyzeOptions {
  /** Threads to use, the main one included; defaults to the cores available (at most 4). */
  threads?: number;
}

/**
 * Analyzes files, in parallel for large inputs: YAML parsing is CPU-bound and files are
 * independent, so the main thread takes one share and each worker thread another.
 * Results come back in input order. Falls back to one thread when the worker bundle is absent
 * (running from source under the test runner).
 */
export async function analyzeFiles(
  files: readonly string[],
  options: AnalyzeOptions = {},
): Promise<FileAnalysis[]> {
  const threads = Math.max(1, Math.min(options.threads ?? Math.min(availableParallelism(), 4), files.length));
  const workerScript = fileURLToPath(new URL('./analyze-worker.js', import.meta.url));
  const sizes = files.map(sizeOf);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (threads === 1 || total < PARALLEL_MIN_BYTES || !existsSync(workerScript)) return files.map(analyzeFile);

  const shares = balance(sizes, threads);
  const workers = shares.slice(1).map((share) =>
    runWorker(
      workerScript,
      share.map((i) => files[i]!),
    ),
  );
  const results: FileAnalysis[] = new Array(files.length);
  for (const i of shares[0]!) results[i] = analyzeFile(files[i]!);
  const fromWorkers = await Promise.all(workers);
  fromWorkers.forEach((analyses, w) => {
    shares[w + 1]!.forEach((fileIndex, k) => {
      results[fileIndex] = analyses[k]!;
    });
  });
  return results;
}

function runWorker(script: string, files: string[]): Promise<FileAnalysis[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: files });
    worker.once('message', (analyses: FileAnalysis[]) => {
      resolve(analyses);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`analysis worker exited with code ${code}`));
    });
  });
}

/** Longest-processing-time-first: biggest files first, each to the least loaded share. */
function balance(sizes: readonly number[], shares: number): number[][] {
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const buckets = Array.from({ length: shares }, () => ({ load: 0, items: [] as number[] }));
  for (const i of order) {
    const target = buckets.reduce((min, b) => (b.load < min.load ? b : min));
    target.items.push(i);
    target.load += sizes[i]!;
  }
  return buckets.map((b) => b.items);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
