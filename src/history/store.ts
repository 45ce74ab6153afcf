import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readDataFile } from '../fsx/read-bounded.js';
import { appendWhole, ensureDir } from '../fsx/write-whole.js';
import type { Attempt } from './attempt.js';

/**
 * The attempt log: one JSON record per line in `history/attempts.jsonl`, appended, never rewritten.
 *
 * Concurrency: each batch of records goes out in a single write() on a file opened with O_APPEND,
 * which the kernel applies atomically at the end of the file, so drills started at the same moment
 * interleave whole records, never bytes. Crashes: every record starts with a newline, so a record cut
 * short by a crash stays on a line of its own; the next writer's records are unharmed, and the reader
 * reports and skips the damaged line instead of failing. A full disk: the write is checked whole, a
 * partial tail is cut off again, and the caller gets an IoError naming the file (never a silent loss).
 * An answer recorded unscored before its score is completed by a second record with the same id; the
 * reader keeps the last one.
 */
export class HistoryStore {
  constructor(readonly dataDir: string) {}

  get file(): string {
    return join(this.dataDir, 'history', 'attempts.jsonl');
  }

  append(attempts: readonly Attempt[]): void {
    if (attempts.length === 0) return;
    ensureDir(join(this.dataDir, 'history'), this.file);
    const payload = attempts.map((a) => `\n${JSON.stringify(a)}`).join('');
    appendWhole(this.file, `${payload}\n`);
  }

  read(): { attempts: Attempt[]; damaged: number } {
    if (!existsSync(this.file)) return { attempts: [], damaged: 0 };
    // By id: a later record with the same id completes (replaces) an unscored one.
    const byId = new Map<string, Attempt>();
    let damaged = 0;
    for (const line of readDataFile(this.file).split('\n')) {
      if (!line.trim()) continue;
      try {
        const record = JSON.parse(line) as Attempt;
        if (record && record.v === 1 && typeof record.id === 'string') {
          byId.delete(record.id);
          byId.set(record.id, record);
        } else damaged++;
      } catch {
        damaged++;
      }
    }
    const attempts = [...byId.values()];
    // Concurrent writers may append slightly out of order; history reads in time order.
    attempts.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
    return { attempts, damaged };
  }
}

/**
 * Writes answers to history, unscored, before any network call, so a Ctrl-C or crash while scoring
 * cannot lose them. A failed write (a full disk) does not stop the scoring: the score is still shown,
 * and the record written after scoring meets the same disk and reports it.
 */
export function recordUnscoredFirst(write: () => void): void {
  try {
    write();
  } catch {
    // Reported by the record after scoring, which meets the same disk.
  }
}
