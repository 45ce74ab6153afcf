import { isHangUp, releaseDeadTerminal, terminalIsGone } from '../../ui/hang-up.js';
import type { CommandContext } from '../context.js';

/**
 * Runs an interactive command with the process's signals handled: on SIGINT, SIGTERM or SIGHUP (and a
 * terminal hanging up, which reports EIO, often before SIGHUP) `farewell` does what must not be lost
 * and returns the line to print; then the process ends with the shell's status for the signal (130,
 * 143, 129). A prompt waits on the terminal when a signal comes, so ending the process here is the
 * only way to honour it at once; commands own this, never the domain below them.
 */
export async function withTerminalSignals<T>(
  ctx: CommandContext,
  run: () => Promise<T>,
  farewell: (signal: NodeJS.Signals) => string,
): Promise<T> {
  const onSignal = (signal: NodeJS.Signals, terminalGone = false) => {
    const line = farewell(signal);
    try {
      ctx.stderr.write(`\ncoach: ${signal}: ${line}\n`);
    } catch {
      // The terminal is gone (SIGHUP): nobody to tell.
    }
    if (terminalGone || (signal === 'SIGHUP' && terminalIsGone(ctx.stdin))) releaseDeadTerminal();
    process.exit(128 + ({ SIGINT: 2, SIGHUP: 1, SIGTERM: 15 } as Record<string, number>)[signal]!);
  };
  // EIO from the terminal (a read ending, a raw-mode change failing inside readline) is the terminal
  // hanging up, often before SIGHUP itself: handled like SIGHUP, never as a crash.
  const onTerminalError = (error: unknown) => {
    if (isHangUp(error)) onSignal('SIGHUP', true);
    process.off('uncaughtException', onTerminalError);
    throw error;
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignalEvent = (signal: NodeJS.Signals) => onSignal(signal);
  for (const s of signals) process.on(s, onSignalEvent);
  process.on('uncaughtException', onTerminalError);
  ctx.stdin.on('error', onTerminalError);
  try {
    return await run();
  } finally {
    for (const s of signals) process.off(s, onSignalEvent);
    process.off('uncaughtException', onTerminalError);
    ctx.stdin.off('error', onTerminalError);
  }
}
