import type { Criterion, Level, Rubric } from '../../schema/index.js';
import { band, cap, isExplanatory, isGeneralisation, type Measurement } from './measure.js';
import { type FoundPhrase, type PhraseHits, quotesFor } from './phrases.js';
import type { AnalyzedText } from './text.js';
import { hintsFound } from './topics.js';

/**
 * Reads a design answer for coverage and depth. Each criterion has a lexicon of the techniques and
 * moves a strong answer names (merged with the rubric's own hint phrases); a term counts fully only
 * when it appears in a sentence that explains something, and half when it sits in a bare list.
 */

export const DESIGN_LEXICON: Record<string, readonly string[]> = {
  // Object-oriented design: a second implementation behind an interface is how a class design says
  // where change plugs in ("a TaskStore interface with an in-memory and a file-backed implementation"),
  // as the advice for this criterion asks; the rubric's hints name only the patterns.
  extensibility: ['implementation'],
  requirements: [
    'requirements',
    'functional',
    'non-functional',
    'clarify',
    'clarifying',
    'assume',
    'assumption',
    'out of scope',
    'in scope',
    'use case',
    'users',
    'availability',
    'consistency',
    'durability',
    'sla',
    'slo',
    'goal',
    'optimise for',
    'optimize for',
    'success metric',
    'constraints',
    'read-heavy',
    'write-heavy',
    'must',
    'priority',
  ],
  'scale-estimation': [
    'qps',
    'rps',
    'per second',
    'per day',
    'per month',
    'requests',
    'million',
    'billion',
    'terabytes',
    'petabytes',
    'tb',
    'pb',
    'gb',
    'back of the envelope',
    'back-of-envelope',
    'estimate',
    'roughly',
    'peak',
    'storage',
    'bandwidth',
  ],
  architecture: [
    'api',
    'gateway',
    'load balancer',
    'service',
    'database',
    'cache',
    'queue',
    'kafka',
    'stream',
    'object store',
    's3',
    'cdn',
    'worker',
    'index',
    'metadata',
    'blob',
    'pipeline',
    'scheduler',
    'feature store',
    'client',
    'upload',
    'storage',
    'write path',
    'read path',
    'batch',
    'event',
  ],
  scalability: [
    'shard',
    'sharding',
    'partition',
    'partitioning',
    'replica',
    'replication',
    'horizontal',
    'autoscal',
    'consistent hashing',
    'load balanc',
    'cache',
    'caching',
    'fan-out',
    'fan out',
    'hot key',
    'hot partition',
    'stateless',
    'read replica',
    'batching',
    'back-pressure',
    'backpressure',
  ],
  latency: [
    'latency',
    'p99',
    'p95',
    'p50',
    'ms',
    'milliseconds',
    'budget',
    'precompute',
    'async',
    'asynchronous',
    'edge',
    'cdn',
    'cache hit',
    'timeout',
    'tail latency',
    'round trip',
  ],
  reliability: [
    'failover',
    'retry',
    'retries',
    'idempotent',
    'idempotency',
    'replica',
    'multi-az',
    'multi-region',
    'backup',
    'circuit breaker',
    'degrade',
    'graceful',
    'dead letter',
    'dlq',
    'durability',
    'erasure coding',
    'redundan',
    'outage',
    'failure',
    'fallback',
    'rollback',
    'disaster recovery',
    'rto',
    'rpo',
    'health check',
  ],
  'trade-offs': [
    'trade-off',
    'tradeoff',
    'trade off',
    'instead of',
    'rather than',
    'at the cost of',
    'downside',
    'versus',
    ' vs ',
    'on the other hand',
    'alternatively',
    'the cost is',
    'we lose',
    'in exchange',
    'i would choose',
    "i'd choose",
    'i chose',
    'the price',
    'cheaper but',
    'simpler but',
  ],
  evaluation: [
    'a/b',
    'ab test',
    'experiment',
    'offline metric',
    'online metric',
    'ndcg',
    'auc',
    'precision',
    'recall',
    'load test',
    'canary',
    'shadow',
    'holdout',
    'baseline',
    'benchmark',
    'guardrail metric',
    'statistical',
    'significance',
    'validate',
  ],
  monitoring: [
    'monitor',
    'metrics',
    'alert',
    'alarm',
    'dashboard',
    'drift',
    'slo',
    'observability',
    'tracing',
    'logs',
    'on-call',
    'feedback loop',
    'retrain',
    'iterate',
    'anomaly',
    'error budget',
    'health',
  ],
  communication: [
    'first',
    'second',
    'third',
    'next',
    'then',
    'finally',
    'to summarize',
    'to summarise',
    'in summary',
    'let me',
    "i'll start",
    'i will start',
    'moving on',
    'overall',
    'to recap',
    'high level',
    'deep dive',
  ],
  'data-and-features': [
    'features',
    'feature',
    'labels',
    'training data',
    'impressions',
    'clicks',
    'logging',
    'embeddings',
    'user history',
    'real-time features',
    'batch features',
    'feature store',
    'data quality',
    'sampling',
    'negative',
    'freshness',
    'join',
  ],
  // Generic terms first: the first few missing ones are what the feedback suggests, and the rubric that
  // has this criterion (ml-system-design) is not a recommender; retrieval and ranking models still count.
  modelling: [
    'model',
    'baseline',
    'objective',
    'loss',
    'gradient boosted',
    'gbdt',
    'neural',
    'transformer',
    'fine-tun',
    'multi-task',
    'two-tower',
    'retrieval',
    'ranking',
    'candidate generation',
    're-rank',
    'rerank',
    'collaborative filtering',
    'matrix factorization',
    'ann',
    'approximate nearest',
  ],
  'training-serving-consistency': [
    'training-serving skew',
    'skew',
    'same feature',
    'feature store',
    'point-in-time',
    'online and offline',
    'consistency',
    'shared code',
    'log features',
    'backfill',
    'leakage',
    'versioned',
  ],
  'cold-start': [
    'cold start',
    'cold-start',
    'new users',
    'new items',
    'popular',
    'popularity',
    'content-based',
    'onboarding',
    'exploration',
    'bandit',
    'fallback',
    'metadata',
    'default',
  ],
};

