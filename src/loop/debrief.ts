import type { BankQuestion } from '../banks/registry.js';
import { judgeOf } from '../history/attempt.js';
import type { FollowUpKind } from '../schema/index.js';
import { findPrinciple } from '../schema/principles.js';
import { type CriterionScore, SCORE_MAX, type ScoreResult, verdictFor } from '../scoring/result.js';
import type { LoopPlan, LoopRound, RoundKind } from './plan.js';

/**
 * The debrief after a loop, as an Amazon hiring meeting reads it: each interviewer's vote with the
 * evidence quoted from the answers, the strongest and weakest evidence per principle, the bar
 * raiser's summary, one recommendation by a stated rule, and three things to practise next. Pure.
 */

export const VOTES = ['strong-no-hire', 'no-hire', 'hire', 'strong-hire'] as const;
export type Vote = (typeof VOTES)[number];

/** One thing the candidate said: the main answer or a probe's, with the prompt it answered. */
export interface AnswerPart {
  prompt: string;
  /** The probe's kind; absent for the main answer and for plain-text probes. */
  kind?: FollowUpKind;
  text: string;
}

/** A question of a round as it went: the answers (main first, then the probes) and its score. */
export interface QuestionOutcome {
  questionId: string;
  answers: AnswerPart[];
  /** Null when the question was not scored (skipped scoring, or the loop stopped before it). */
  score: ScoreResult | null;
}

export interface RoundOutcome {
  roundId: string;
  questions: QuestionOutcome[];
}

/** A quote from an answer, with where it came from and what it showed. */
export interface Evidence {
  questionId: string;
  /** Exactly as the candidate wrote it (a substring of one of the answers). */
  quote: string;
  /** The criterion it was evidence for, when the scorer quoted it; absent for a quote taken as is. */
  criterion?: string;
  /** That criterion's 1-4 score, or null. */
  score: number | null;
  /** What the scorer said about that criterion. */
  feedback?: string;
}

export interface RoundVote {
  roundId: string;
  kind: RoundKind;
  interviewer: string;
  /** Null when none of the round's questions was scored: the interviewer has nothing to vote on. */
  vote: Vote | null;
  /** The number the vote came from: the mean overall (0-100), or for the bar raiser the lowest. */
  basis: number | null;
  /** How the vote was reached, with the numbers ("mean overall 58 of 2 questions"). */
  reason: string;
  questions: { questionId: string; overall: number | null; verdict: string; judge: string | null }[];
  /** The best and the worst quotes of the round (strongest first). */
  evidence: Evidence[];
}

export interface PrincipleDebrief {
  principle: string;
  name: string;
  roundId: string;
  questionId: string;
  overall: number | null;
  strongest: Evidence | null;
  weakest: Evidence | null;
}

export type Recommendation = 'strong-hire' | 'hire' | 'no-hire';

export interface PracticeItem {
  /** What to work on, in a few words: a principle or a rubric criterion. */
  focus: string;
  /** Why, with the numbers it came from. */
  reason: string;
  /** Questions to practise it on: the loop's question where it showed first, then others from the banks. */
  questionIds: string[];
}

export interface Debrief {
  level: LoopPlan['level'];
  rounds: RoundVote[];
  principles: PrincipleDebrief[];
  /** The bar raiser's summary, or null when the plan has no bar-raiser round. */
  barRaiser: { roundId: string; summary: string } | null;
  recommendation: {
    decision: Recommendation | null;
    /** The rule, as the README states it. */
    rule: string;
    /** Why this decision under the rule, naming the rounds that decided it. */
    because: string;
    /** Rounds without a vote (not scored): the decision rests on the others. */
    missing: string[];
  };
  practice: PracticeItem[];
  /** Every judge behind the numbers: "offline (offline-1)", "anthropic claude-sonnet-5-5 (prompt ...)". */
  judges: string[];
}

export const RECOMMENDATION_RULE =
  'Each interviewer votes from the quartile of the mean overall score of their questions (below 25 strong no hire, below 50 no hire, below 75 hire, else strong hire); the bar raiser votes on their weakest question. Any strong no hire, or a bar raiser no hire, blocks the offer. Otherwise two or more no hire votes mean no hire; no no-hire vote and at least half strong hire votes mean strong hire; anything else is hire.';

/**
 * The debrief of a loop from its plan and what happened in each round. `bank` (the questions the
 * plan was built from) lets the practice list point at other questions than the loop's own.
 */
