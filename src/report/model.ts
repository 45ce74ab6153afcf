import type { BankQuestion } from '../banks/registry.js';
import { type Attempt, judgeOf, scoredAttempts, scorerName } from '../history/attempt.js';
import { type Average, computeStats, type Stats } from '../history/stats.js';
import type { Rubric, Story } from '../schema/index.js';
import { coverage } from '../stories/coverage.js';

/**
 * The progress report as data: history + banks + stories in, every figure the HTML and Markdown
 * renderers show out, each with what produced it. Pure; the renderers only lay it out.
 */

/** One judge that produced scores in the report: scorer, model and prompt version, with its count. */
export interface ScoreSource {
  scorer: Attempt['scorer'];
  model: string | null;
  /** Absent in records from before versions were kept. */
  promptVersion: string | null;
  attempts: number;
}

export interface ReportAttempt {
  /** Position in the report (1 = newest): anchors use it, since attempt ids are user-controlled text. */
  n: number;
  id: string;
  at: string;
  date: string;
  source: Attempt['source'];
  questionId: string | null;
  /** The question as the bank now words it; null when it is not in the loaded banks. */
  prompt: string | null;
  rubric: string;
  scored: boolean;
  overall: number | null;
  verdict: Attempt['verdict'];
  judge: string;
  /** `note`: a person's note on the criterion (human-scored attempts only), else null. */
  criteria: { id: string; name: string; score: number | null; evidence: string[]; note: string | null }[];
  answer: string;
  /** The interviewer's overall note, when a person scored it. */
  note: string | null;
  elapsedSeconds: number | null;
  limitSeconds: number | null;
  costUsd: number;
  /** The practice session it belongs to, when its journal is still in the data directory. */
  session: string | null;
}

export interface TimeUse {
  id: string;
  date: string;
  questionId: string | null;
  elapsedSeconds: number;
  limitSeconds: number;
  /** elapsed / limit, as a percentage. */
  percent: number;
}

/** The 16 principles (rows) against the stories (columns, in file order), as `coach stories coverage` judges them. */
export interface StoryGrid {
  file: string;
  stories: { id: string; title: string }[];
  rows: {
    principle: string;
    name: string;
    /** Per story: claims the principle and shows it, claims it but hardly shows it, or does not claim it. */
    cells: ('shown' | 'weak' | 'none')[];
    count: number;
    /** Fewer stories than an interview loop needs (MIN_STORIES). */
    thin: boolean;
  }[];
}

export interface CriterionAverage extends Average {
  rubric: string;
  criterion: string;
  name: string;
}

export interface Report {
  generatedAt: string;
  since: string | null;
  /** No attempts (in range): the page says how to start instead. */
  empty: boolean;
  totals: {
    attempts: number;
    scored: number;
    unscored: number;
    daysPractised: number;
    streak: number;
    averageOverall: number | null;
    first: string | null;
    last: string | null;
  };
  sources: ScoreSource[];
  trend: (Stats['trend'][number] & { judges: string[] })[];
  byCriterion: CriterionAverage[];
  byBank: Record<string, Average>;
  byCategory: Record<string, Average>;
  weakest: Stats['weakest'];
  stories: StoryGrid | null;
  time: {
    attempts: TimeUse[];
    /** Attempts with both a time used and a limit recorded. */
    timed: number;
    overLimit: number;
    medianPercent: number | null;
  };
  recent: ReportAttempt[];
  cost: {
    totalUsd: number;
    byJudge: { judge: string; attempts: number; usd: number }[];
  };
}

export interface ReportInput {
  attempts: readonly Attempt[];
  questions: readonly BankQuestion[];
  rubrics: ReadonlyMap<string, Rubric>;
  stories?: { file: string; stories: readonly Story[] } | undefined;
  since?: string | undefined;
  today: string;
  generatedAt: string;
  /** Session ids whose journals exist, to point attempts at their transcripts. */
  sessions?: ReadonlySet<string>;
  /** How many recent attempts get a transcript section (default 10). */
  recent?: number;
}

export { judgeOf, scorerName };

