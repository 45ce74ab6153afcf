import { UsageError } from '../errors.js';
import type { Attempt } from '../history/attempt.js';
import { scorerName } from './model.js';
import { type DiffPart, wordDiff } from './word-diff.js';

/**
 * Two attempts at the same question, side by side: per-criterion score changes, the evidence that
 * appeared or disappeared, and a word-level diff of the answers. Pure: the command reads history.
 */

export interface AttemptSide {
  id: string;
  at: string;
  overall: number | null;
  verdict: Attempt['verdict'];
  scorer: Attempt['scorer'];
  model: string | null;
  promptVersion: string | null;
  rubricVersion: string | null;
  answer: string;
}

export interface CriterionChange {
  id: string;
  before: number | null;
  after: number | null;
  /** after - before; null when either side has no score for the criterion. */
  delta: number | null;
}

export interface Comparison {
  /** The bank question's id; null for answers to a prompt of one's own (given by both ids). */
  question: string | null;
  before: AttemptSide;
  after: AttemptSide;
  criteria: CriterionChange[];
}

export interface EvidenceChange {
  criterion: string;
  appeared: string[];
  disappeared: string[];
}

export interface ComparisonDetail {
  comparison: Comparison;
  rubric: string;
  evidence: EvidenceChange[];
  /** False when either attempt was recorded before evidence was kept. */
  evidenceRecorded: boolean;
  diff: DiffPart[];
  /** Why the two scores may not be comparable (another scorer, model or prompt version), if so. */
  caveats: string[];
}

export interface CompareRequest {
  ids: readonly string[];
  question?: string;
}

/** The key attempts are grouped by: a bank question's id, or the rubric for an answer to a prompt of one's own. */
function questionKey(a: Attempt): string {
  return a.questionId ?? `(own prompt, ${a.rubric} rubric)`;
}

/**
 * An attempt by its id, or by a prefix of it that only one attempt has (ids are long). An unknown or
 * ambiguous id is a usage error naming what to do.
 */
function findAttempt(attempts: readonly Attempt[], id: string): Attempt {
  const exact = attempts.find((a) => a.id === id);
  if (exact) return exact;
  const matches = attempts.filter((a) => a.id.startsWith(id));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UsageError(
      `attempt id "${id}" is ambiguous: ${matches
        .slice(0, 4)
        .map((a) => a.id)
        .join(', ')}${matches.length > 4 ? ', ...' : ''}`,
    );
  }
  throw new UsageError(`no attempt "${id}" in history; \`coach history\` lists attempt ids`);
}

/** Which two attempts to compare, oldest first, from the ids and --question given. */
export function pickPair(attempts: readonly Attempt[], request: CompareRequest): [Attempt, Attempt] {
  if (request.ids.length > 2) throw new UsageError('compare takes at most two attempt ids');
  const chosen = request.ids.map((id) => findAttempt(attempts, id));
  if (request.question !== undefined) {
    for (const a of chosen) {
      if (a.questionId !== request.question)
        throw new UsageError(`attempt ${a.id} answers ${questionKey(a)}, not ${request.question}`);
    }
  }
  if (chosen.length === 2) {
    const [x, y] = chosen as [Attempt, Attempt];
    if (x.id === y.id) throw new UsageError(`both ids name the same attempt, ${x.id}`);
    if (questionKey(x) !== questionKey(y)) {
      throw new UsageError(
        `attempts ${x.id} and ${y.id} answer different questions (${questionKey(x)}, ${questionKey(y)})`,
      );
    }
    return byTime(x, y);
  }
  if (chosen[0] && chosen[0].questionId === null) {
    throw new UsageError(
      `attempt ${chosen[0].id} answers a prompt of your own, which history does not keep; give both attempt ids`,
    );
  }
  const key = chosen[0] ? questionKey(chosen[0]) : request.question;
  if (key === undefined) {
    throw new UsageError('give one or two attempt ids, or --question ID for its latest two attempts');
  }
  // The latest scored attempts at the question (an unscored one has nothing to compare yet).
  const candidates = attempts.filter(
    (a) => questionKey(a) === key && a.status !== 'unscored' && a.id !== chosen[0]?.id,
  );
  if (chosen[0]) {
    const other = candidates.at(-1);
    if (!other) throw new UsageError(`attempt ${chosen[0].id} is the only scored attempt at ${key}`);
    return byTime(chosen[0], other);
  }
  if (candidates.length < 2) {
    throw new UsageError(
      `${key} has ${candidates.length === 0 ? 'no scored attempts' : 'only one scored attempt'}; compare needs two`,
    );
  }
  return byTime(candidates.at(-2)!, candidates.at(-1)!);
}

