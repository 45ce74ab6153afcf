import type { BankQuestion } from '../banks/registry.js';
import { seededRandom, shuffle } from './random.js';

/** A question as the session keeps it: a copy, so transcripts survive later edits to the banks. */
export interface PlannedQuestion {
  id: string;
  bank: string;
  category: string;
  prompt: string;
  principles: string[];
  rubric: string;
  timeLimitSeconds: number;
  /** The follow-ups this session will ask, in order, each with its own shorter timer. */
  followUps: { prompt: string; timeLimitSeconds: number }[];
}

export interface PlanOptions {
  count: number;
  seed: number;
  /** Overrides every question's time limit (seconds). */
  timeSeconds?: number;
  followUps: boolean;
}

/** Follow-ups get a quarter of the main time, between one and ten minutes. */
export function followUpSeconds(mainSeconds: number): number {
  return Math.min(600, Math.max(60, Math.round(mainSeconds / 4)));
}

/** Picks the session's questions and follow-ups: reproducible for a given seed and candidate list. */
export function planSession(candidates: readonly BankQuestion[], options: PlanOptions): PlannedQuestion[] {
  const random = seededRandom(options.seed);
  const ordered = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return shuffle(ordered, random)
    .slice(0, options.count)
    .map((q) => {
      const limit = options.timeSeconds ?? q.timeLimitSeconds;
      // One or two follow-ups, as an interviewer digs deeper when there is time.
      const wanted = options.followUps ? Math.min(q.followUps.length, random() < 0.5 ? 1 : 2) : 0;
      return plannedQuestion(q, shuffle(q.followUps, random).slice(0, wanted), limit);
    });
}

/** A bank question as a session keeps it, with the follow-ups it will ask and their shorter timers. */
export function plannedQuestion(
  q: BankQuestion,
  followUps: readonly string[],
  limit = q.timeLimitSeconds,
): PlannedQuestion {
  return {
    id: q.id,
    bank: q.bank,
    category: q.category,
    prompt: q.prompt,
    principles: q.principles,
    rubric: q.rubric,
    timeLimitSeconds: limit,
    followUps: followUps.map((prompt) => ({ prompt, timeLimitSeconds: followUpSeconds(limit) })),
  };
}
