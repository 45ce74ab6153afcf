import type { BankQuestion } from '../banks/registry.js';
import { UsageError } from '../errors.js';
import type { Level } from '../schema/index.js';
// levels.ts, not the schema index: the index loads zod, which building a plan does not need.
import { LEVELS } from '../schema/levels.js';
import { LEADERSHIP_PRINCIPLES } from '../schema/principles.js';
import { PRINCIPLE_CUES } from '../scoring/offline/principles.js';
import { seededRandom, shuffle } from '../session/random.js';
import { JobMatcher, type JobProfile, principleMatches, termsOf } from './job.js';
import { MAX_ROUNDS } from './limits.js';
import type { LoopPlan, LoopRound } from './plan-schema.js';

/**
 * A loop as an Amazon onsite runs it: behavioral interviewers who each own two or three Leadership
 * Principles (none asked twice across the loop), design rounds, and a bar raiser last. Built from
 * the banks for one level, deterministic for a seed, optionally steered by a job posting. Pure.
 */

export const ROUND_KINDS = [
  'behavioral',
  'bar-raiser',
  'system-design',
  'ml-design',
  'genai-design',
  'object-oriented-design',
] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export type DesignKind = Exclude<RoundKind, 'behavioral' | 'bar-raiser'>;

/** How each kind of round is named on screen and in the debrief. */
export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  behavioral: 'Behavioral',
  'bar-raiser': 'Bar raiser',
  'system-design': 'System design',
  'ml-design': 'ML design',
  'genai-design': 'GenAI design',
  'object-oriented-design': 'Object-oriented design',
};

/** The plan's shape lives in plan-schema.ts: only readers of a plan from outside need zod. */
export type { LoopPlan, LoopRound } from './plan-schema.js';

export interface LoopPlanOptions {
  level: Level;
  seed: number;
  /** A posting to favour: questions, principles and design topics that share its terms. */
  job?: JobProfile | null;
  /** How many rounds (1-8); the bar raiser is always one of them, and last. */
  rounds?: number;
  /** Every question's main time limit, in seconds, instead of the bank's (short loops, tests). */
  timeSeconds?: number;
}

/**
 * Which kind of round a question belongs to, from its rubric; star questions are behavioral.
 * @internal The plan test checks every round holds only questions of its kind with it.
 */
export function roundKindOf(question: Pick<BankQuestion, 'rubric'>): RoundKind {
  return RUBRIC_KINDS[question.rubric] ?? 'behavioral';
}

const RUBRIC_KINDS: Record<string, DesignKind> = {
  'system-design': 'system-design',
  'security-design': 'system-design',
  // Strategy is the principal's design round: a multi-year plan defended like an architecture.
  'technical-strategy': 'system-design',
  'ml-system-design': 'ml-design',
  'recommender-system-design': 'ml-design',
  'genai-system-design': 'genai-design',
  'object-oriented-design': 'object-oriented-design',
};

/**
 * Round slots in the order they are added as --rounds grows (the bar raiser comes on top, last).
 * Senior loops alternate stories and design; principal loops lean to design (three design rounds
 * in the default five), as L7-L8 onsites do.
 */
const SLOTS: Record<Level, readonly ('behavioral' | 'design')[]> = {
  L5: ['behavioral', 'design', 'behavioral', 'design', 'behavioral', 'design', 'behavioral'],
  L6: ['behavioral', 'design', 'behavioral', 'design', 'behavioral', 'design', 'behavioral'],
  L7: ['behavioral', 'design', 'design', 'design', 'behavioral', 'design', 'behavioral'],
  L8: ['behavioral', 'design', 'design', 'design', 'behavioral', 'design', 'behavioral'],
};
const DEFAULT_ROUNDS = 5;

/** Design kinds in the order a level's loop wants them, before a posting re-ranks them. */
const DESIGN_PREFERENCE: Record<Level, readonly DesignKind[]> = {
  L5: ['object-oriented-design', 'system-design', 'ml-design', 'genai-design'],
  L6: ['system-design', 'ml-design', 'genai-design', 'object-oriented-design'],
  L7: ['system-design', 'ml-design', 'genai-design', 'object-oriented-design'],
  L8: ['system-design', 'genai-design', 'ml-design', 'object-oriented-design'],
};

/** Principles a behavioral interviewer owns (fewer only when the level's questions run short). */
const BEHAVIORAL_PRINCIPLES = 3;
/** The bar raiser owns two and spends the rest of the hour probing them, a second example included. */
const BAR_RAISER_PRINCIPLES = 2;

