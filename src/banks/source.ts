import { readFileSync, statSync } from 'node:fs';
import { describeIoError } from '../fsx/io-error.js';
import { formatBytes } from '../fsx/read-bounded.js';

/**
 * Files larger than this are refused before reading: banks are hand-written, a 2 MiB bank is a mistake.
 * @internal Exported so the hostile-input test can write a file just over it.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type SourceResult =
  | { ok: true; text: string }
  | { ok: false; rule: 'file-unreadable' | 'file-too-large' | 'file-encoding'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Reads a file as UTF-8 text, refusing what is too large, binary or not UTF-8. Never throws. */
export function readSource(file: string, maxBytes = MAX_FILE_BYTES): SourceResult {
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return { ok: false, rule: 'file-unreadable', message: 'not a regular file' };
    if (stat.size > maxBytes) {
      return {
        ok: false,
        rule: 'file-too-large',
        message: `file is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for a bank or rubric`,
      };
    }
    bytes = readFileSync(file);
  } catch (error) {
    return { ok: false, rule: 'file-unreadable', message: `cannot read file: ${describeIoError(error)}` };
  }
  return decodeSource(bytes);
}

export function decodeSource(bytes: Uint8Array): SourceResult {
  if (bytes.includes(0)) {
    return {
      ok: false,
      rule: 'file-encoding',
      message: 'binary file (contains NUL bytes), expected YAML text',
    };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, rule: 'file-encoding', message: 'file is not valid UTF-8 text' };
  }
}
