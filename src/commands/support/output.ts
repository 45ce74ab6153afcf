import type { CommandContext } from '../context.js';

/** How commands lay out what they print: the terminal's width, and --json. */

export function terminalWidth(ctx: CommandContext): number | undefined {
  return ctx.stdout.isTTY ? (ctx.stdout.columns ?? 80) : undefined;
}

export function writeJson(ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
