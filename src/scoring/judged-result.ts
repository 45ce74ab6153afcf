import type { Judgement } from './judge-prompt.js';
import {
  type LlmScorerName,
  overallScore,
  SCORE_MAX,
  type ScoreResult,
  type TokenUsage,
  topSuggestions,
  verdictFor,
} from './result.js';
import type { ScoreInput } from './scorer.js';

/**
 * A validated judgement as a ScoreResult, for any LLM provider: every quote checked against the
 * answer (invented ones dropped, with a warning), overall and verdict computed in code from the levels.
 */
export function judgedResult(
  input: ScoreInput,
  judgement: Judgement,
  source: {
    scorer: LlmScorerName;
    model: string;
    promptVersion: string;
    rubricVersion: string;
    usage: TokenUsage;
    /** Warnings from the offline guards worth keeping (text addressed to a grader). */
    warnings: readonly string[];
  },
): ScoreResult {
  const warnings = [...source.warnings];
  let dropped = 0;
  const criteria = input.rubric.criteria.map((c) => {
    const judged = judgement.criteria[c.id]!;
    const evidence = judged.evidence
      .map((q) => q.trim())
      .filter((q) => {
        const real = q.length > 0 && input.answer.includes(q);
        if (!real) dropped++;
        return real;
      });
    return {
      id: c.id,
      name: c.name,
      score: judged.level,
      max: SCORE_MAX,
      evidence,
      feedback: judged.feedback.trim(),
    };
  });
  if (dropped > 0)
    warnings.push(`Dropped ${dropped} quoted piece(s) of evidence that do not appear in the answer.`);
  for (const w of judgement.warnings) warnings.push(`Judge: ${w}`);
  const overall = overallScore(criteria, input.rubric);
  return {
    questionId: input.question?.id ?? null,
    rubric: input.rubric.id,
    scorer: source.scorer,
    model: source.model,
    promptVersion: source.promptVersion,
    rubricVersion: source.rubricVersion,
    level: input.level ?? null,
    overall,
    verdict: verdictFor(overall),
    criteria,
    suggestions: topSuggestions(criteria, input.rubric, 3),
    warnings,
    usage: source.usage,
  };
}

/**
 * The offline score standing in for a failed LLM score: it says it is offline (scorer, model and
 * versions are the offline scorer's), why the LLM failed, and what the failed attempts cost.
 */
export function fallbackResult(
  offline: ScoreResult,
  failed: { from: LlmScorerName; model: string; reason: string; usage?: TokenUsage },
): ScoreResult {
  return {
    ...offline,
    warnings: [
      ...offline.warnings,
      `The ${failed.from} scorer failed (${failed.reason}); this is the offline score.`,
    ],
    ...(failed.usage && failed.usage.inputTokens + failed.usage.outputTokens > 0
      ? { usage: failed.usage }
      : {}),
    fallback: { from: failed.from, model: failed.model, reason: failed.reason },
  };
}