/** "X because Y", "rather than": a sentence with one of these gives a choice with its reason. */
export const REASONS = [
  'because',
  'so that',
  'which means',
  'rather than',
  'instead of',
  'trade-off',
  'at the cost of',
  'in exchange',
];

/** How many sentences make the opening a bar raiser listens to for the framing. */
const OPENING_SENTENCES = 2;

/** The reasons that weigh one option against another: what a trade-off is. */
const COMPARISONS = REASONS.filter((r) => r !== 'because' && r !== 'so that' && r !== 'which means');

/**
 * Criteria that frame the problem (requirements, the threat model, the options): a bar raiser wants
 * them first, before the design, and reads them late as an afterthought.
 */
const FRAMING = new Set(['requirements', 'problem-framing', 'threat-model', 'options-and-criteria']);

/**
 * Whether a design rubric judges the order of an answer at all: through a framing criterion (read in
 * the opening third) or communication (signposting). A focused deep-dive on, say, monitoring and
 * trade-offs judges what is said, and the same sentences in another order score the same.
 * @internal The calibration check (tests and bench) asks it which perturbations apply; it sits here,
 * beside FRAMING, so it follows the scorer.
 */
export function judgesOrder(rubric: Rubric): boolean {
  return rubric.criteria.some((c) => FRAMING.has(c.id) || c.id === 'communication');
}

/** How many weighted term hits a criterion needs for 2, 3 and 4. */
const THRESHOLDS: Record<string, readonly [number, number, number]> = {
  communication: [1, 2, 4],
  'trade-offs': [1, 2.5, 4],
  'cold-start': [1, 2, 3],
  'training-serving-consistency': [1, 2, 3],
};
const DEFAULT_THRESHOLDS = [1, 2.5, 4.5] as const;

/** Principal-level answers need more breadth than senior ones to earn the same score. */
const LEVEL_FACTOR: Record<Level, number> = { L5: 0.85, L6: 1, L7: 1.15, L8: 1.3 };

