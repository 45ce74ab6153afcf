import type { Registry } from '../../banks/registry.js';
import { UsageError } from '../../errors.js';
import type { LoopPlan } from '../../loop/plan.js';
import type { SessionOptions } from '../../session/engine.js';
import { loopSessionQuestions } from '../../session/loop.js';
import type { CommandContext } from '../context.js';
import { chosenScorer, givenScorerFlags, type ScorerFlags } from './scorer-choice.js';
import { startSession } from './session.js';

/**
 * `coach loop` on a terminal: the plan run as one journaled session (source 'loop'), round after
 * round on the practice screen, each answer scored by the chosen scorer, the debrief at the end.
 * `coach resume` continues it like any session: the plan travels in the journal's start event.
 */
export async function runLoop(
  plan: LoopPlan,
  flags: ScorerFlags,
  registry: Registry,
  ctx: CommandContext,
): Promise<number> {
  const { questions, missing } = loopSessionQuestions(plan, registry.questions);
  if (missing.length > 0)
    throw new UsageError(
      `the plan asks ${missing.length === 1 ? 'a question' : 'questions'} the banks do not have: ${missing.join(', ')}`,
    );
  const options: SessionOptions = {
    seed: plan.seed,
    // A loop keeps to its clock: at zero an answer is submitted, as in an interview room.
    overtime: false,
    scoreAtEnd: false,
    scorer: await chosenScorer(flags, ctx),
    ...givenScorerFlags(flags),
    source: 'loop',
    level: plan.level,
    filters: { rounds: plan.rounds.length, job: plan.job?.file ?? null },
  };
  return startSession(questions, options, registry, ctx, undefined, plan);
}
