import { z } from 'zod';
import type { FileKind } from './common.js';
import { QuestionBank } from './question-bank.js';
import { Rubric } from './rubric.js';

export { FILE_KINDS, type FileKind, LEVELS, Level } from './common.js';
export { type Question, QuestionBank } from './question-bank.js';
export { type Criterion, Rubric, SCORE_VERDICTS } from './rubric.js';

/** The schema for each file kind: the one place a new kind is registered. */
export const SCHEMAS = {
  'question-bank': QuestionBank,
  rubric: Rubric,
} satisfies Record<FileKind, z.ZodType>;

/** JSON Schema for editors (yaml-language-server) and `coach schema`, generated from the zod schemas. */
export function jsonSchemaFor(kind: FileKind): Record<string, unknown> {
  const schema = z.toJSONSchema(SCHEMAS[kind], { io: 'input', target: 'draft-07' }) as Record<
    string,
    unknown
  >;
  return { ...schema, title: kind === 'rubric' ? 'interview-coach rubric' : 'interview-coach question bank' };
}