const ADVICE: Record<string, string> = {
  requirements:
    'Start by clarifying requirements: functional and non-functional (scale, latency, availability), and say what you optimise for.',
  'scale-estimation':
    'Put numbers on it: users, requests per second at peak, storage per day, and what those numbers force on the design.',
  architecture:
    'Walk the data end to end: how it is collected, processed, stored and served, naming each component and its role.',
  scalability:
    'Say how it scales: partitioning or sharding keys, caching layers, replication and load balancing, and hot spots.',
  latency:
    'Give a latency budget (p99 per stage) and the techniques that meet it: caching, precomputation, async work.',
  reliability:
    'Cover failure: what happens when a component or region fails (retries, idempotency, replication, graceful degradation).',
  'trade-offs':
    'Name the alternatives you rejected and why ("X rather than Y because..."): trade-offs are what senior answers are judged on.',
  evaluation:
    'Say how you would know it works: offline metrics, load tests, and an online experiment (A/B or canary) with guardrails.',
  monitoring:
    'Describe monitoring and iteration: the metrics and alerts you would watch, drift or regressions, and the feedback loop.',
  communication:
    'Signpost the structure ("first requirements, then the high-level design, then deep dives") and summarise at the end.',
  'data-and-features':
    'Describe the data: what is logged, the labels, the features (batch and real-time) and data quality checks.',
  modelling:
    'Explain the modelling choices: a simple baseline first, the model family and why, the objective or loss, and what extra complexity buys.',
  'training-serving-consistency':
    'Explain how training and serving see the same features (a shared feature store, point-in-time joins, logged features).',
  'cold-start':
    'Handle cold start: what new users and new items get (popularity, content-based signals, exploration).',
  // Object-oriented design (rubrics/object-oriented-design.yaml): libraries, domain models and SDKs.
  'core-abstractions':
    'Name the few types that carry the design (interfaces, entities, value objects), the state each holds and the invariant each protects.',
  'responsibilities-and-relationships':
    'Give each type one responsibility and trace one call through the objects: who owns what, which way dependencies point, composition or inheritance and why.',
  extensibility:
    'Say which changes you expect and where they plug in (an interface, a registry, a strategy), what stays closed, and how the public API evolves compatibly.',
  'concurrency-and-errors':
    'Cover concurrent callers and failure: the shared state and how it is protected, a race you avoid, and the errors callers see and whether retrying is safe.',
  testability:
    'Say how it is tested: inject the clock, storage and randomness, name the edge cases, and give callers a fake to test their own code.',
};

const lexicons = new WeakMap<readonly string[], Map<string, readonly string[]>>();
const NO_HINTS: readonly string[] = [];

/**
 * Every phrase a design criterion looks for: its lexicon and the rubric's hints. One array per
 * criterion and hint list, so the phrase index resolves it once, not for every answer.
 */
function designPhrases(criterionId: string, hintPhrases: readonly string[]): readonly string[] {
  const hints = hintPhrases.length ? hintPhrases : NO_HINTS;
  let byCriterion = lexicons.get(hints);
  if (!byCriterion) {
    byCriterion = new Map();
    lexicons.set(hints, byCriterion);
  }
  let phrases = byCriterion.get(criterionId);
  if (!phrases) {
    phrases = [...(DESIGN_LEXICON[criterionId] ?? []), ...hints];
    byCriterion.set(criterionId, phrases);
  }
  return phrases;
}

export function measureDesignCriterion(
  text: AnalyzedText,
  hits: PhraseHits,
  rubric: Rubric,
  criterion: Criterion,
  level: Level | undefined,
): Measurement {
  const criterionId = criterion.id;
  const lexicon = designPhrases(criterionId, criterion.hints?.phrases ?? NO_HINTS);
  const own = DESIGN_LEXICON[criterionId] ?? NO_HINTS;
  // The lexicon's terms exactly; the rubric's hints as the candidate words them (topics.ts).
  const matched: FoundPhrase[] =
    criterionId === 'scale-estimation'
      ? []
      : [...hits.matched(own), ...(hintsFound(text, rubric)[rubric.criteria.indexOf(criterion)] ?? [])];
  const depth = depthOf(text, hits);
  // Framing counts in full in the opening third of the answer, where it shapes the design.
  const opening = FRAMING.has(criterionId) ? Math.ceil(text.sentences.length / 3) : text.sentences.length;
  let weighted = 0;
  let early = 0;
  const counted = new Set<string>();
  for (const phrase of matched) {
    if (counted.has(phrase.display)) continue;
    counted.add(phrase.display);
    let best = 0;
    for (const i of phrase.sentences) best = Math.max(best, depth[i]! * (i < opening ? 1 : 0.5));
    weighted += best;
    if (phrase.sentences[0]! < OPENING_SENTENCES) early = Math.max(early, depth[phrase.sentences[0]!]!);
  }
  const factor = LEVEL_FACTOR[level ?? 'L6'];
  const thresholds = (THRESHOLDS[criterionId] ?? DEFAULT_THRESHOLDS).map((t) => t * factor) as [
    number,
    number,
    number,
  ];

  if (criterionId === 'scale-estimation') return measureScale(text, thresholds);
  if (criterionId === 'trade-offs') weighted += hits.sentencesWithAny(COMPARISONS).size * 0.5;

  let score = band(weighted, thresholds);
  // A bar raiser hears the framing, or its absence, in the first minute: an answer that does not open
  // by framing the problem scores at most 2 on it, however much framing comes later. Communication needs
  // its signposts in order ("first" before "finally").
  const unframed = FRAMING.has(criterionId) && early < 1;
  if (unframed) score = cap(score, 2);
  const outOfOrder = criterionId === 'communication' && signpostsOutOfOrder(text, hits);
  if (outOfOrder) score = cap(score, 3);
  // In depth means with numbers: the rubrics' top levels decide with figures (a budget, a threshold, a
  // rate), so a criterion covered only in words stops at 3.
  const quantified = matched.some((p) => p.sentences.some((i) => text.sentences[i]!.numbers > 0));
  if (!quantified) score = cap(score, 3);
  const advice = ADVICE[criterionId] ?? criterion.description;
  let feedback: string;
  if (score === 3 && !quantified && band(weighted, thresholds) === 4) {
    feedback = `Covered, but only in words: put a number on it (a budget, a threshold, a rate). ${advice}`;
  } else if (score >= 4) {
    feedback = `Covered in depth (${matched
      .slice(0, 4)
      .map((p) => p.display)
      .join(', ')}).`;
  } else {
    const missing = hits.missing(lexicon, 3);
    feedback = `${advice}${missing.length ? ` Not yet mentioned: ${missing.join(', ')}.` : ''}`;
  }
  return { score, evidence: quotesFor(text, matched, 2), feedback, advice };
}

