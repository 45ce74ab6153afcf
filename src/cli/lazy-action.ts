import type { Command } from 'commander';
import type { CommandContext } from '../commands/context.js';
import { safeStream } from '../ui/sanitize.js';

/**
 * The action of every command: imports the implementation (`load`, a dynamic `import()`, so the
 * bundler keeps each command in its own chunk and `coach --version` loads none of them), builds the
 * command context, runs `run` and sets the exit code it returns. Commander calls an action with the
 * arguments, the options and the command; `run` gets them after the module and the context.
 * Each registration module (cli/commands/) declares its `load` once at the top and passes it here.
 */
// biome-ignore lint/suspicious/noExplicitAny: commander passes untyped arguments; each action names its own.
export function lazyAction<Module, Args extends any[]>(
  load: () => Promise<Module>,
  run: (module: Module, ctx: CommandContext, ...args: Args) => Promise<number>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    const command = args.at(-1) as Command;
    const module = await load();
    process.exitCode = await run(module, contextFor(command), ...args);
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
