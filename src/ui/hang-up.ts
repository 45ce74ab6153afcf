import { closeSync } from 'node:fs';

/**
 * A terminal that goes away (the window closed, `tmux kill-session`) hangs up: reads end, and writes
 * and raw-mode changes fail with EIO, sometimes before SIGHUP arrives. These errors mean "hang-up",
 * not a bug.
 */
export function isHangUp(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code === 'EIO' || code === 'ENXIO';
}

/**
 * True when stdin is a terminal that is gone: turning raw mode off fails (node reports it as an
 * 'error' event, emitted synchronously). A live terminal is left in cooked mode, as at exit anyway.
 */
export function terminalIsGone(
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown },
): boolean {
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return false;
  let gone = false;
  const onError = (error: unknown) => {
    gone = isHangUp(error);
  };
  stdin.on('error', onError);
  try {
    stdin.setRawMode(false);
  } catch (error) {
    gone = isHangUp(error);
  } finally {
    stdin.off('error', onError);
  }
  return gone;
}

/**
 * Lets go of a dead terminal before exiting. Node restores the terminal mode of stdin, stdout and
 * stderr at exit and aborts with a native assertion when that fails (it does, with EIO, on a closed
 * terminal); it skips descriptors that are closed, so closing them first makes the exit clean.
 */
export function releaseDeadTerminal(): void {
  for (const fd of [0, 1, 2]) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
  }
}