function byTime(x: Attempt, y: Attempt): [Attempt, Attempt] {
  return x.at < y.at || (x.at === y.at && x.id < y.id) ? [x, y] : [y, x];
}

function side(a: Attempt): AttemptSide {
  return {
    id: a.id,
    at: a.at,
    overall: a.overall,
    verdict: a.status === 'unscored' ? 'insufficient' : a.verdict,
    scorer: a.scorer,
    model: a.model ?? null,
    promptVersion: a.promptVersion ?? null,
    rubricVersion: a.rubricVersion ?? null,
    answer: a.answer,
  };
}

/**
 * The comparison of two attempts. `criterionOrder` is the rubric's order of criteria when the
 * rubric is known; criteria either attempt has that the rubric lacks follow in their own order.
 */
export function compareAttempts(
  before: Attempt,
  after: Attempt,
  criterionOrder: readonly string[] = [],
): ComparisonDetail {
  const ids = [
    ...new Set([...criterionOrder, ...before.criteria.map((c) => c.id), ...after.criteria.map((c) => c.id)]),
  ].filter((id) => before.criteria.some((c) => c.id === id) || after.criteria.some((c) => c.id === id));
  const scoreOf = (a: Attempt, id: string) => a.criteria.find((c) => c.id === id)?.score ?? null;
  const criteria = ids.map((id): CriterionChange => {
    const b = scoreOf(before, id);
    const f = scoreOf(after, id);
    return { id, before: b, after: f, delta: b === null || f === null ? null : f - b };
  });
  const evidenceOf = (a: Attempt, id: string) => a.criteria.find((c) => c.id === id)?.evidence ?? [];
  const evidence = ids
    .map((id): EvidenceChange => {
      const b = evidenceOf(before, id);
      const f = evidenceOf(after, id);
      return {
        criterion: id,
        appeared: f.filter((q) => !b.includes(q)),
        disappeared: b.filter((q) => !f.includes(q)),
      };
    })
    .filter((e) => e.appeared.length > 0 || e.disappeared.length > 0);
  const recorded = (a: Attempt) => a.criteria.some((c) => c.evidence !== undefined);
  return {
    comparison: { question: after.questionId, before: side(before), after: side(after), criteria },
    rubric: after.rubric,
    evidence,
    evidenceRecorded: recorded(before) && recorded(after),
    diff: wordDiff(before.answer, after.answer),
    caveats: caveats(before, after),
  };
}

function caveats(before: Attempt, after: Attempt): string[] {
  const out: string[] = [];
  // An unscored attempt has no judge, prompt or rubric version yet: comparing them only adds false alarms.
  const bothScored = before.status !== 'unscored' && after.status !== 'unscored';
  if (!bothScored) {
    // Nothing to say about judges: the 'never scored' lines below say why.
  } else if (scorerName(before) !== scorerName(after)) {
    out.push(`different judges: ${scorerName(before)} before, ${scorerName(after)} after`);
  } else if ((before.promptVersion ?? null) !== (after.promptVersion ?? null)) {
    out.push(
      `different prompt versions: ${before.promptVersion ?? 'unrecorded'} before, ${after.promptVersion ?? 'unrecorded'} after`,
    );
  }
  if (before.rubric !== after.rubric)
    out.push(`different rubrics: ${before.rubric} before, ${after.rubric} after`);
  else if (bothScored && (before.rubricVersion ?? null) !== (after.rubricVersion ?? null)) {
    out.push(
      `the rubric changed between them: version ${before.rubricVersion ?? 'unrecorded'} before, ${after.rubricVersion ?? 'unrecorded'} after`,
    );
  }
  for (const [name, a] of [
    ['before', before],
    ['after', after],
  ] as const) {
    if (a.status === 'unscored') out.push(`the ${name} attempt (${a.id}) was never scored`);
  }
  return out;
}