export function buildReport(input: ReportInput): Report {
  const inRange = input.since ? input.attempts.filter((a) => a.date >= input.since!) : [...input.attempts];
  const scored = scoredAttempts(inRange);
  const stats = computeStats(input.attempts, {
    today: input.today,
    ...(input.since ? { since: input.since } : {}),
    questions: input.questions,
  });
  const prompts = new Map(input.questions.map((q) => [q.id, q.prompt]));
  const criterionName = (rubric: string, id: string) =>
    input.rubrics.get(rubric)?.criteria.find((c) => c.id === id)?.name ?? id;

  const sourceCounts = new Map<string, ScoreSource>();
  for (const a of scored) {
    const key = `${a.scorer}\u0000${a.model ?? ''}\u0000${a.promptVersion ?? ''}`;
    const s = sourceCounts.get(key) ?? {
      scorer: a.scorer,
      model: a.model ?? null,
      promptVersion: a.promptVersion ?? null,
      attempts: 0,
    };
    s.attempts++;
    sourceCounts.set(key, s);
  }

  const recentCount = input.recent ?? 10;
  const recent = [...inRange]
    .reverse()
    .slice(0, recentCount)
    .map((a, i): ReportAttempt => {
      const session = a.id.replace(/-\d+$/, '');
      return {
        n: i + 1,
        id: a.id,
        at: a.at,
        date: a.date,
        source: a.source,
        questionId: a.questionId,
        prompt: a.questionId ? (prompts.get(a.questionId) ?? null) : null,
        rubric: a.rubric,
        scored: a.status !== 'unscored',
        overall: a.overall,
        verdict: a.verdict,
        judge: judgeOf(a),
        criteria: a.criteria.map((c) => ({
          id: c.id,
          name: criterionName(a.rubric, c.id),
          score: c.score,
          evidence: c.evidence ?? [],
          note: c.note ?? null,
        })),
        answer: a.answer,
        note: a.note ?? null,
        elapsedSeconds: a.elapsedMs === null ? null : Math.round(a.elapsedMs / 1000),
        limitSeconds: a.limitSeconds,
        costUsd: a.costUsd ?? 0,
        session: session !== a.id && input.sessions?.has(session) ? session : null,
      };
    });

  const timeUse = inRange
    .filter((a) => a.elapsedMs !== null && a.limitSeconds !== null && a.limitSeconds > 0)
    .map(
      (a): TimeUse => ({
        id: a.id,
        date: a.date,
        questionId: a.questionId,
        elapsedSeconds: Math.round(a.elapsedMs! / 1000),
        limitSeconds: a.limitSeconds!,
        percent: Math.round((a.elapsedMs! / 1000 / a.limitSeconds!) * 100),
      }),
    );
  const percents = timeUse.map((t) => t.percent).sort((x, y) => x - y);

  const costs = new Map<string, { judge: string; attempts: number; usd: number }>();
  for (const a of inRange) {
    const judge = scorerName(a);
    const c = costs.get(judge) ?? { judge, attempts: 0, usd: 0 };
    c.attempts++;
    c.usd += a.costUsd ?? 0;
    costs.set(judge, c);
  }

  const stories = input.stories;
  return {
    generatedAt: input.generatedAt,
    since: input.since ?? null,
    empty: inRange.length === 0,
    totals: {
      attempts: inRange.length,
      scored: scored.length,
      unscored: inRange.length - scored.length,
      daysPractised: stats.daysPractised,
      streak: stats.streak,
      averageOverall: stats.averageOverall,
      first: inRange[0]?.date ?? null,
      last: inRange.at(-1)?.date ?? null,
    },
    sources: [...sourceCounts.values()].sort((x, y) => y.attempts - x.attempts),
    trend: stats.trend.map((t) => ({
      ...t,
      judges: [...new Set(scored.filter((a) => a.date === t.date).map(judgeOf))].sort(),
    })),
    byCriterion: Object.entries(stats.byCriterion).map(([key, v]) => {
      const [rubric, criterion] = key.split('/') as [string, string];
      return { rubric, criterion, name: criterionName(rubric, criterion), ...v };
    }),
    byBank: stats.byBank,
    byCategory: stats.byCategory,
    weakest: stats.weakest,
    stories: stories ? storyGrid(stories.file, stories.stories) : null,
    time: {
      attempts: timeUse,
      timed: timeUse.length,
      overLimit: timeUse.filter((t) => t.percent > 100).length,
      medianPercent: percents.length ? percents[Math.floor((percents.length - 1) / 2)]! : null,
    },
    recent,
    cost: {
      totalUsd: stats.costUsd,
      byJudge: [...costs.values()]
        .map((c) => ({ ...c, usd: Math.round(c.usd * 10000) / 10000 }))
        .sort((x, y) => y.usd - x.usd || (x.judge < y.judge ? -1 : 1)),
    },
  };
}

function storyGrid(file: string, stories: readonly Story[]): StoryGrid {
  const result = coverage(stories);
  const claims = new Map(result.claims.map((c) => [`${c.story}\u0000${c.principle}`, c]));
  return {
    file,
    stories: stories.map((s) => ({ id: s.id, title: s.title })),
    rows: result.principles.map((p) => ({
      principle: p.principle,
      name: p.name,
      cells: stories.map((s) => {
        const claim = claims.get(`${s.id}\u0000${p.principle}`);
        return claim ? (claim.weak ? 'weak' : 'shown') : 'none';
      }),
      count: p.count,
      thin: p.thin,
    })),
  };
}
