import * as z from 'zod';
import { VERDICTS } from '../scoring/result.js';
import { ANSWER_MODES } from '../scoring/scorer.js';
import { Level } from './common.js';

/** A level on the rubrics' 1-4 scale: 1 strong no hire, 2 no hire, 3 hire, 4 strong hire. */
const RubricLevel = z.number().int().min(1).max(4);

/**
 * One labelled answer for `coach calibrate`: what it answers (a bank question, or a rubric and a
 * prompt of your own), the answer, and how a person judged it.
 */
const CalibrationItem = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .optional()
      .describe('A name for the answer in messages (default: its position in the file).'),
    question: z.string().min(1).optional().describe('The bank question answered, e.g. bhv-ownership-…'),
    rubric: z
      .string()
      .min(1)
      .optional()
      .describe('With prompt: the rubric for an answer to your own prompt.'),
    prompt: z.string().min(1).optional().describe('With rubric: the prompt answered.'),
    level: Level.optional().describe('The level the answer is judged at (L5-L8), as `--level` would.'),
    mode: z.enum(ANSWER_MODES).optional().describe('How the answer was given (default typed).'),
    answer: z.string().min(1).describe('The answer text.'),
    // One literal list rather than a union, so a bad label is one message naming every allowed value.
    label: z
      .literal([1, 2, 3, 4, ...VERDICTS])
      .describe("The person's overall judgement: a level 1-4 or a verdict, e.g. hire."),
    criteria: z
      .record(z.string(), RubricLevel)
      .optional()
      .describe("The person's level (1-4) per criterion id of the rubric, e.g. {result: 2}."),
  })
  .superRefine((item, ctx) => {
    if (item.question && (item.rubric || item.prompt)) {
      ctx.addIssue({
        code: 'custom',
        message: 'gives both question and rubric/prompt; give one or the other',
        path: ['question'],
        params: { rule: 'invalid-value' },
      });
    } else if (!item.question && !(item.rubric && item.prompt)) {
      ctx.addIssue({
        code: 'custom',
        message: 'needs question, or rubric with prompt',
        path: [],
        params: { rule: 'missing-key' },
      });
    }
  });
export type CalibrationItem = z.infer<typeof CalibrationItem>;

/** The calibration file: a YAML or JSON list of labelled answers. */
export const CalibrationFile = z
  .array(CalibrationItem)
  .min(1)
  .describe('interview-coach calibration set: labelled answers for `coach calibrate`.');
export type CalibrationFile = z.infer<typeof CalibrationFile>;

/** A verdict label as its level on the 1-4 scale, so both spellings of a label compare. */
export function labelLevel(label: CalibrationItem['label']): number {
  return typeof label === 'number' ? label : VERDICTS.indexOf(label) + 1;
}
