import { SCORED_BY_A_PERSON } from '../scoring/human.js';
import type { ScoreResult } from '../scoring/result.js';

/** One scored answer, as history keeps it. Self-contained: it survives edits to the banks. */
export interface Attempt {
  v: 1;
  id: string;
  /** When it was recorded (ISO) and the candidate's local calendar day (YYYY-MM-DD). */
  at: string;
  date: string;
  /** `peer`: a person interviewed and scored (`coach interview --peer`); `loop`: a round of `coach loop`. */
  source: 'practice' | 'drill' | 'score' | 'peer' | 'loop';
  questionId: string | null;
  bank: string | null;
  category: string | null;
  principles: string[];
  rubric: string;
  level: string | null;
  answer: string;
  elapsedMs: number | null;
  limitSeconds: number | null;
  /** `human` when a person entered the levels (then there is no model and no prompt version). */
  scorer: ScoreResult['scorer'];
  /**
   * What produced the score (absent in records from before they were kept): the model (null
   * offline and for a person), the prompt version (offline: the offline scorer's version; absent
   * for a person) and the rubric version.
   */
  model?: string | null;
  promptVersion?: string;
  rubricVersion?: string;
  /**
   * 'unscored': the answer, recorded before any network call; a later record with the same id
   * completes it with the score. One left unscored was interrupted (or its batch is uncollected).
   */
  status?: 'unscored';
  overall: number | null;
  verdict: ScoreResult['verdict'];
  /**
   * Per criterion, its 1-4 score and the quotes from the answer the scorer gave as evidence
   * (`evidence` is absent in records from before it was kept, and when there was none).
   */
  criteria: { id: string; score: number | null; evidence?: string[]; note?: string }[];
  costUsd: number;
  /**
   * Scored by a person only: the interviewer's overall note (each criterion's own note is its
   * `note`). The answer of such an attempt is the transcript when one was given, else empty.
   */
  note?: string;
}

/** Where and when an answer was given: everything an attempt records besides its score. */
export interface AttemptContext {
  id: string;
  at: Date;
  date: string;
  source: Attempt['source'];
  question?: { id: string; bank: string; category: string; principles: string[] };
  answer: string;
  elapsedMs?: number;
  limitSeconds?: number;
  /** LLM cost spent on this answer beyond scoring it: writing its follow-ups. */
  extraCostUsd?: number;
}

export function attemptFrom(result: ScoreResult, context: AttemptContext): Attempt {
  return {
    ...answerFields(context, result.rubric, result.level),
    questionId: context.question?.id ?? result.questionId,
    scorer: result.scorer,
    model: result.model,
    ...(result.promptVersion !== null ? { promptVersion: result.promptVersion } : {}),
    rubricVersion: result.rubricVersion,
    overall: result.overall,
    verdict: result.verdict,
    // Evidence is kept so `coach compare` can show what appeared and disappeared between attempts;
    // a person's notes are their evidence, so they are kept too.
    criteria: result.criteria.map((c) => ({
      id: c.id,
      score: c.score,
      ...(c.evidence.length > 0 ? { evidence: c.evidence } : {}),
      ...(result.scorer === 'human' && c.feedback ? { note: c.feedback } : {}),
    })),
    costUsd: (result.usage?.costUsd ?? 0) + (context.extraCostUsd ?? 0),
    ...(result.note ? { note: result.note } : {}),
  };
}

/**
 * The answer as an unscored attempt, written before scoring starts so an interrupted call (Ctrl-C,
 * a crash, a batch left running) cannot lose it. `attemptFrom` with the same id and time completes it.
 */
export function unscoredAttempt(
  input: { rubric: { id: string }; level?: string | undefined },
  scorer: ScoreResult['scorer'],
  context: AttemptContext,
): Attempt {
  return {
    ...answerFields(context, input.rubric.id, input.level ?? null),
    scorer,
    status: 'unscored',
    overall: null,
    verdict: 'insufficient',
    criteria: [],
    costUsd: 0,
  };
}

/** What an attempt records about the answer itself, scored or not. */
function answerFields(context: AttemptContext, rubric: string, level: string | null) {
  return {
    v: 1 as const,
    id: context.id,
    at: context.at.toISOString(),
    date: context.date,
    source: context.source,
    questionId: context.question?.id ?? null,
    bank: context.question?.bank ?? null,
    category: context.question?.category ?? null,
    principles: context.question?.principles ?? [],
    rubric,
    level,
    answer: context.answer,
    elapsedMs: context.elapsedMs ?? null,
    limitSeconds: context.limitSeconds ?? null,
  };
}

/**
 * Who scored, as one label: the scorer and its model ("anthropic claude-sonnet-5-5", "offline"), or
 * "human (scored by a person)".
 */
export function scorerName(a: { scorer: string; model?: string | null }): string {
  if (a.scorer === 'human') return `human (${SCORED_BY_A_PERSON})`;
  return a.model ? `${a.scorer} ${a.model}` : a.scorer;
}

/**
 * How a score was produced, as one phrase: "offline (offline-1)", "anthropic claude-sonnet-5-5 (prompt
 * 1a2b...)". Takes an attempt or a ScoreResult: the report, compare and the loop debrief name judges alike.
 */
export function judgeOf(a: { scorer: string; model?: string | null; promptVersion?: string | null }): string {
  const who = scorerName(a);
  // A person has no model and no prompt version.
  if (a.scorer === 'human') return 'a person';
  if (!a.promptVersion) return `${who} (version unrecorded)`;
  return a.promptVersion.startsWith(a.scorer)
    ? `${who} (${a.promptVersion})`
    : `${who} (prompt ${a.promptVersion})`;
}

/** Scored attempts only: what stats, streaks and schedules count. */
export function scoredAttempts(attempts: readonly Attempt[]): Attempt[] {
  return attempts.filter((a) => a.status !== 'unscored');
}

/** The candidate's local calendar day: streaks and daily drills follow their clock, not UTC. */
export function localDate(at: Date): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * Per "rubric/criterion": how many scored attempts, the sum of their 1-4 scores, and how many of
 * those levels a person gave (so stats and drills can say when a weakness is a person's judgement).
 */
export function criterionTotals(
  attempts: readonly Attempt[],
): Map<string, { n: number; total: number; byPerson: number }> {
  const totals = new Map<string, { n: number; total: number; byPerson: number }>();
  for (const a of attempts) {
    for (const c of a.criteria) {
      if (c.score === null) continue;
      const key = `${a.rubric}/${c.id}`;
      const t = totals.get(key) ?? { n: 0, total: 0, byPerson: 0 };
      t.n++;
      t.total += c.score;
      if (a.scorer === 'human') t.byPerson++;
      totals.set(key, t);
    }
  }
  return totals;
}
