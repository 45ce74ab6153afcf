import type { BankQuestion } from '../banks/registry.js';
import { judgesCriterion } from '../scoring/focus.js';
import { type Attempt, criterionTotals, scoredAttempts } from './attempt.js';

export interface Average {
  attempts: number;
  average: number | null;
}

export interface Stats {
  attempts: number;
  /** Of `attempts`, how many a person scored (`coach interview --peer`); the rest a scorer did. */
  scoredByPerson: number;
  daysPractised: number;
  /** Consecutive days practised up to today (or up to yesterday, if today has no attempt yet). */
  streak: number;
  averageOverall: number | null;
  byBank: Record<string, Average>;
  byCategory: Record<string, Average>;
  byPrinciple: Record<string, Average>;
  /**
   * Keyed "scorer/model/promptVersion" (offline: "offline/offline-N"; records from before versions
   * were kept: "<scorer>/unrecorded"): scores are comparable only within one key.
   */
  byVersion: Record<string, Average>;
  /** Keyed "rubric/criterion"; averages on the 1-4 scale. */
  byCriterion: Record<string, Average>;
  /** `byPerson`: how many of the criterion's `attempts` levels a person gave rather than a scorer. */
  weakest: {
    criterion: string;
    rubric: string;
    average: number;
    attempts: number;
    byPerson: number;
    questions: string[];
  }[];
  /** One point per day practised: the average overall that day. */
  trend: { date: string; attempts: number; average: number | null }[];
  costUsd: number;
}

export function computeStats(
  all: readonly Attempt[],
  options: { today: string; since?: string; questions: readonly BankQuestion[] },
): Stats {
  const attempts = scoredAttempts(options.since ? all.filter((a) => a.date >= options.since!) : all);
  const scored = attempts.filter((a) => a.overall !== null);
  const days = [...new Set(attempts.map((a) => a.date))].sort();

  const group = (key: (a: Attempt) => string[]): Record<string, Average> => {
    const sums = new Map<string, { n: number; total: number; scored: number }>();
    for (const a of attempts) {
      for (const k of key(a)) {
        const s = sums.get(k) ?? { n: 0, total: 0, scored: 0 };
        s.n++;
        if (a.overall !== null) {
          s.total += a.overall;
          s.scored++;
        }
        sums.set(k, s);
      }
    }
    return Object.fromEntries(
      [...sums]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, s]) => [k, { attempts: s.n, average: s.scored ? round(s.total / s.scored) : null }]),
    );
  };

  const criterionSums = criterionTotals(attempts);
  const byCriterion = Object.fromEntries(
    [...criterionSums]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, s]) => [k, { attempts: s.n, average: round(s.total / s.n, 2) }]),
  );

  const bestScore = new Map<string, number>();
  for (const a of scored)
    bestScore.set(a.questionId ?? '', Math.max(bestScore.get(a.questionId ?? '') ?? 0, a.overall!));
  const weakest = Object.entries(byCriterion)
    .filter(([, v]) => v.average !== null)
    .sort(([ka, a], [kb, b]) => a.average! - b.average! || (ka < kb ? -1 : 1))
    .slice(0, 3)
    .map(([key, v]) => {
      const [rubric, criterion] = key.split('/') as [string, string];
      // Questions that train it: same rubric and judged on it, never tried first, then the lowest best score.
      const questions = options.questions
        .filter((q) => q.rubric === rubric && judgesCriterion(q, criterion))
        .map((q) => ({ id: q.id, best: bestScore.get(q.id) ?? -1 }))
        .sort((a, b) => a.best - b.best || (a.id < b.id ? -1 : 1))
        .slice(0, 3)
        .map((q) => q.id);
      const byPerson = criterionSums.get(key)?.byPerson ?? 0;
      return { criterion, rubric, average: v.average!, attempts: v.attempts, byPerson, questions };
    });

  return {
    attempts: attempts.length,
    scoredByPerson: attempts.filter((a) => a.scorer === 'human').length,
    daysPractised: days.length,
    streak: streak(new Set(scoredAttempts(all).map((a) => a.date)), options.today),
    averageOverall: scored.length ? round(scored.reduce((s, a) => s + a.overall!, 0) / scored.length) : null,
    byBank: group((a) => (a.bank ? [a.bank] : [])),
    byCategory: group((a) => (a.category ? [a.category] : [])),
    byPrinciple: group((a) => a.principles),
    byVersion: group((a) => [versionKey(a)]),
    byCriterion,
    weakest,
    trend: days.map((date) => {
      const day = attempts.filter((a) => a.date === date);
      const s = day.filter((a) => a.overall !== null);
      return {
        date,
        attempts: day.length,
        average: s.length ? round(s.reduce((t, a) => t + a.overall!, 0) / s.length) : null,
      };
    }),
    costUsd: round(
      attempts.reduce((s, a) => s + (a.costUsd ?? 0), 0),
      4,
    ),
  };
}

/** What produced an attempt's score, as one key: scorer, model (LLM only) and prompt version. */
function versionKey(a: Pick<Attempt, 'scorer' | 'model' | 'promptVersion'>): string {
  // A person has no model and no prompt: every human score is one group.
  if (a.scorer === 'human') return 'human';
  if (!a.promptVersion) return `${a.scorer}/unrecorded`;
  return a.model ? `${a.scorer}/${a.model}/${a.promptVersion}` : `${a.scorer}/${a.promptVersion}`;
}

export interface VersionFilter {
  scorer?: string | undefined;
  model?: string | undefined;
  promptVersion?: string | undefined;
}

/** Attempts scored by this scorer, model and prompt version (each optional). */
export function filterByVersion(attempts: readonly Attempt[], filter: VersionFilter): Attempt[] {
  return attempts.filter(
    (a) =>
      (filter.scorer === undefined || a.scorer === filter.scorer) &&
      (filter.model === undefined || a.model === filter.model) &&
      (filter.promptVersion === undefined || a.promptVersion === filter.promptVersion),
  );
}

function streak(days: ReadonlySet<string>, today: string): number {
  let day = days.has(today) ? today : addDays(today, -1);
  let n = 0;
  while (days.has(day)) {
    n++;
    day = addDays(day, -1);
  }
  return n;
}

/** @internal The day `delta` days from `date`; also builds the test history's dates. */
export function addDays(date: string, delta: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** A sparkline of 0-100 values; gaps (null) as spaces. */
export function sparkline(values: readonly (number | null)[]): string {
  return values.map((v) => (v === null ? ' ' : BLOCKS[Math.min(7, Math.floor((v / 100) * 8))])).join('');
}
