import { closeSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { asIoError, IoError } from './io-error.js';

/**
 * Reads of files the user names, checked before they are read and bounded while they are: a FIFO,
 * a device or /dev/zero never hangs a command or fills memory, and a huge file is refused by its
 * size, not read whole first.
 */
export interface BoundedRead {
  /** Refuse more than this many bytes. */
  maxBytes: number;
  /** Words for the message: "answer file", "config file". */
  what: string;
  /**
   * Where reading a stream makes sense (an answer piped through a FIFO): accept FIFOs and character
   * devices, reading at most maxBytes + 1. Otherwise only regular files are read.
   */
  allowStream?: boolean;
  /** The path as shown in messages (default: the path itself). */
  shownAs?: string;
}

/** Files people write by hand (config, plans, calibration sets) are small: past this they are refused unread. */
export const HAND_WRITTEN_MAX_BYTES = 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes of `path`, or an IoError/UsageError-style line saying why not (exit 2). */
function readBounded(path: string, options: BoundedRead): Buffer {
  const shown = options.shownAs ?? path;
  const action = `cannot read ${options.what}`;
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    throw asIoError(error, shown, action);
  }
  if (stat.isDirectory()) throw new IoError(shown, 'is a directory', action);
  const stream = stat.isFIFO() || stat.isCharacterDevice() || stat.isSocket();
  if (!stat.isFile() && !(stream && options.allowStream)) {
    throw new IoError(shown, `not a regular file (${kindOf(stat)})`, action);
  }
  if (stat.isFile() && stat.size > options.maxBytes) throw tooLarge(shown, options);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw asIoError(error, shown, action);
  }
  try {
    return readUpTo(fd, options.maxBytes, shown, options);
  } catch (error) {
    throw asIoError(error, shown, action);
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 text of the bytes, or an error naming the file and the byte where the encoding breaks. */
export function decodeUtf8(bytes: Uint8Array, shown: string, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new IoError(
      shown,
      `not valid UTF-8 text (at byte ${firstInvalidUtf8(bytes)})`,
      `cannot read ${what}`,
    );
  }
}

/** readBounded then decodeUtf8: the text of a file the user named. */
export function readTextBounded(path: string, options: BoundedRead): string {
  return decodeUtf8(readBounded(path, options), options.shownAs ?? path, options.what);
}

function readUpTo(
  fd: number,
  maxBytes: number,
  shown: string,
  options: BoundedRead | Omit<BoundedRead, 'allowStream'>,
): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
    let n: number;
    try {
      n = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      // A non-blocking descriptor (a FIFO another process opened that way) with nothing yet: wait briefly.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      throw error;
    }
    if (n === 0) break;
    chunks.push(buffer.subarray(0, n));
    total += n;
    if (total > maxBytes) throw tooLarge(shown, options);
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(shown: string, options: { maxBytes: number; what: string }): IoError {
  return new IoError(shown, `over the ${formatBytes(options.maxBytes)} limit`, `cannot read ${options.what}`);
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search for the longest valid prefix is overkill: walk the sequences once.
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/**
 * The coach's own data files (history, session journals and drafts, stored batches) as text. Checked
 * like a named file, so a FIFO or device left in the data directory fails the read instead of hanging
 * every command that lists it; the bound sits far above any real history. Undecodable bytes are
 * replaced, not refused: the readers skip damaged lines one by one.
 */
export function readDataFile(path: string): string {
  return readBounded(path, { maxBytes: DATA_FILE_MAX_BYTES, what: 'data file' }).toString('utf8');
}

const DATA_FILE_MAX_BYTES = 1024 * 1024 * 1024;
