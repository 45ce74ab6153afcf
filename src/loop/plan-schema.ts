import * as z from 'zod';
import { LEVELS } from '../schema/index.js';
import { ROUND_KINDS } from './plan.js';

/**
 * The loop plan's schema, apart from the planner: a plan built by `buildLoopPlan` is valid by
 * construction, so only plans read from outside (an interview plan file, a session journal) are
 * checked, and zod stays off the start-up of the commands that only build or run plans (issue 18).
 */

export const loopRoundSchema = z.strictObject({
  id: z.string().regex(/^r[1-9]\d*$/, 'round ids are r1, r2, ...'),
  kind: z.enum(ROUND_KINDS),
  interviewer: z.string().trim().min(1),
  principles: z.array(z.string().min(1)),
  questions: z.array(z.string().min(1)).min(1, 'a round asks at least one question'),
  minutes: z.number().positive(),
});
export type LoopRound = z.infer<typeof loopRoundSchema>;

/** The plan as `coach loop --plan --json` prints it, and as peer mode and the journal read it back. */
export const loopPlanSchema = z
  .strictObject({
    level: z.enum(LEVELS),
    seed: z.number().int().nonnegative(),
    job: z.strictObject({ file: z.string(), terms: z.array(z.string()) }).nullable(),
    rounds: z.array(loopRoundSchema).min(1),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.rounds.forEach((round, r) => {
      if (round.id !== `r${r + 1}`)
        ctx.addIssue({ code: 'custom', path: ['rounds', r, 'id'], message: `expected "r${r + 1}"` });
      round.principles.forEach((p, i) => {
        if (seen.has(p))
          ctx.addIssue({
            code: 'custom',
            path: ['rounds', r, 'principles', i],
            message: `principle "${p}" is owned by an earlier round; no principle is asked twice in a loop`,
          });
        seen.add(p);
      });
    });
  });
export type LoopPlan = z.infer<typeof loopPlanSchema>;
