import type { FollowUp, FollowUpKind, Level, Question, Rubric } from '../schema/index.js';
import type { ScoreResult, TokenUsage } from './result.js';

/** What a scorer judges: an answer to a question (or to a free prompt) against a rubric. */
export interface ScoreInput {
  rubric: Rubric;
  /** The bank question, when there is one; its signals and principles inform the judgement. */
  question?: Pick<
    Question,
    'id' | 'prompt' | 'principles' | 'signals' | 'timeLimitSeconds' | 'focusCriteria'
  >;
  prompt: string;
  answer: string;
  level?: Level;
}

/** One interface for every scorer: the offline one and the LLM one (which falls back to offline). */
export interface Scorer {
  readonly name: ScoreResult['scorer'];
  score(input: ScoreInput): Promise<ScoreResult>;
  /**
   * Follow-up questions that probe the weakest part of a scored answer, as a bar raiser would, with
   * what generating them cost. `chain` is the planned chain: one entry per probe wanted, with the
   * kind to ask in that place (undefined: the model picks). Optional: scorers without it (offline)
   * leave the bank's follow-ups in place; null on failure.
   */
  followUps?(
    input: ScoreInput,
    result: ScoreResult,
    chain: readonly (FollowUpKind | undefined)[],
  ): Promise<GeneratedFollowUps | null>;
}

export interface GeneratedFollowUps {
  /** Each with the kind the model gave it. */
  prompts: FollowUp[];
  usage: TokenUsage;
}
