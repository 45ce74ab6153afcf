import type { BankQuestion } from '../banks/registry.js';
import { buildDebrief, type Debrief, type RoundOutcome } from '../loop/debrief.js';
import { type LoopPlan, type LoopRound, questionSeconds, type RoundKind } from '../loop/plan.js';
import type { FollowUp, FollowUpKind } from '../schema/index.js';
import { findPrinciple } from '../schema/principles.js';
import { answerOf, followUpsOf, type SessionEvent, scoreOf, startEvent } from './engine.js';
import { inInterviewOrder, type PlannedQuestion, plannedQuestion } from './plan.js';
import { seededRandom, shuffle } from './random.js';

/**
 * A loop as a journaled session: the plan's rounds flattened into the session's questions, each
 * knowing its round, with the probes and timers its round asks for. The plan itself is kept in the
 * start event, so `coach resume` and `coach sessions show` read the rounds back from the journal.
 */

/**
 * The chain of probes each kind of round asks after a main answer, in asking order. Behavioral
 * interviewers get the candidate's own part, the evidence and the lesson; the bar raiser probes
 * hardest and ends on a second example; design interviewers push twice on the weakest part, then
 * ask for the alternative.
 */
const ROUND_PROBES: Readonly<Record<RoundKind, readonly FollowUpKind[]>> = {
  behavioral: ['role', 'data', 'reflection'],
  'bar-raiser': ['role', 'data', 'challenge', 'second-example'],
  'system-design': ['deep-dive', 'deep-dive', 'trade-off'],
  'ml-design': ['deep-dive', 'deep-dive', 'trade-off'],
  'genai-design': ['deep-dive', 'deep-dive', 'trade-off'],
  'object-oriented-design': ['deep-dive', 'deep-dive', 'trade-off'],
};

/**
 * The probes a round asks after one question: for each wanted kind, one of the question's probes of
 * that kind (which one varies with the seed). A kind the question lacks is replaced by another of
 * its probes, a kind not yet in the chain first, so the chain keeps its length; the bar raiser's
 * second example is always asked, in words of our own when the bank wrote none for the question.
 * The chain is asked in interview order (own part, evidence, push-back, the closing probe last).
 * @internal Sessions get it through loopSessionQuestions; its own test covers each kind of round.
 */
export function roundProbes(question: BankQuestion, kind: RoundKind, random: () => number): FollowUp[] {
  const pool = shuffle(question.followUps, random);
  const take = (match: (f: FollowUp) => boolean): FollowUp | undefined => {
    const i = pool.findIndex(match);
    return i < 0 ? undefined : pool.splice(i, 1)[0];
  };
  const wanted = ROUND_PROBES[kind];
  const chosen = wanted.map((k) => take((f) => f.kind === k));
  const asked = new Set(chosen.map((f) => f?.kind));
  // A closing probe only closes: a substitute in the middle of the chain is another kind.
  const opens = (f: FollowUp) => f.kind !== 'reflection' && f.kind !== 'second-example';
  const probes = chosen.flatMap((probe, i) => {
    if (probe) return [probe];
    if (wanted[i] === 'second-example') return [secondExample(question)];
    const substitute = take((f) => opens(f) && !asked.has(f.kind)) ?? take(opens) ?? take(() => true);
    asked.add(substitute?.kind);
    return substitute ? [substitute] : [];
  });
  return inInterviewOrder(probes);
}

function secondExample(question: BankQuestion): FollowUp {
  const principle = question.principles.map((p) => findPrinciple(p)?.name).find(Boolean);
  return {
    kind: 'second-example',
    prompt: principle
      ? `Give me a second example, from a different situation, where you showed ${principle}.`
      : 'Give me a second example of the same behaviour, from a different situation.',
  };
}

