import type { FollowUp, FollowUpKind, Level, Question, Rubric } from '../schema/index.js';
import type { ScoreResult, TokenUsage } from './result.js';

/** What a scorer judges: an answer to a question (or to a free prompt) against a rubric. */
export interface ScoreInput {
  rubric: Rubric;
  /**
   * The bank question, when there is one; its signals and principles inform the judgement, and the
   * LLM judge is also told its pitfalls and the levels it is asked at.
   */
  question?: Pick<
    Question,
    'id' | 'prompt' | 'principles' | 'signals' | 'timeLimitSeconds' | 'focusCriteria'
  > &
    Partial<Pick<Question, 'pitfalls' | 'levels' | 'tenets'>>;
  prompt: string;
  answer: string;
  /** The target level: --level, else `level:` in the config file; absent, the question's levels are stated. */
  level?: Level;
  /** How the answer was given: typed (the default) or spoken and transcribed. */
  mode?: AnswerMode;
}

/**
 * How the answer was given: typed at a keyboard (practice, drill, and by default a pasted answer) or
 * spoken aloud. It sets how many words fit the time limit.
 */
export const ANSWER_MODES = ['typed', 'spoken'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

/** One interface for every scorer: the offline one and the LLM one (which falls back to offline). */
export interface Scorer {
  readonly name: ScoreResult['scorer'];
  score(input: ScoreInput): Promise<ScoreResult>;
  /**
   * Follow-up questions that probe the weakest part of a scored answer, as a bar raiser would, with
   * what generating them cost. `chain` is the planned chain: one entry per probe wanted, with the
   * kind to ask in that place (undefined: the model picks). Optional: scorers without it (offline)
   * leave the bank's follow-ups in place; null when the call failed, no prompts (but the usage) when
   * the reply came back unusable, so its tokens are still counted.
   */
  followUps?(
    input: ScoreInput,
    result: ScoreResult,
    chain: readonly (FollowUpKind | undefined)[],
  ): Promise<GeneratedFollowUps | null>;
  /**
   * Scores many answers as one batch job (the anthropic scorer's Message Batches, at half the price),
   * results in the order of the inputs. Optional: without it, answers are scored one by one.
   */
  scoreMany?(inputs: readonly ScoreInput[], options?: BatchRunOptions): Promise<ScoreResult[]>;
}

export interface BatchRunOptions {
  pollMs?: number;
  onPoll?: (done: number, total: number) => void;
  /** The batch exists (and is paid for): store it and say its id, before any polling. */
  onCreated?: (batch: CreatedBatch) => void;
}

export interface CreatedBatch {
  id: string;
  model: string;
  estimatedCostUsd: number;
  /** The answers sent, by their index in the inputs. */
  items: { index: number; customId: string; promptVersion: string; rubricVersion: string }[];
}

export interface GeneratedFollowUps {
  /** Each with the kind the model gave it. */
  prompts: FollowUp[];
  usage: TokenUsage;
}
