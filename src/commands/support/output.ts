import type { CommandContext } from '../context.js';

/** How commands print --json (the terminal's width is ui/width.ts). */

export function writeJson(ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
