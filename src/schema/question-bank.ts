import * as z from 'zod';
import { Level, Slug, Text } from './common.js';
import { TENET_IDS } from './tenets.js';

/** A tenet id; an unknown one is a schema error listing the allowed ids. */
const Tenet = z.enum(TENET_IDS);

/**
 * What a follow-up probes, so practice can ask a chain of them in interview order and lint can check
 * that a STAR question has the probes a bar raiser would use. The first five are behavioral, the
 * last two design.
 */
export const FOLLOW_UP_KIND_MEANINGS = {
  role: "the candidate's own part: what they personally decided and did",
  data: 'evidence: the numbers, and how they knew',
  challenge: 'push back on a decision: what if someone had disagreed, why not the other way',
  reflection: 'what they learned, or would do differently',
  'second-example': 'another example of the same behaviour',
  'deep-dive': 'design: push on the weakest likely part',
  'trade-off': 'design: an alternative, and why not',
} as const;
export const FOLLOW_UP_KINDS = Object.keys(FOLLOW_UP_KIND_MEANINGS) as [
  keyof typeof FOLLOW_UP_KIND_MEANINGS,
  ...(keyof typeof FOLLOW_UP_KIND_MEANINGS)[],
];
export const FollowUpKind = z.enum(FOLLOW_UP_KINDS);
export type FollowUpKind = z.infer<typeof FollowUpKind>;

/** A follow-up as code downstream sees it, whichever way the bank wrote it. */
export interface FollowUp {
  kind?: FollowUpKind;
  prompt: string;
}

/**
 * A follow-up is written either as plain text (users' own banks, older banks) or as `{kind, prompt}`;
 * both parse to one shape, `{kind?, prompt}`, so no consumer has to handle two.
 */
const FollowUpEntry = z
  .union([
    Text,
    z.strictObject({
      kind: FollowUpKind.describe(`What the probe is for: ${FOLLOW_UP_KINDS.join(', ')}.`),
      prompt: Text.describe('The probe exactly as the interviewer asks it.'),
    }),
  ])
  .transform((entry): FollowUp => (typeof entry === 'string' ? { prompt: entry } : entry))
  .describe('A probe: plain text, or {kind, prompt} to say what it probes.');

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
    focusCriteria: z
      .array(Slug)
      .min(1, 'list at least one criterion, or leave the field out to judge them all')
      .optional()
      .describe(
        'For a focused deep-dive (20-25 minutes): the ids of the rubric criteria it is judged on, e.g. [serving, trade-offs]. Only these are scored, their weights renormalised to sum to 1. Leave out to judge every criterion.',
      ),
    timeLimitSeconds: z
      .number()
      .int('must be a whole number of seconds')
      .positive()
      .describe('Time to answer, in seconds: about 180-300 for behavioral, 1200-2700 for design.'),
    followUps: z
      .array(FollowUpEntry)
      .min(1, 'needs at least one follow-up')
      .describe(
        `Probes the interviewer asks next to dig deeper: text, or {kind, prompt} with kind one of ${FOLLOW_UP_KINDS.join(', ')}.`,
      ),
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
