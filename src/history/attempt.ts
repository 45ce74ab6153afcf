import type { ScoreResult } from '../scoring/result.js';

/** One scored answer, as history keeps it. Self-contained: it survives edits to the banks. */
export interface Attempt {
  v: 1;
  id: string;
  /** When it was recorded (ISO) and the candidate's local calendar day (YYYY-MM-DD). */
  at: string;
  date: string;
  source: 'practice' | 'drill' | 'score';
  questionId: string | null;
  bank: string | null;
  category: string | null;
  principles: string[];
  rubric: string;
  level: string | null;
  answer: string;
  elapsedMs: number | null;
  limitSeconds: number | null;
  scorer: ScoreResult['scorer'];
  overall: number | null;
  verdict: ScoreResult['verdict'];
  criteria: { id: string; score: number | null }[];
  costUsd: number;
}

export function attemptFrom(
  result: ScoreResult,
  context: {
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
  },
): Attempt {
  return {
    v: 1,
    id: context.id,
    at: context.at.toISOString(),
    date: context.date,
    source: context.source,
    questionId: context.question?.id ?? result.questionId,
    bank: context.question?.bank ?? null,
    category: context.question?.category ?? null,
    principles: context.question?.principles ?? [],
    rubric: result.rubric,
    level: result.level,
    answer: context.answer,
    elapsedMs: context.elapsedMs ?? null,
    limitSeconds: context.limitSeconds ?? null,
    scorer: result.scorer,
    overall: result.overall,
    verdict: result.verdict,
    criteria: result.criteria.map((c) => ({ id: c.id, score: c.score })),
    costUsd: (result.usage?.costUsd ?? 0) + (context.extraCostUsd ?? 0),
  };
}

/** The candidate's local calendar day: streaks and daily drills follow their clock, not UTC. */
export function localDate(at: Date): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Per "rubric/criterion": how many scored attempts and the sum of their 1-4 scores. */
export function criterionTotals(attempts: readonly Attempt[]): Map<string, { n: number; total: number }> {
  const totals = new Map<string, { n: number; total: number }>();
  for (const a of attempts) {
    for (const c of a.criteria) {
      if (c.score === null) continue;
      const key = `${a.rubric}/${c.id}`;
      const t = totals.get(key) ?? { n: 0, total: 0 };
      t.n++;
      t.total += c.score;
      totals.set(key, t);
    }
  }
  return totals;
}
