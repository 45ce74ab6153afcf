import type * as z from 'zod';
import type { FileKind } from './common.js';
import { QuestionBank } from './question-bank.js';
import { Rubric } from './rubric.js';
import { StoriesFile } from './stories.js';

export { FILE_KINDS, type FileKind, LEVELS, Level } from './common.js';
export {
  FOLLOW_UP_KIND_MEANINGS,
  FOLLOW_UP_KINDS,
  type FollowUp,
  FollowUpKind,
  type Question,
  QuestionBank,
} from './question-bank.js';
export { type Criterion, Rubric } from './rubric.js';
export { StoriesFile, Story } from './stories.js';

/** The schema for each file kind: the one place a new kind is registered. */
export const SCHEMAS = {
  'question-bank': QuestionBank,
  rubric: Rubric,
  stories: StoriesFile,
} satisfies Record<FileKind, z.ZodType>;
