import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { asIoError, IoError } from './io-error.js';

/**
 * Checked writes of user data. write() may write fewer bytes than asked (a nearly full disk does
 * exactly that), and fsync() may be the first to report a failed write: both are checked here, and a
 * failure is an IoError naming the file and the cause, never a silent loss.
 */

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) {
    const n = writeSync(fd, bytes, done);
    // A zero-byte write without an error would loop forever; the kernel only does it when full.
    if (n === 0) throw Object.assign(new Error('ENOSPC: wrote 0 bytes'), { code: 'ENOSPC' });
    done += n;
  }
}

/**
 * Creates a directory and its parents. `mkdir -p` in node reports ENOENT when a parent cannot be
 * created (on a read-only file system, say); the real cause comes from creating the first missing
 * directory alone, so that is what the IoError says.
 */
export function ensureDir(dir: string, forPath = dir): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    let missing = dir;
    while (!existsSync(dirname(missing)) && dirname(missing) !== missing) missing = dirname(missing);
    try {
      mkdirSync(missing);
    } catch (real) {
      throw asIoError(real, forPath, 'cannot write');
    }
    throw asIoError(error, forPath, 'cannot write');
  }
}

/**
 * Appends `text` whole and fsyncs it. On failure a partial tail is cut off again when no other
 * writer appended meanwhile (otherwise readers skip the damaged line), and an IoError is thrown.
 */
export function appendWhole(file: string, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let fd: number;
  try {
    fd = openSync(file, 'a');
  } catch (error) {
    throw asIoError(error, file, 'cannot write');
  }
  let before = 0;
  try {
    before = fstatSync(fd).size;
    writeAll(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    try {
      const size = fstatSync(fd).size;
      if (size > before && size <= before + bytes.length) ftruncateSync(fd, before);
    } catch {
      // Nothing more to do: the reader skips a damaged line.
    }
    throw asIoError(error, file, 'cannot write');
  } finally {
    closeSync(fd);
  }
}

/**
 * Where a write to `file` lands: a symbolic link's target, so that replacing the file keeps the link
 * (a dotfiles-managed stories file, `-o /dev/stdout`), or `file` itself when it does not exist yet.
 */
function writeTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * Replaces `file` with `text` atomically: a temporary file beside it, written whole and fsynced, then
 * renamed over it. On failure the old file is untouched and the temporary file is removed. A symbolic
 * link is followed, not replaced; a device, FIFO or socket (`/dev/null`, `/dev/stdout`, a pipe) is
 * written to in place, never renamed over: as root a rename would swap a device node for a file.
 */
export function replaceWhole(file: string, text: string): void {
  const target = writeTarget(file);
  let existing: ReturnType<typeof statSync> | undefined;
  try {
    existing = statSync(target);
  } catch {
    // Does not exist yet: created below.
  }
  if (existing?.isDirectory()) throw new IoError(file, 'is a directory', 'cannot write');
  if (existing && !existing.isFile()) {
    writeInPlace(target, file, text);
    return;
  }
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeAll(fd, Buffer.from(text, 'utf8'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw asIoError(error, file, 'cannot write');
  }
}

/** Writes `text` whole into a file that is not a regular one (a device or a pipe), without a rename. */
function writeInPlace(target: string, shownAs: string, text: string): void {
  try {
    const fd = openSync(target, 'w');
    try {
      writeAll(fd, Buffer.from(text, 'utf8'));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw asIoError(error, shownAs, 'cannot write');
  }
}

/**
 * Writes an output file the user named (`-o FILE`): refuses a directory by name, replaces a regular
 * file atomically so a failed export leaves the old one whole, and writes into a device or a pipe.
 */
export function writeOutputFile(file: string, text: string, shownAs = file): void {
  try {
    replaceWhole(file, text);
  } catch (error) {
    throw error instanceof IoError ? new IoError(shownAs, error.reason, 'cannot write') : error;
  }
}
