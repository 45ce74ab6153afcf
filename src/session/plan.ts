import type { BankQuestion } from '../banks/registry.js';
import type { FollowUp, FollowUpKind } from '../schema/index.js';
import { seededRandom, shuffle } from './random.js';

/** A follow-up as a session asks it: its own shorter timer, and its kind when the bank gave one. */
export interface PlannedFollowUp {
  prompt: string;
  timeLimitSeconds: number;
  /** Absent for plain-text follow-ups and in journals written before follow-ups had kinds. */
  kind?: FollowUpKind;
}

/** A question as the session keeps it: a copy, so transcripts survive later edits to the banks. */
export interface PlannedQuestion {
  id: string;
  bank: string;
  category: string;
  prompt: string;
  principles: string[];
  /** Principal engineering tenets the question tests; absent when it tags none (and in older sessions). */
  tenets?: string[];
  rubric: string;
  timeLimitSeconds: number;
  /** The follow-ups this session will ask, in order, each with its own shorter timer. */
  followUps: PlannedFollowUp[];
  /** In a loop, the id of the round that asks it (the plan is in the start event); absent in practice. */
  round?: string;
}

export interface PlanOptions {
  count: number;
  seed: number;
  /** Overrides every question's time limit (seconds). */
  timeSeconds?: number;
  /** The longest chain of follow-ups to ask after each main answer; 0 asks none. */
  followUps: number;
}

/** Three probes: about what an interviewer gets through on one story in a 45-minute round with two. */
export const DEFAULT_FOLLOW_UPS = 3;

/**
 * Follow-ups get a quarter of the main time, between one and ten minutes.
 * @internal Plans get it through planSession; its test checks both bounds.
 */
export function followUpSeconds(mainSeconds: number): number {
  return Math.min(600, Math.max(60, Math.round(mainSeconds / 4)));
}

/** Picks the session's questions and follow-ups: reproducible for a given seed and candidate list. */
export function planSession(candidates: readonly BankQuestion[], options: PlanOptions): PlannedQuestion[] {
  const random = seededRandom(options.seed);
  const ordered = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return shuffle(ordered, random)
    .slice(0, options.count)
    .map((q) =>
      plannedQuestion(
        q,
        followUpChain(q.followUps, options.followUps, random),
        options.timeSeconds ?? q.timeLimitSeconds,
      ),
    );
}

/**
 * Which kinds make the cut when the chain is shorter than the list, most wanted first: the
 * candidate's own part, then one closing probe (reflection or another example, as a bar raiser
 * ends), then the evidence, the push-back, and for design the weakest part and the alternative.
 * Plain-text follow-ups (no kind) fill what is left.
 */
const PRIORITY: readonly (FollowUpKind | 'closing' | 'other-closing' | undefined)[] = [
  'role',
  'closing',
  'data',
  'deep-dive',
  'challenge',
  'trade-off',
  'other-closing',
  undefined,
];

/** The order an interviewer asks them in: own part, evidence, push-back, and the closing probes last. */
const INTERVIEW_ORDER: readonly (FollowUpKind | undefined)[] = [
  'role',
  'data',
  'deep-dive',
  'challenge',
  'trade-off',
  undefined,
  'reflection',
  'second-example',
];

const CLOSING: readonly FollowUpKind[] = ['reflection', 'second-example'];

/**
 * A chain of at most `length` probes from a question's follow-ups, in interview order. Kinds are
 * spread before any repeats (one of each wanted kind, then a second of each, ...); which probe of a
 * kind, and whether the closing probe is a reflection or a second example, varies with the seed.
 */
export function followUpChain(
  followUps: readonly FollowUp[],
  length: number,
  random: () => number,
): FollowUp[] {
  if (length <= 0 || followUps.length === 0) return [];
  const groups = new Map<FollowUpKind | undefined, FollowUp[]>();
  for (const f of shuffle(followUps, random)) groups.set(f.kind, [...(groups.get(f.kind) ?? []), f]);
  // The closing probe is one the question has: a chain of three must not lose it to a challenge.
  const [closing, otherClosing] = shuffle(
    CLOSING.filter((k) => groups.has(k)),
    random,
  );
  const slot = (k: FollowUpKind | undefined) => (k ? [k] : []);
  const kinds = PRIORITY.flatMap((k) =>
    k === 'closing' ? slot(closing) : k === 'other-closing' ? slot(otherClosing) : [k],
  );
  // Round-robin over the kinds by priority: every kind's first probe before any kind's second.
  const chosen: FollowUp[] = [];
  for (let round = 0; chosen.length < Math.min(length, followUps.length); round++) {
    for (const kind of kinds) {
      const probe = groups.get(kind)?.[round];
      if (probe && chosen.length < length) chosen.push(probe);
    }
  }
  return inInterviewOrder(chosen);
}

/**
 * Probes in the order an interviewer asks them (see INTERVIEW_ORDER); a stable sort, so probes of one
 * kind keep the order they came in. The peer screen shows a question's probes this way.
 */
export function inInterviewOrder<T extends { kind?: FollowUpKind | undefined }>(probes: readonly T[]): T[] {
  const rank = (f: T) => INTERVIEW_ORDER.indexOf(f.kind);
  return [...probes].sort((a, b) => rank(a) - rank(b));
}

/** A bank question as a session keeps it, with the follow-ups it will ask and their shorter timers. */
export function plannedQuestion(
  q: BankQuestion,
  followUps: readonly FollowUp[],
  limit = q.timeLimitSeconds,
): PlannedQuestion {
  return {
    id: q.id,
    bank: q.bank,
    category: q.category,
    prompt: q.prompt,
    principles: q.principles,
    ...(q.tenets?.length ? { tenets: q.tenets } : {}),
    rubric: q.rubric,
    timeLimitSeconds: limit,
    followUps: followUps.map((f) => ({
      prompt: f.prompt,
      timeLimitSeconds: followUpSeconds(limit),
      ...(f.kind ? { kind: f.kind } : {}),
    })),
  };
}