/** The plan's questions as the session asks them; `missing` names ids no longer in the banks. */
export function loopSessionQuestions(
  plan: LoopPlan,
  bank: readonly BankQuestion[],
): { questions: PlannedQuestion[]; missing: string[] } {
  const random = seededRandom(plan.seed);
  const byId = new Map(bank.map((q) => [q.id, q]));
  const missing: string[] = [];
  const questions = plan.rounds.flatMap((round) =>
    round.questions.flatMap((id) => {
      const question = byId.get(id);
      if (!question) {
        missing.push(id);
        return [];
      }
      // The round's minutes are its main answers' budget; probes run on their own shorter timers.
      const probes = roundProbes(question, round.kind, random);
      return [{ ...plannedQuestion(question, probes, questionSeconds(round)), round: round.id }];
    }),
  );
  return { questions, missing };
}

/**
 * The loop's plan, when the session is a loop. A plan read from a journal has been checked by
 * `withCheckedLoopPlan`; one built in this run is valid by construction.
 */
export function loopOf(events: readonly SessionEvent[]): LoopPlan | undefined {
  return startEvent(events).loop;
}

/**
 * A journal's events with the loop plan in its start event checked once, where the journal is read.
 * A plan edited by hand or damaged there is dropped, so the session is run and shown as a plain one
 * (no rounds, no debrief) rather than failing. The schema, and zod with it, loads only when there is
 * a plan to check: practice and drill sessions never pay for it (issue 18).
 */
export async function withCheckedLoopPlan(events: SessionEvent[]): Promise<SessionEvent[]> {
  const start = events[0];
  if (start?.type !== 'start' || start.loop === undefined) return events;
  const { loopPlanSchema } = await import('../loop/plan-schema.js');
  const parsed = loopPlanSchema.safeParse(start.loop);
  if (parsed.success) return [{ ...start, loop: parsed.data }, ...events.slice(1)];
  const { loop: _damaged, ...plain } = start;
  return [plain, ...events.slice(1)];
}

/** Where a question sits in the loop: its round, the round's place (1-based) and the question's place in it. */
export interface RoundPosition {
  round: LoopRound;
  number: number;
  of: number;
  /** 1-based within the round. */
  question: number;
}

export function roundPosition(events: readonly SessionEvent[], question: number): RoundPosition | undefined {
  const start = startEvent(events);
  const id = start.questions[question]?.round;
  const rounds = loopOf(events)?.rounds ?? [];
  const index = rounds.findIndex((r) => r.id === id);
  if (index < 0) return undefined;
  const before = start.questions.slice(0, question).filter((q) => q.round === id).length;
  return { round: rounds[index]!, number: index + 1, of: rounds.length, question: before + 1 };
}

/**
 * Per round of the plan, in order, what the candidate said (main answer first, then each probe,
 * skipped parts left out) and how the main answer scored: the debrief's input.
 * @internal The debrief reads it in this file; its test drives it over hand-written journal events.
 */
export function loopOutcomes(events: readonly SessionEvent[]): RoundOutcome[] {
  const start = startEvent(events);
  return (loopOf(events)?.rounds ?? []).map((round) => ({
    roundId: round.id,
    questions: start.questions.flatMap((planned, question) => {
      if (planned.round !== round.id) return [];
      const parts = [{ prompt: planned.prompt, kind: undefined }, ...followUpsOf(events, question)];
      const answers = parts.flatMap((part, p) => {
        const answer = answerOf(events, question, p);
        if (!answer || answer.status === 'skipped') return [];
        return [{ prompt: part.prompt, ...(part.kind ? { kind: part.kind } : {}), text: answer.text }];
      });
      return [{ questionId: planned.id, answers, score: scoreOf(events, question) ?? null }];
    }),
  }));
}

/** The debrief of a loop session from its journal (undefined for other sessions). */
export function loopDebrief(
  events: readonly SessionEvent[],
  bank: readonly BankQuestion[],
): Debrief | undefined {
  const plan = loopOf(events);
  return plan && buildDebrief(plan, loopOutcomes(events), bank);
}