export function buildDebrief(
  plan: LoopPlan,
  outcomes: readonly RoundOutcome[],
  bank: readonly BankQuestion[] = [],
): Debrief {
  const byRound = new Map(outcomes.map((o) => [o.roundId, o]));
  const rounds = plan.rounds.map((round) => roundVote(round, byRound.get(round.id)));
  const principles = plan.rounds.flatMap((round) =>
    round.principles.map((principle, i) => {
      const questionId = round.questions[i] ?? '';
      const outcome = byRound.get(round.id)?.questions.find((q) => q.questionId === questionId);
      return principleDebrief(principle, round, questionId, outcome);
    }),
  );
  const judges = [
    ...new Set(outcomes.flatMap((o) => o.questions.flatMap((q) => (q.score ? [judgeOf(q.score)] : [])))),
  ].sort();
  const barRound = plan.rounds.find((r) => r.kind === 'bar-raiser');
  return {
    level: plan.level,
    rounds,
    principles,
    barRaiser: barRound
      ? {
          roundId: barRound.id,
          summary: barRaiserSummary(
            rounds.find((r) => r.roundId === barRound.id)!,
            principles.filter((p) => p.roundId === barRound.id),
            byRound.get(barRound.id),
          ),
        }
      : null,
    recommendation: recommend(rounds),
    practice: practiceNext(plan, outcomes, principles, bank),
    judges,
  };
}

/** An overall that counts: an insufficient answer (too short, empty) scores 0, as it would in a loop. */
function overallOf(score: ScoreResult | null): number | null {
  if (!score) return null;
  return score.verdict === 'insufficient' ? 0 : score.overall;
}

function roundVote(round: LoopRound, outcome: RoundOutcome | undefined): RoundVote {
  const questions = round.questions.map((questionId) => {
    const q = outcome?.questions.find((o) => o.questionId === questionId);
    return {
      questionId,
      overall: overallOf(q?.score ?? null),
      verdict: q?.score ? q.score.verdict : 'unscored',
      judge: q?.score ? judgeOf(q.score) : null,
    };
  });
  const scored = questions.filter((q) => q.overall !== null);
  const base = { roundId: round.id, kind: round.kind, interviewer: round.interviewer, questions };
  const evidence = roundEvidence(outcome);
  if (scored.length === 0)
    return {
      ...base,
      vote: null,
      basis: null,
      reason: 'no vote: none of its questions was scored',
      evidence,
    };
  const overalls = scored.map((q) => q.overall!);
  const unscored = questions.length - scored.length;
  const note = unscored > 0 ? `; ${unscored} unscored question(s) left out` : '';
  if (round.kind === 'bar-raiser') {
    const lowest = Math.min(...overalls);
    const weakest = scored.find((q) => q.overall === lowest)!;
    return {
      ...base,
      vote: verdictFor(lowest) as Vote,
      basis: lowest,
      reason: `the weakest question decides: ${weakest.questionId} scored ${lowest}/100${note}`,
      evidence,
    };
  }
  const mean = Math.round(overalls.reduce((a, b) => a + b, 0) / overalls.length);
  return {
    ...base,
    vote: verdictFor(mean) as Vote,
    basis: mean,
    reason: `mean overall ${mean}/100 of ${scored.length} question(s)${note}`,
    evidence,
  };
}

/** The round's strongest and weakest quotes, each from the answers themselves. */
function roundEvidence(outcome: RoundOutcome | undefined): Evidence[] {
  const all = (outcome?.questions ?? []).flatMap((q) => quotedEvidence(q));
  if (all.length === 0) return [];
  const sorted = [...all].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const strongest = sorted[0]!;
  const weakest = weakestApart(sorted, strongest);
  return weakest ? [strongest, weakest] : [strongest];
}

/**
 * The lowest-scored evidence that quotes something else than the strongest (a scorer often cites
 * one sentence for several criteria): the same words twice would show nothing new. Null if none.
 */
function weakestApart(sorted: readonly Evidence[], strongest: Evidence): Evidence | null {
  const overlaps = (a: string, b: string) => a.includes(b) || b.includes(a);
  for (let i = sorted.length - 1; i > 0; i--) {
    const e = sorted[i]!;
    if (e !== strongest && !overlaps(e.quote, strongest.quote) && (e.score ?? 0) < (strongest.score ?? 0))
      return e;
  }
  return null;
}

/**
 * The scorer's evidence for a question: each criterion's quotes that really are in the answers
 * (an LLM's invented quote is dropped here too), best criterion first.
 */
