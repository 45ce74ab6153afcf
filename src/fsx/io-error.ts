import { CoachError, EXIT } from '../errors.js';

/**
 * An expected failure of the file system (a full disk, a missing directory, a read-only data
 * directory, a FIFO where a file was expected): one line naming the path and the reason, exit 2.
 */
export class IoError extends CoachError {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** What was being done, as the start of the message: "cannot write", "cannot read answer file". */
    action = 'cannot access',
  ) {
    super(`${action} ${path}: ${reason}`, EXIT.usage);
    this.name = 'IoError';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory (or a broken symbolic link)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EFBIG: 'file too large for the file system',
  ENAMETOOLONG: 'file name too long',
  EEXIST: 'already exists',
};

/** The reason an errno error gives, in words ("no space left on the device"), else its message. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** True for the errors a file system operation is expected to meet (errno codes), not bugs. */
function isIoError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** Wraps an errno error as an IoError for `path`; anything else (a bug) is rethrown as it is. */
export function asIoError(error: unknown, path: string, action: string): unknown {
  if (error instanceof CoachError) return error;
  return isIoError(error) ? new IoError(path, describeIoError(error), action) : error;
}
