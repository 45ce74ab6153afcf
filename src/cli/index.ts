import { buildProgram } from './program.js';
import { reportError } from './report-error.js';

/**
 * The entry point the bin loads (bundled as dist/cli.js). It reads argv and owns the exit code:
 * a command's action sets the code its implementation returns (lazy-action.ts), and any error that
 * reaches here is reported and mapped to one (report-error.ts). Command implementations are
 * imported lazily inside each action, so `coach --version` loads commander and nothing else.
 * The few exits elsewhere are on purpose, where the process must end at once: a closed output pipe
 * (below), a signal or a closed terminal during practice (128 + the signal: 130 for Ctrl-C, 129
 * for a hang-up), and Ctrl-C while waiting for a Message Batch (130).
 */
export async function run(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  endQuietlyWhenOutputCloses();
  const program = buildProgram(undefined, argv);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error, debug);
  }
}

/**
 * A reader that stops early (`coach questions --json | head -c 100`) closes the pipe, and the next
 * write fails with EPIPE: the output is no longer wanted, so end quietly with the status so far.
 * Other stream errors go on to the process's error handling (EIO there is a closed terminal).
 */
function endQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit();
      throw error;
    });
  }
}