function quotedEvidence(outcome: QuestionOutcome): Evidence[] {
  if (!outcome.score) return [];
  const said = outcome.answers.map((a) => a.text);
  const out: Evidence[] = [];
  for (const c of outcome.score.criteria) {
    const quote = c.evidence.find((e) => e.trim().length > 0 && said.some((text) => text.includes(e)));
    if (quote) out.push(evidenceOf(outcome.questionId, quote, c));
  }
  return out.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
}

function evidenceOf(questionId: string, quote: string, c: CriterionScore): Evidence {
  return {
    questionId,
    quote,
    criterion: c.name,
    score: c.score,
    ...(c.feedback ? { feedback: c.feedback } : {}),
  };
}

/** The first sentence of the main answer (at most 180 characters), for a question the scorer quoted nothing of. */
function openingOf(outcome: QuestionOutcome): Evidence | null {
  const main = outcome.answers[0]?.text.trim() ?? '';
  if (!main) return null;
  const sentence = /^[^.!?\n]+[.!?]?/.exec(main)?.[0] ?? main;
  const cut = sentence.length <= 180 ? sentence : sentence.slice(0, sentence.lastIndexOf(' ', 180)).trimEnd();
  return { questionId: outcome.questionId, quote: cut, score: null };
}

function principleDebrief(
  principle: string,
  round: LoopRound,
  questionId: string,
  outcome: QuestionOutcome | undefined,
): PrincipleDebrief {
  const evidence = outcome ? quotedEvidence(outcome) : [];
  const strongest = evidence[0] ?? (outcome ? openingOf(outcome) : null);
  const weakest = evidence.length > 1 ? weakestApart(evidence, evidence[0]!) : null;
  return {
    principle,
    name: findPrinciple(principle)?.name ?? principle,
    roundId: round.id,
    questionId,
    overall: overallOf(outcome?.score ?? null),
    strongest,
    weakest,
  };
}

function barRaiserSummary(
  vote: RoundVote,
  principles: readonly PrincipleDebrief[],
  outcome: RoundOutcome | undefined,
): string {
  const names = principles.map((p) => p.name).join(' and ');
  if (vote.vote === null)
    return `The bar raiser probed ${names} but nothing was scored, so there is no vote.`;
  const sentences = [`The bar raiser probed ${names} and votes ${VOTE_LABEL[vote.vote]} (${vote.reason}).`];
  const ranked = principles.filter((p) => p.overall !== null).sort((a, b) => a.overall! - b.overall!);
  const weakest = ranked[0];
  const strongest = ranked.at(-1);
  // The weakest story's lowest evidence: its weakest quote, or its only one.
  const low = weakest?.weakest ?? weakest?.strongest;
  if (weakest && low?.criterion)
    sentences.push(
      `Weakest: ${weakest.name} at ${weakest.overall}/100, ${low.criterion.toLowerCase()} ${low.score}/${SCORE_MAX}: "${low.quote}"`,
    );
  else if (weakest) sentences.push(`Weakest: ${weakest.name} at ${weakest.overall}/100.`);
  if (strongest && strongest !== weakest && strongest.strongest)
    sentences.push(
      `Strongest: ${strongest.name} at ${strongest.overall}/100: "${strongest.strongest.quote}"`,
    );
  const secondExamples = (outcome?.questions ?? []).filter((q) =>
    q.answers.some((a) => a.kind === 'second-example' && a.text.trim().length > 0),
  ).length;
  const asked = (outcome?.questions ?? []).filter((q) =>
    q.answers.some((a) => a.kind === 'second-example'),
  ).length;
  if (asked > 0)
    sentences.push(
      secondExamples === asked
        ? `A second example was given for every story it was asked for (${asked}).`
        : `A second example was asked for ${asked} stor${asked === 1 ? 'y' : 'ies'} and given for ${secondExamples}.`,
    );
  return sentences.join(' ');
}

export const VOTE_LABEL: Record<Vote, string> = {
  'strong-no-hire': 'strong no hire',
  'no-hire': 'no hire',
  hire: 'hire',
  'strong-hire': 'strong hire',
};

