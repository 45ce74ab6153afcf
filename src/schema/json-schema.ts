import * as z from 'zod';
import type { FileKind } from './common.js';
import { SCHEMAS } from './index.js';

/** JSON Schema for editors (yaml-language-server) and `coach schema`, generated from the zod schemas. */
export function jsonSchemaFor(kind: FileKind): Record<string, unknown> {
  const schema = z.toJSONSchema(SCHEMAS[kind], { io: 'input', target: 'draft-07' }) as Record<
    string,
    unknown
  >;
  return { ...schema, title: kind === 'rubric' ? 'interview-coach rubric' : 'interview-coach question bank' };
}
