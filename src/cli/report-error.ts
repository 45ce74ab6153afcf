import { CommanderError } from 'commander';
import { CoachError, EXIT } from '../errors.js';
import { stripControl } from '../ui/sanitize.js';

/**
 * What an error that reached the CLI becomes: one line for known errors and usage mistakes, a stack
 * trace only with --debug, and the exit code (the table in help.ts).
 */
export function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; commander already printed the usage message.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof CoachError) {
    for (const line of stripControl(error.message).split('\n')) process.stderr.write(`coach: ${line}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`coach: unexpected error: ${stripControl(message)}\n`);
  process.stderr.write(
    debug && error instanceof Error ? `${error.stack}\n` : 'coach: run again with --debug for details\n',
  );
  return EXIT.usage;
}
