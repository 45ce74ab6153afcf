import { UsageError } from '../errors.js';
import { FILE_KINDS, type FileKind } from '../schema/index.js';
import { jsonSchemaFor } from '../schema/json-schema.js';
import type { CommandContext } from './context.js';

/** `coach schema <kind>`: the JSON Schema generated from the zod schemas, for editors and other tools. */
export async function schemaCommand(kind: string, ctx: CommandContext): Promise<number> {
  if (!FILE_KINDS.includes(kind as FileKind)) {
    throw new UsageError(`unknown schema "${kind}"; choose one of: ${FILE_KINDS.join(', ')}`);
  }
  ctx.stdout.write(`${JSON.stringify(jsonSchemaFor(kind as FileKind), null, 2)}\n`);
  return 0;
}
