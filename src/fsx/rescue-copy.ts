import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceWhole } from './write-whole.js';

/**
 * A copy of input that exists nowhere else (an answer piped on stdin) when recording it failed:
 * first `<data dir>/rescued/`, then the system temporary directory (often another file system than
 * a full data disk). Returns the path written, or undefined when neither could be written, so the
 * caller prints the text itself.
 */
export function rescueCopy(text: string, dataDir: string, name: string): string | undefined {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = `${name}-${stamp}-${randomBytes(3).toString('hex')}`;
  for (const dir of [join(dataDir, 'rescued'), join(tmpdir(), 'interview-coach-rescued')]) {
    try {
      mkdirSync(dir, { recursive: true });
      replaceWhole(join(dir, file), text);
      return join(dir, file);
    } catch {
      // Try the next place.
    }
  }
  return undefined;
}
