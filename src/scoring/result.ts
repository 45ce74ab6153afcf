import type { Level, Rubric } from '../schema/index.js';

export const VERDICTS = ['strong-no-hire', 'no-hire', 'hire', 'strong-hire'] as const;
export type Verdict = (typeof VERDICTS)[number] | 'insufficient';
export const SCORE_MAX = 4;

/** The scorers that ask a model: anthropic (also through Bedrock) and any OpenAI-compatible server. */
export type LlmScorerName = 'anthropic' | 'openai-compatible';

export interface CriterionScore {
  id: string;
  name: string;
  /** 1 (strong no hire) to 4 (strong hire); null when the answer is insufficient to judge. */
  score: number | null;
  max: number;
  /** Quotes from the answer, each an exact substring of it. */
  evidence: string[];
  feedback: string;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  costUsd: number;
}

/**
 * Who judged an answer: a program (offline, an LLM) or a person (`human`: an interviewer in
 * `coach interview --peer` entered the levels).
 */
export type ScorerName = 'offline' | LlmScorerName | 'human';

/** What every scorer returns, offline, LLM or a person, so results are comparable and stored alike. */
export interface ScoreResult {
  questionId: string | null;
  rubric: string;
  scorer: ScorerName;
  /** The model that judged (null offline and for a person): with the two versions below, what produced this score. */
  model: string | null;
  /**
   * LLM: a short hash of the grading rules, output schema and rubric text; offline: the offline
   * scorer's hand-bumped version; null when a person scored (there is no prompt). A score is only
   * comparable with scores of the same version.
   */
  promptVersion: string | null;
  /** A short hash of the rubric as loaded. */
  rubricVersion: string;
  level: Level | null;
  /** 0-100 from the weighted criteria, computed in code; null when insufficient. */
  overall: number | null;
  verdict: Verdict;
  criteria: CriterionScore[];
  /**
   * Set when the question is a focused deep-dive: the only criteria judged (its `focusCriteria`),
   * their weights renormalised to sum to 1. Absent when every criterion of the rubric was judged.
   */
  focusCriteria?: string[];
  suggestions: string[];
  warnings: string[];
  /** Tokens and cost spent on this answer, including failed attempts and repairs (also when it fell back). */
  usage?: TokenUsage;
  /** Set when an LLM scorer failed and this is the offline score instead: which one, and why. */
  fallback?: { from: LlmScorerName; model: string; reason: string };
  /** A person's score only: the interviewer's overall note (their notes per criterion are each criterion's feedback). */
  note?: string;
}

/**
 * The weighted mean of criterion scores mapped onto 0-100 (all 1s = 0, all 4s = 100), rounded to a
 * whole number. Computed here for every scorer so an LLM cannot report an overall its levels do not support.
 */
export function overallScore(
  criteria: readonly Pick<CriterionScore, 'id' | 'score'>[],
  rubric: Rubric,
): number {
  let weighted = 0;
  let weights = 0;
  for (const c of rubric.criteria) {
    const score = criteria.find((s) => s.id === c.id)?.score;
    if (score === null || score === undefined) continue;
    weighted += c.weight * ((score - 1) / (SCORE_MAX - 1));
    weights += c.weight;
  }
  return weights === 0 ? 0 : Math.round((weighted / weights) * 100);
}

/** Quartiles of the overall: below 25 strong no hire, below 50 no hire, below 75 hire, else strong hire. */
export function verdictFor(overall: number): Verdict {
  if (overall < 25) return 'strong-no-hire';
  if (overall < 50) return 'no-hire';
  if (overall < 75) return 'hire';
  return 'strong-hire';
}

/** The suggestions worth most: the weakest, heaviest criteria first. */
export function topSuggestions(criteria: readonly CriterionScore[], rubric: Rubric, count = 3): string[] {
  const weight = (id: string) => rubric.criteria.find((c) => c.id === id)?.weight ?? 0;
  return criteria
    .filter((c) => c.score !== null && c.score < SCORE_MAX)
    .map((c) => ({ c, gain: weight(c.id) * (SCORE_MAX - (c.score ?? 0)) }))
    .sort((a, b) => b.gain - a.gain || a.c.id.localeCompare(b.c.id))
    .slice(0, count)
    .map(({ c }) => `${c.name}: ${c.feedback}`);
}