const BEHAVIORAL_INTERVIEWERS = [
  'Hiring manager',
  'Peer engineer',
  'Engineering manager',
  'Partner-team lead',
];
const DESIGN_INTERVIEWERS: Record<Level, readonly string[]> = {
  L5: ['Senior engineer', 'Peer engineer', 'Senior engineer (second)'],
  L6: ['Senior engineer', 'Principal engineer', 'Senior engineer (second)'],
  L7: ['Principal engineer', 'Senior principal engineer', 'Principal engineer (second)'],
  L8: ['Senior principal engineer', 'Distinguished engineer', 'Principal engineer'],
};

/** A loop plan from the banks' questions; throws a UsageError when the level's questions cannot fill one. */
export function buildLoopPlan(questions: readonly BankQuestion[], options: LoopPlanOptions): LoopPlan {
  const { level, seed } = options;
  const roundCount = options.rounds ?? DEFAULT_ROUNDS;
  if (!Number.isInteger(roundCount) || roundCount < 1 || roundCount > MAX_ROUNDS)
    throw new UsageError(`--rounds must be a whole number from 1 to ${MAX_ROUNDS}, got ${roundCount}`);

  const atLevel = questions.filter((q) => q.levels.includes(level));
  const random = seededRandom(seed);
  // One seeded order of the questions and of the principles breaks every tie, independent of the posting.
  const questionOrder = rankMap(shuffle([...atLevel].map((q) => q.id).sort(), random));
  const principleOrder = rankMap(
    shuffle(
      LEADERSHIP_PRINCIPLES.map((p) => p.id),
      random,
    ),
  );
  const matcher = options.job ? new JobMatcher(options.job, atLevel) : null;
  const match = (q: BankQuestion) => matcher?.score(q.id) ?? 0;
  const steering = new Map<string, number>();
  const steer = (hits: ReadonlyMap<string, number>) => {
    for (const [term, weight] of hits) steering.set(term, (steering.get(term) ?? 0) + weight);
  };
  const used = new Set<string>();

  // Design rounds: kinds the level has questions for; a posting ranks first the kinds its words name
  // (distributed systems, machine learning, ...), then those whose best question fits it best.
  const designCandidates = (kind: DesignKind) =>
    atLevel.filter((q) => roundKindOf(q) === kind && !used.has(q.id));
  const bestMatch = (kind: DesignKind) => Math.max(0, ...designCandidates(kind).map(match));
  const kindHits = options.job ? principleMatches(options.job, DESIGN_TOPICS) : null;
  const designKinds = DESIGN_PREFERENCE[level]
    .filter((k) => designCandidates(k).length > 0)
    .map((kind, preference) => ({
      kind,
      preference,
      named: sum(kindHits?.get(kind)?.values() ?? []),
      best: bestMatch(kind),
    }))
    .sort((a, b) => b.named - a.named || b.best - a.best || a.preference - b.preference)
    .map((k) => k.kind);

  const wanted = SLOTS[level].slice(0, roundCount - 1);
  const slots = wanted.map((s) => (s === 'design' && designKinds.length === 0 ? 'behavioral' : s));
  const designRounds = new Map<number, BankQuestion>();
  slots.forEach((slot, i) => {
    if (slot !== 'design') return;
    const designIndex = slots.slice(0, i).filter((s) => s === 'design').length;
    // Distinct kinds first; a loop with more design rounds than kinds repeats the best ones.
    const kind = designKinds[designIndex % designKinds.length]!;
    const candidates = designCandidates(kind);
    // The words that named the kind ("machine learning") chose it; the rest choose among its questions.
    const within = (q: BankQuestion) => matcher?.score(q.id, DESIGN_TOPIC_TERMS.get(kind)) ?? 0;
    const top = Math.max(0, ...candidates.map(within));
    const pick = best(candidates, [
      (q) => -tier(within(q), top),
      // Principal loops favour the questions written for them (they test the principal tenets).
      (q) => (levelRank(level) >= 2 && q.tenets?.length ? 0 : 1),
      (q) => questionOrder.get(q.id)!,
    ]);
    if (!pick) return;
    used.add(pick.id);
    designRounds.set(i, pick);
    if (matcher) steer(matcher.matches(pick.id, DESIGN_TOPIC_TERMS.get(kind)));
    const named = kindHits?.get(kind);
    if (named) steer(named);
  });

  // Principles: ranked by the posting (terms in their names, summaries and cues, and in their best
  // question), ties and the no-posting case in the seeded order.
  const storyQuestions = atLevel.filter((q) => roundKindOf(q) === 'behavioral' && q.principles.length > 0);
  const principleHits = options.job ? principleMatches(options.job, PRINCIPLE_TEXTS) : null;
  const principleScore = (id: string) => {
    const textual = sum(principleHits?.get(id)?.values() ?? []);
    const questionBest = Math.max(0, ...storyQuestions.filter((q) => q.principles.includes(id)).map(match));
    return textual + questionBest;
  };
  const scored = LEADERSHIP_PRINCIPLES.map((p) => p.id)
    .filter((id) => storyQuestions.some((q) => q.principles.includes(id)))
    .map((id) => ({ id, score: principleScore(id) }));
  const topPrinciple = Math.max(0, ...scored.map((p) => p.score));
  const rankedPrinciples = scored
    .map((p) => ({ ...p, tier: tier(p.score, topPrinciple) }))
    .sort((a, b) => b.tier - a.tier || principleOrder.get(a.id)! - principleOrder.get(b.id)!)
    .map((p) => p.id);

  const behavioralRounds = slots.filter((s) => s === 'behavioral').length;
  const targets = principleTargets(behavioralRounds, rankedPrinciples.length);
  if (!targets) throw tooFewStories(level, behavioralRounds, rankedPrinciples.length);

  const available = [...rankedPrinciples];
  const storyFor = (principle: string, barRaiser: boolean): BankQuestion | undefined => {
    const candidates = storyQuestions.filter((q) => q.principles.includes(principle) && !used.has(q.id));
    const top = Math.max(0, ...candidates.map(match));
    return best(candidates, [
      // The story is about the principle: its main tag first.
      (q) => (q.principles[0] === principle ? 0 : 1),
      // Principal loops ask the principal engineering questions (the tenets) where they exist.
      (q) => (levelRank(level) >= 2 && q.tenets?.length ? 0 : 1),
      // The bar raiser asks for a second example: questions whose banks mark that probe.
      (q) => (barRaiser && q.followUps.some((f) => f.kind === 'second-example') ? 0 : 1),
      (q) => -tier(match(q), top),
      (q) => questionOrder.get(q.id)!,
    ]);
  };
  /** Takes up to `count` principles, best ranked first, each with its own unused story question. */
  const takePrinciples = (count: number, barRaiser: boolean) => {
    const taken: { principle: string; question: BankQuestion }[] = [];
    // The bar raiser takes the best-ranked principles that have a second-example probe, if any.
    const order = barRaiser
      ? [...available].sort((a, b) => secondExample(b) - secondExample(a))
      : [...available];
    for (const principle of order) {
      if (taken.length === count) break;
      const question = storyFor(principle, barRaiser);
      if (!question) continue;
      taken.push({ principle, question });
      used.add(question.id);
      available.splice(available.indexOf(principle), 1);
      if (matcher) steer(matcher.matches(question.id));
      const textHits = principleHits?.get(principle);
      if (textHits) steer(textHits);
    }
    return taken;
  };
  const secondExample = (principle: string) =>
    storyQuestions.some(
      (q) => q.principles[0] === principle && q.followUps.some((f) => f.kind === 'second-example'),
    )
      ? 1
      : 0;

  // The bar raiser chooses first (the hardest probes want the strongest questions), then the others.
  const barRaiser = takePrinciples(BAR_RAISER_PRINCIPLES, true);
  const rounds: Omit<LoopRound, 'id'>[] = [];
  let behavioralIndex = 0;
  let designIndex = 0;
  slots.forEach((slot, i) => {
    const design = designRounds.get(i);
    if (slot === 'design' && design) {
      rounds.push({
        kind: roundKindOf(design),
        interviewer: DESIGN_INTERVIEWERS[level][designIndex++ % DESIGN_INTERVIEWERS[level].length]!,
        principles: [],
        questions: [design.id],
        minutes: minutesFor([design], options.timeSeconds),
      });
      return;
    }
    if (slot === 'design') return;
    const taken = takePrinciples(targets[behavioralIndex] ?? BEHAVIORAL_PRINCIPLES, false);
    const interviewer = BEHAVIORAL_INTERVIEWERS[behavioralIndex++ % BEHAVIORAL_INTERVIEWERS.length]!;
    if (taken.length < 2) throw tooFewStories(level, behavioralRounds);
    rounds.push({
      kind: 'behavioral',
      interviewer,
      principles: taken.map((t) => t.principle),
      questions: taken.map((t) => t.question.id),
      minutes: minutesFor(
        taken.map((t) => t.question),
        options.timeSeconds,
      ),
    });
  });
  if (barRaiser.length < 2) throw tooFewStories(level, behavioralRounds);
  rounds.push({
    kind: 'bar-raiser',
    interviewer: 'Bar raiser',
    principles: barRaiser.map((t) => t.principle),
    questions: barRaiser.map((t) => t.question.id),
    minutes: minutesFor(
      barRaiser.map((t) => t.question),
      options.timeSeconds,
    ),
  });

  // Shown as the posting writes them; "ML" stands for three terms (ml, machine, model) and is shown once.
  const terms = [
    ...new Set(
      [...steering]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([term]) => options.job?.shown.get(term) ?? term),
    ),
  ].slice(0, MAX_STEERING_TERMS);
  return {
    level,
    seed,
    job: options.job ? { file: options.job.file, terms } : null,
    rounds: rounds.map((r, i) => ({ id: `r${i + 1}`, ...r })),
  };
}

