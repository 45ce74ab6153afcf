import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDataFile } from '../fsx/read-bounded.js';
import { ensureDir, replaceWhole } from '../fsx/write-whole.js';

/**
 * Message Batches sent and not yet collected, one JSON file per batch in `<data>/batches/<id>.json`.
 * A batch is stored the moment it is created, before any polling, so Ctrl-C (or a crash, or a closed
 * laptop) leaves a paid batch that `coach batches collect` can still fetch and record: each answer is
 * already in history as an unscored attempt whose id is kept here.
 */

export interface StoredBatchItem {
  /** The request's custom_id in the batch. */
  customId: string;
  /** The history record the result completes (when the answers were saved). */
  attemptId: string;
  at: string;
  questionId: string;
  rubric: string;
  level: string | null;
  answer: string;
  promptVersion: string;
  rubricVersion: string;
}

export interface StoredBatch {
  v: 1;
  id: string;
  createdAt: string;
  provider: 'anthropic';
  model: string;
  source: 'drill' | 'score';
  /** The candidate's day the answers belong to. */
  date: string;
  /** Whether results are recorded in history when collected (drill always; score with --save). */
  save: boolean;
  /** The estimate made before sending: input tokens counted, output at max_tokens (an upper bound). */
  estimatedCostUsd: number;
  items: StoredBatchItem[];
  /** Last known state: sent (polling or left), collected (results recorded), canceled. */
  state: 'sent' | 'collected' | 'canceled';
  collectedAt?: string;
}

export class BatchStore {
  constructor(readonly dataDir: string) {}

  get dir(): string {
    return join(this.dataDir, 'batches');
  }

  private file(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  save(batch: StoredBatch): void {
    ensureDir(this.dir, this.file(batch.id));
    replaceWhole(this.file(batch.id), `${JSON.stringify(batch, null, 2)}\n`);
  }

  get(id: string): StoredBatch | undefined {
    // Ids come from the API (msgbatch_...); anything else never names a file here.
    if (!/^[\w-]+$/.test(id) || !existsSync(this.file(id))) return undefined;
    return this.read(this.file(id));
  }

  /** Every stored batch, newest first; unreadable files are skipped (and counted). */
  list(): { batches: StoredBatch[]; damaged: number } {
    if (!existsSync(this.dir)) return { batches: [], damaged: 0 };
    const batches: StoredBatch[] = [];
    let damaged = 0;
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.json')) continue;
      const batch = this.read(join(this.dir, name));
      if (batch) batches.push(batch);
      else damaged++;
    }
    batches.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return { batches, damaged };
  }

  private read(file: string): StoredBatch | undefined {
    try {
      const batch = JSON.parse(readDataFile(file)) as StoredBatch;
      return batch?.v === 1 && typeof batch.id === 'string' && Array.isArray(batch.items) ? batch : undefined;
    } catch {
      return undefined;
    }
  }
}
