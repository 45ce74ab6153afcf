import type { CommandContext } from '../context.js';

/**
 * Standard input, read whole through the command's stdin stream (so a test can pass its own), but
 * never more than maxBytes: past the limit it stops reading and throws the caller's error.
 */
export async function readStdin(
  ctx: CommandContext,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}