/** Each interviewer owns at least two principles, each with a story question of its own. */
function tooFewStories(level: Level, behavioralRounds: number, principles?: number): UsageError {
  const have =
    principles === undefined
      ? 'too few story questions'
      : `story questions for ${principles} Leadership Principle(s)`;
  return new UsageError(
    `the banks have ${have} at ${level}: ${behavioralRounds} behavioral round(s) and a bar raiser need 2 principles each, with a question for each; ask for fewer --rounds`,
  );
}

/** The plan shows the terms that steered it most; the rest moved it less than these. */
const MAX_STEERING_TERMS = 12;

/**
 * How many principles each behavioral round owns: three each while the level's principles last,
 * else two (the fewest an interviewer owns); null when even two each, and two for the bar raiser,
 * do not fit.
 */
function principleTargets(behavioralRounds: number, principles: number): number[] | null {
  const spare = principles - BAR_RAISER_PRINCIPLES - 2 * behavioralRounds;
  if (spare < 0) return null;
  return Array.from({ length: behavioralRounds }, (_, i) => (i < spare ? BEHAVIORAL_PRINCIPLES : 2));
}

/**
 * A round's budget for its main answers, in minutes (two decimals): the questions' own limits, or
 * --time for each. Probes run on their own shorter timers on top (session/plan.ts followUpSeconds).
 */