/** Signposts that open an answer and that close one. */
const OPENERS = ["i'll start", 'i will start', "i'd start", 'let me start', 'to start', 'first'];
const CLOSERS = ['finally', 'to summarise', 'to summarize', 'in summary', 'to recap', 'to wrap up'];

/** Every signpost, for the phrase index. */
export const SIGNPOSTS = [...OPENERS, ...CLOSERS];

/** Words that open a sentence continuing a sequence: "Then ...", "Second, ...". */
const FOLLOWERS = new Set(['then', 'next', 'second', 'third', 'finally', 'lastly']);

/**
 * The answer's sentences are not in the order it announces: a closing signpost ("finally") or a
 * sentence that continues a sequence ("Then ...") before the one that opens it ("first").
 */
function signpostsOutOfOrder(text: AnalyzedText, hits: PhraseHits): boolean {
  const openers = hits.sentencesWithAny(OPENERS);
  if (openers.size === 0) return false;
  const firstOpener = Math.min(...openers);
  const closers = hits.sentencesWithAny(CLOSERS);
  for (const i of closers) if (i < firstOpener) return true;
  for (let i = 0; i < firstOpener; i++) if (FOLLOWERS.has(text.sentences[i]!.words[0] ?? '')) return true;
  return false;
}

const depthCache = new WeakMap<AnalyzedText, Float32Array>();

/**
 * What a mention is worth in each sentence, worked out once per answer for all criteria: half in a
 * bare list, one in a sentence that explains, and more when the sentence also gives a reason for a
 * choice or puts a number on it, which is what separates a design from a list of components.
 */
function depthOf(text: AnalyzedText, hits: PhraseHits): Float32Array {
  let depth = depthCache.get(text);
  if (!depth) {
    const reasoned = hits.sentencesWithAny(REASONS);
    depth = new Float32Array(text.sentences.length);
    text.sentences.forEach((s, i) => {
      // A general claim ("it is important to monitor") names a topic without designing anything.
      if (isGeneralisation(s)) {
        depth![i] = 0.25;
        return;
      }
      depth![i] =
        (isExplanatory(s) ? 1 : 0.5) +
        (s.numbers > 0 ? 0.5 : 0) +
        (reasoned.has(i) || s.lower.includes(', so ') ? 0.5 : 0);
    });
    depthCache.set(text, depth);
  }
  return depth;
}

const UNIT =
  /^(qps|rps|tps|ms|gb|tb|pb|mb|kb|k|m|b|million|billion|thousand|users|requests|bytes|per|\/s|%)$/;

function measureScale(text: AnalyzedText, thresholds: [number, number, number]): Measurement {
  // Numbers that carry a unit or a magnitude are estimates; bare list numbering is not.
  const estimates = text.sentences.filter((s) => {
    if (s.numbers === 0) return false;
    return s.words.some(
      (w, i) => UNIT.test(w) || /\d(k|m|b|x|%|ms|gb|tb|pb)$/.test(w) || (i > 0 && UNIT.test(s.words[i - 1]!)),
    );
  });
  const numbers = estimates.reduce((n, s) => n + s.numbers, 0);
  const arithmetic =
    /\b(times|multiply|divided|roughly|about|approximately|so that is|which gives|that's|works out)\b|[×x*]\s?\d|≈/.test(
      text.padded,
    );
  const score = band(numbers + (arithmetic && numbers > 0 ? 1 : 0), [
    1,
    thresholds[1] + 0.5,
    thresholds[2] + 1,
  ]);
  return {
    score,
    evidence: estimates.slice(0, 2).map((s) => (s.text.length > 180 ? s.text.slice(0, 180) : s.text)),
    feedback:
      score >= 4
        ? 'Estimates are explicit and drive the design.'
        : `${ADVICE['scale-estimation']} Found ${numbers} figure${numbers === 1 ? '' : 's'} with units.`,
  };
}
