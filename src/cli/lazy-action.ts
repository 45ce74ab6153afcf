import type { Command } from 'commander';
import type { CommandContext } from '../commands/context.js';
import { safeStream } from '../ui/sanitize.js';

/**
 * The action of every command: builds the command context, runs the implementation and sets the
 * exit code it returns. `run` imports the implementation itself (`await import(...)` inside), so
 * the bundler keeps each command in its own chunk and `coach --version` loads none of them.
 * Commander calls an action with the arguments, the options and the command; `run` gets them after
 * the context.
 */
// biome-ignore lint/suspicious/noExplicitAny: commander passes untyped arguments; each action names its own.
export function lazyAction<Args extends any[]>(
  run: (ctx: CommandContext, ...args: Args) => Promise<number>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    const command = args.at(-1) as Command;
    process.exitCode = await run(contextFor(command), ...args);
  };
}

function contextFor(command: Command): CommandContext {
  const { color } = command.optsWithGlobals<{ color?: boolean }>();
  return {
    cwd: process.cwd(),
    env: process.env,
    // Every byte a command prints passes the control-character filter (see ui/sanitize.ts).
    stdout: safeStream(process.stdout),
    stderr: safeStream(process.stderr),
    stdin: process.stdin,
    noColor: color === false,
  };
}