function minutesFor(questions: readonly BankQuestion[], timeSeconds: number | undefined): number {
  const seconds = sum(questions.map((q) => timeSeconds ?? q.timeLimitSeconds));
  return Math.round((seconds / 60) * 100) / 100;
}

/**
 * The main time limit of each question in a round: the round's minutes shared equally, which gives
 * back --time exactly (and each bank limit in one-question design rounds).
 */
export function questionSeconds(round: Pick<LoopRound, 'minutes' | 'questions'>): number {
  return Math.max(1, Math.round((round.minutes * 60) / round.questions.length));
}

/** Every principle's name, summary and cue words: what a posting's terms are matched against. */
const PRINCIPLE_TEXTS: ReadonlyMap<string, string> = new Map(
  LEADERSHIP_PRINCIPLES.map((p) => [p.id, [p.name, p.summary, ...PRINCIPLE_CUES[p.id]].join('\n')]),
);

/**
 * A match as a quartile of the best one (3 is within a quarter of the best, 0 matches nothing): the
 * posting decides between clearly better and worse fits, the seed between close ones, so practising
 * the same posting twice with two seeds still gives two loops.
 */
function tier(score: number, top: number): number {
  return top > 0 && score > 0 ? Math.min(3, Math.floor((4 * score) / top + 1e-9)) : 0;
}

/**
 * The words that name each design kind: a posting that says "machine learning" wants an ML round.
 * "design" itself names none of them (every posting for engineers says it).
 */
const DESIGN_TOPICS: ReadonlyMap<DesignKind, string> = new Map<DesignKind, string>([
  [
    'system-design',
    'distributed systems, large-scale services, storage, databases, caching, infrastructure, cloud, scalability, availability, latency, security, encryption, privacy, compliance, payments',
  ],
  [
    'ml-design',
    'machine learning, ML models, training, inference, features, ranking, recommendations, personalization, MLOps',
  ],
  [
    'genai-design',
    'generative AI, GenAI, LLM, large language models, prompts, retrieval, RAG, agents, Bedrock',
  ],
  [
    'object-oriented-design',
    'object-oriented, classes, interfaces, libraries, SDK, API, domain models, patterns',
  ],
]);

const DESIGN_TOPIC_TERMS: ReadonlyMap<DesignKind, ReadonlySet<string>> = new Map(
  [...DESIGN_TOPICS].map(([kind, text]) => [kind, new Set(termsOf(text).map((t) => t.term))]),
);

function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

function rankMap(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** The first item by a list of keys, each compared only when the earlier ones tie (smaller wins). */
function best<T>(items: readonly T[], keys: readonly ((item: T) => number)[]): T | undefined {
  let winner: T | undefined;
  for (const item of items) {
    if (winner === undefined) {
      winner = item;
      continue;
    }
    for (const key of keys) {
      const a = key(item);
      const b = key(winner);
      if (a !== b) {
        if (a < b) winner = item;
        break;
      }
    }
  }
  return winner;
}
