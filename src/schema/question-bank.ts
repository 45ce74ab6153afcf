import * as z from 'zod';
import { Level, Slug, Text } from './common.js';
import { Tenet } from './tenets.js';

/**
 * One interview question. Keys are camelCase and spelled out so a bank reads well by hand.
 * Rules that need more than one field or file (unique ids, known rubrics and principles,
 * sane time limits, near-duplicate prompts) live in src/lint/rules.ts, not here.
 */
export const Question = z
  .strictObject({
    id: Slug.describe('Stable id, unique across all banks. History and drills refer to it: never reuse one.'),
    category: Slug.describe('Topic within the bank, e.g. "mlops" or "customer-obsession".'),
    prompt: Text.describe('The question exactly as the interviewer asks it.'),
    levels: z
      .array(Level)
      .min(1)
      .describe('Levels this question is asked at: L5 senior, L6, L7 principal, L8.'),
    principles: z
      .array(Slug)
      .default([])
      .describe(
        'Leadership Principle ids (see `coach principles`); the first is the main one. Empty for technical questions.',
      ),
    tenets: z
      .array(Tenet)
      .optional()
      .describe(
        'Principal engineering tenet ids this question tests (see `coach tenets`), for L7-L8 rounds. Optional.',
      ),
    rubric: Slug.describe('Id of the rubric that scores the answer, e.g. "star" or "system-design".'),
    timeLimitSeconds: z
      .number()
      .int('must be a whole number of seconds')
      .positive()
      .describe('Time to answer, in seconds: about 180-300 for behavioral, 1200-2700 for design.'),
    followUps: z
      .array(Text)
      .min(1, 'needs at least one follow-up')
      .describe('Probes the interviewer asks next to dig deeper.'),
    signals: z.array(Text).min(1, 'needs at least one signal').describe('What a strong answer shows.'),
    pitfalls: z
      .array(Text)
      .min(1, 'needs at least one pitfall')
      .describe('Common mistakes that weaken an answer.'),
  })
  .describe('An interview question.');
export type Question = z.infer<typeof Question>;

export const QuestionBank = z
  .strictObject({
    kind: z.literal('question-bank').describe('Marks this file as a question bank.'),
    id: Slug.describe('Bank id, used by --bank filters.'),
    title: Text.describe('Human title shown in `coach banks`.'),
    description: Text.describe('What the bank covers and who it is for.'),
    questions: z.array(Question).min(1, 'a bank needs at least one question'),
  })
  .describe('A question bank for interview-coach.');
export type QuestionBank = z.infer<typeof QuestionBank>;
