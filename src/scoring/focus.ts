import type { Question, Rubric } from '../schema/index.js';
import type { ScoreResult } from './result.js';
import type { ScoreInput, Scorer } from './scorer.js';

/** A question that may narrow its rubric to a few criteria (a focused deep-dive). */
export type Focusable = Pick<Question, 'focusCriteria'> | undefined;

/**
 * The rubric a question is judged on. A focused deep-dive of 20-25 minutes cannot cover every
 * end-to-end criterion, so a question may list `focusCriteria`: only those are kept, in the
 * rubric's order, with their weights renormalised to sum to 1, so the overall reads on the same
 * 0-100 scale. Without a focus (or when none of its ids is in the rubric, which lint reports) the
 * rubric itself is returned, unchanged and by identity.
 */
export function focusRubric(rubric: Rubric, question: Focusable): Rubric {
  const focus = question?.focusCriteria;
  if (!focus?.length) return rubric;
  const kept = rubric.criteria.filter((c) => focus.includes(c.id));
  if (kept.length === 0 || kept.length === rubric.criteria.length) return rubric;
  const total = kept.reduce((sum, c) => sum + c.weight, 0);
  return { ...rubric, criteria: kept.map((c) => ({ ...c, weight: c.weight / total })) };
}

/**
 * Whether a question's answers are judged on this criterion of its rubric: every criterion, unless
 * the question lists a focus. History reads it so a focused question is never offered to train a
 * criterion it does not judge.
 */
export function judgesCriterion(question: Focusable, criterionId: string): boolean {
  const focus = question?.focusCriteria;
  return !focus?.length || focus.includes(criterionId);
}

/** The criterion ids a focused result was judged on, or undefined when the whole rubric was. */
export function judgedOn(full: Rubric, effective: Rubric): string[] | undefined {
  return effective === full ? undefined : effective.criteria.map((c) => c.id);
}

/**
 * The scorer every command uses: each input's rubric is narrowed to its question's focus before any
 * scorer (offline, LLM, batch, follow-ups) sees it, and each result names the criteria it judged.
 * One place, so no command can forget the focus and no scorer needs to know about it.
 */
export function focusingScorer(scorer: Scorer): Scorer {
  const narrow = (input: ScoreInput): ScoreInput => ({
    ...input,
    rubric: focusRubric(input.rubric, input.question),
  });
  const stamp = (input: ScoreInput, narrowed: ScoreInput, result: ScoreResult): ScoreResult => {
    const judged = judgedOn(input.rubric, narrowed.rubric);
    return judged ? { ...result, focusCriteria: judged } : result;
  };
  const focusing: Scorer = {
    name: scorer.name,
    async score(input) {
      const narrowed = narrow(input);
      return stamp(input, narrowed, await scorer.score(narrowed));
    },
  };
  if (scorer.followUps) {
    const followUps = scorer.followUps.bind(scorer);
    focusing.followUps = (input, result, chain) => followUps(narrow(input), result, chain);
  }
  if (scorer.scoreMany) {
    const many = scorer.scoreMany.bind(scorer);
    focusing.scoreMany = async (inputs, options) => {
      const narrowed = inputs.map(narrow);
      const results = await many(narrowed, options);
      return results.map((r, i) => stamp(inputs[i]!, narrowed[i]!, r));
    };
  }
  return focusing;
}
