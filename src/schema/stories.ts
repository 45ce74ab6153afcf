import * as z from 'zod';
import { Level, Slug, Text } from './common.js';

/** How far a story's impact reached: the scope interviewers expect grows with the level (L5 team ... L7 organisation). */
const STORY_SCOPES = ['team', 'multi-team', 'organisation'] as const;

const StarParts = z
  .strictObject({
    situation: Text.describe('The setting and the stakes, in a sentence or two.'),
    task: Text.describe('What you personally were on the hook for.'),
    action: Text.describe('What you did, in the first person: the bulk of the story.'),
    result: Text.describe('What changed because of it, with numbers; a lesson learned closes it well.'),
  })
  .describe('The story in Situation, Task, Action, Result parts, told in that order.');

/**
 * A principle id. Checked against the 16 by the unknown-principle lint rule (with a "did you mean"),
 * and listed as an enum in the JSON Schema so editors complete it (src/schema/json-schema.ts).
 */
export const StoryPrinciple = Slug.describe('A Leadership Principle id, e.g. "ownership".');

/**
 * One story of the candidate's own, told the way they would tell it in an interview. The story
 * itself is either free `text` or `star` parts, never both: a refinement, so the message says which
 * keys to keep and points at them (an invalid union would only say "invalid input").
 * Known principle ids and unique story ids are lint rules (src/lint/rules.ts), as for banks.
 */
export const Story = z
  .strictObject({
    id: Slug.describe(
      'Stable id, unique in the file, e.g. "billing-migration". `coach stories` refers to it.',
    ),
    title: Text.describe(
      'A short title to recognise the story by, e.g. "Migrated billing without downtime".',
    ),
    principles: z
      .array(StoryPrinciple)
      .min(1)
      .describe(
        'Leadership Principle ids the story shows (see `coach principles`), strongest first, e.g. [ownership, dive-deep].',
      ),
    text: Text.optional().describe(
      'The story as free text, told in the first person. Give either `text` or `star`.',
    ),
    star: StarParts.optional().describe(
      'The story in situation, task, action and result parts. Give either `text` or `star`.',
    ),
    metrics: z
      .array(Text)
      .optional()
      .describe('Numbers to quote when telling it, e.g. "p99 latency 900 ms -> 120 ms".'),
    level: Level.optional().describe('The level the story is pitched at: L5 senior, L6, L7 principal, L8.'),
    scope: z
      .enum(STORY_SCOPES)
      .optional()
      .describe('How far the impact reached: team, multi-team or organisation.'),
  })
  .superRefine(
    (story, ctx) => {
      const hasText = story.text !== undefined;
      const hasStar = story.star !== undefined;
      if (hasText && hasStar) {
        ctx.addIssue({
          code: 'custom',
          path: ['star'],
          message: 'has both `text` and `star`: tell the story one way, keep one of them',
          params: { rule: 'invalid-value', at: 'key' },
        });
      } else if (!hasText && !hasStar) {
        ctx.addIssue({
          code: 'custom',
          path: [],
          message:
            'has no story: add `text` (free text) or `star` (situation, task, action and result parts)',
          params: { rule: 'missing-key' },
        });
      }
    },
    // Also when other fields are invalid, so one typo does not hide this problem until it is fixed.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .describe('A story from your own experience, for behavioral questions.');
export type Story = z.infer<typeof Story>;

export const StoriesFile = z
  .strictObject({
    kind: z.literal('stories').describe('Marks this file as a story bank.'),
    stories: z.array(Story).min(1, 'a stories file needs at least one story'),
  })
  .describe('Your story bank for interview-coach: the stories you tell in behavioral interviews.');
export type StoriesFile = z.infer<typeof StoriesFile>;