function recommend(rounds: readonly RoundVote[]): Debrief['recommendation'] {
  const voted = rounds.filter((r) => r.vote !== null);
  const missing = rounds.filter((r) => r.vote === null).map((r) => r.roundId);
  const base = { rule: RECOMMENDATION_RULE, missing };
  if (voted.length === 0)
    return { ...base, decision: null, because: 'no round was scored, so no one can vote' };
  const named = (rs: readonly RoundVote[]) => rs.map((r) => `${r.roundId} (${r.interviewer})`).join(', ');
  const strongNo = voted.filter((r) => r.vote === 'strong-no-hire');
  if (strongNo.length > 0)
    return { ...base, decision: 'no-hire', because: `strong no hire from ${named(strongNo)}` };
  const barNo = voted.filter((r) => r.kind === 'bar-raiser' && r.vote === 'no-hire');
  if (barNo.length > 0)
    return { ...base, decision: 'no-hire', because: `the bar raiser votes no hire: ${named(barNo)}` };
  const no = voted.filter((r) => r.vote === 'no-hire');
  if (no.length >= 2)
    return { ...base, decision: 'no-hire', because: `${no.length} no hire votes: ${named(no)}` };
  const strong = voted.filter((r) => r.vote === 'strong-hire');
  if (no.length === 0 && strong.length * 2 >= voted.length)
    return {
      ...base,
      decision: 'strong-hire',
      because: `no no-hire vote and ${strong.length} of ${voted.length} votes strong hire`,
    };
  return {
    ...base,
    decision: 'hire',
    because:
      no.length === 1
        ? `one no hire (${named(no)}) against ${voted.length - 1} hire votes, and no block`
        : `${voted.length} hire or strong hire vote(s), fewer than half strong`,
  };
}

/**
 * Three things to practise next, weakest first: the principles whose story scored lowest and the
 * rubric criteria that scored lowest across the loop, ranked together by how far below the top they
 * fell. Each points at the loop's question where it showed and up to two more from the banks.
 */
function practiceNext(
  plan: LoopPlan,
  outcomes: readonly RoundOutcome[],
  principles: readonly PrincipleDebrief[],
  bank: readonly BankQuestion[],
): PracticeItem[] {
  const candidates: (PracticeItem & { gap: number })[] = [];
  for (const p of principles) {
    if (p.overall === null || p.overall >= 75) continue;
    const low = p.weakest ?? p.strongest;
    const others = bank
      .filter(
        (q) => q.principles[0] === p.principle && q.levels.includes(plan.level) && q.id !== p.questionId,
      )
      .map((q) => q.id)
      .sort()
      .slice(0, 2);
    candidates.push({
      focus: `${p.name} (principle)`,
      reason: `its story scored ${p.overall}/100${low?.criterion ? `, weakest on ${low.criterion.toLowerCase()}` : ''}`,
      questionIds: [p.questionId, ...others],
      gap: (100 - p.overall) / 100,
    });
  }
  // Criteria by name across every scored question: the mean score and where it was lowest.
  const criteria = new Map<
    string,
    { name: string; scores: number[]; lowest: { questionId: string; score: number } }
  >();
  for (const o of outcomes)
    for (const q of o.questions)
      for (const c of q.score?.criteria ?? []) {
        if (c.score === null) continue;
        const entry = criteria.get(c.id) ?? {
          name: c.name,
          scores: [],
          lowest: { questionId: q.questionId, score: c.score },
        };
        entry.scores.push(c.score);
        if (c.score < entry.lowest.score) entry.lowest = { questionId: q.questionId, score: c.score };
        criteria.set(c.id, entry);
      }
  for (const [id, c] of criteria) {
    const mean = c.scores.reduce((a, b) => a + b, 0) / c.scores.length;
    if (mean >= 3) continue;
    const rubricOf = bank.find((q) => q.id === c.lowest.questionId)?.rubric;
    const others = bank
      .filter(
        (q) =>
          q.rubric === rubricOf &&
          q.levels.includes(plan.level) &&
          q.id !== c.lowest.questionId &&
          (q.focusCriteria ?? [id]).includes(id),
      )
      .map((q) => q.id)
      .sort()
      .slice(0, 2);
    candidates.push({
      focus: `${c.name} (criterion)`,
      reason: `mean ${mean.toFixed(1)}/${SCORE_MAX} over ${c.scores.length} answer(s), lowest ${c.lowest.score} on ${c.lowest.questionId}`,
      questionIds: [c.lowest.questionId, ...others],
      gap: (SCORE_MAX - mean) / (SCORE_MAX - 1),
    });
  }
  return candidates
    .sort((a, b) => b.gap - a.gap || a.focus.localeCompare(b.focus))
    .slice(0, 3)
    .map(({ gap: _gap, ...item }) => item);
}
