import * as z from 'zod';
import { Slug, Text } from './common.js';

/** The answer types a rubric can apply to. */
const ANSWER_TYPES = ['behavioral', 'design'] as const;

const LevelDescriptors = z
  .strictObject({
    1: Text.describe('Strong no hire.'),
    2: Text.describe('No hire.'),
    3: Text.describe('Hire.'),
    4: Text.describe('Strong hire.'),
  })
  .describe('What an answer looks like at each score, 1 (strong no hire) to 4 (strong hire).');

const Hints = z
  .strictObject({
    phrases: z
      .array(Text)
      .default([])
      .describe(
        'Words or phrases whose presence is evidence for this criterion (matched case-insensitively).',
      ),
    cues: z
      .array(Text)
      .default([])
      .describe(
        'Structural cues the offline scorer looks for, described for authors, e.g. "numbers with units".',
      ),
    antiPatterns: z
      .array(Text)
      .default([])
      .describe('Phrases that weaken an answer on this criterion, e.g. "we just", "basically".'),
  })
  .describe('Hints the offline scorer uses; optional.');

export const Criterion = z.strictObject({
  id: Slug.describe('Criterion id, unique within the rubric.'),
  name: Text,
  weight: z.number().positive().max(1).describe('Share of the overall score; weights sum to 1 per rubric.'),
  description: Text.describe('What this criterion judges.'),
  levels: LevelDescriptors,
  hints: Hints.optional(),
});
export type Criterion = z.infer<typeof Criterion>;

export const Rubric = z
  .strictObject({
    kind: z.literal('rubric').describe('Marks this file as a rubric.'),
    id: Slug.describe('Rubric id, referred to by questions.'),
    name: Text,
    description: Text.optional(),
    appliesTo: z.enum(ANSWER_TYPES).describe('The answer type this rubric judges.'),
    levelExpectations: z
      .strictObject({ L5: Text, L6: Text, L7: Text, L8: Text })
      .partial()
      .optional()
      .describe('The scope an answer needs at each level, e.g. L5 team, L6 multi-team, L7 organisation.'),
    criteria: z.array(Criterion).min(1, 'a rubric needs at least one criterion'),
  })
  .describe('A scoring rubric for interview-coach.');
export type Rubric = z.infer<typeof Rubric>;
