import { type Judgement, type JudgePrompt, parseJudgement } from './judge-prompt.js';
import { fallbackResult } from './judged-result.js';
import { describeFailure, ScorerFatalError, ScorerUnavailableError, UnusableReply } from './llm-failure.js';
import type { LlmScorerName, ScoreResult, TokenUsage } from './result.js';
import type { ScoreInput } from './scorer.js';

/**
 * The parts of judging an answer that do not depend on the provider: one request, one repair of
 * invalid output, and what a failure becomes. Each provider supplies only `ask`, which wraps the
 * conversation in its wire format and returns the reply text (throwing UnusableReply for a reply cut
 * off or refused).
 */

/** Nothing to judge: no tokens are spent on empty, gibberish or repeated text; the offline verdict stands. */
export function notSentToModel(offline: ScoreResult): ScoreResult {
  return {
    ...offline,
    warnings: [...offline.warnings, 'Not sent to the model: the answer is insufficient to judge.'],
  };
}

/** The offline guards' warnings a judged result keeps: text addressed to a grader, which the judge also ignores. */
export function graderWarnings(offline: ScoreResult): string[] {
  return offline.warnings.filter((w) => /grader/.test(w));
}

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * Asks for a judgement, and once more with what was wrong if the first reply does not validate. The
 * conversation starts with the prompt's user text; the system text is the provider's to send.
 */
export async function judgeWithRepair(
  input: ScoreInput,
  prompt: JudgePrompt,
  ask: (turns: Turn[]) => Promise<string>,
): Promise<Judgement> {
  const turns: Turn[] = [{ role: 'user', content: prompt.user }];
  const first = await ask(turns);
  const parsed = parseJudgement(first, input.rubric);
  if (parsed.ok) return parsed.value;

  // One repair attempt: show the model its output and what was wrong with it.
  const repair = await ask([
    ...turns,
    { role: 'assistant', content: first || '(empty)' },
    {
      role: 'user',
      content: `That output is not valid: ${parsed.error}. Reply again with JSON that matches the schema exactly, one entry per criterion (${input.rubric.criteria.map((c) => c.id).join(', ')}).`,
    },
  ]);
  const repaired = parseJudgement(repair, input.rubric);
  if (repaired.ok) return repaired.value;
  throw new UnusableReply(`invalid output after one repair attempt: ${repaired.error}`);
}

export interface FailureContext {
  scorer: LlmScorerName;
  model: string;
  /** Secrets to scrub from the reason. */
  secrets: readonly string[];
  timeoutMs: number;
  /** false with --no-fallback. */
  fallback: boolean;
  /** What the failed calls cost, when any tokens were reported. */
  usage?: TokenUsage | undefined;
  /** Added to a fatal error's line: how to fix this provider's configuration. */
  fatalHint?: string;
}

/**
 * What a failed LLM call becomes: a fatal failure (key refused, unknown model) or any failure with
 * --no-fallback throws (exit 2, one line); anything else is the offline score, marked as a fallback.
 */
export function fallBackOrThrow(error: unknown, offline: ScoreResult, context: FailureContext): ScoreResult {
  const { fatal, reason } = describeFailure(error, context.secrets, { timeoutMs: context.timeoutMs });
  if (fatal)
    throw new ScorerFatalError(
      `the ${context.scorer} scorer cannot work as configured: ${reason}${context.fatalHint ? `; ${context.fatalHint}` : ''}`,
    );
  if (!context.fallback)
    throw new ScorerUnavailableError(
      `the ${context.scorer} scorer failed (${reason}) and --no-fallback was given; nothing was scored`,
    );
  return fallbackResult(offline, {
    from: context.scorer,
    model: context.model,
    reason,
    ...(context.usage ? { usage: context.usage } : {}),
  });
}
