import { confusion, pairwiseAgreement, quadraticKappa, spearman } from './agreement.js';
import { analyzeText } from './offline/text.js';
import { type ScoreResult, VERDICTS, type Verdict } from './result.js';

/**
 * How well a scorer agrees with a person's labels (or with another scorer) over a calibration set.
 * Pure: takes labels and results, returns figures; the command scores and prints.
 *
 * What is compared:
 * - order (pairwise agreement, Spearman): the scorer's overall (0-100), an insufficient answer below
 *   every number, against the label's level;
 * - agreement on the 4-level scale (quadratic kappa, confusion): the scorer's verdict, an insufficient
 *   answer counted as strong no hire for kappa, against the label's level.
 */

export type ScorerVerdict = Verdict;
type LabelVerdict = (typeof VERDICTS)[number];
const SCORER_VERDICTS: readonly ScorerVerdict[] = [...VERDICTS, 'insufficient'];

export interface LabelledAnswer {
  /** The person's overall level, 1-4. */
  label: number;
  /** The person's level per criterion id, when given. */
  criteria?: Record<string, number>;
  answer: string;
  rubric: string;
}

export interface CriterionAgreement {
  /** `rubric/criterion`. */
  criterion: string;
  /** Labelled answers the scorer also gave this criterion a level. */
  n: number;
  spearman: number | null;
  quadraticKappa: number | null;
}

export interface CalibrationReport {
  scorer: string;
  n: number;
  pairwiseAgreement: number | null;
  spearman: number | null;
  quadraticKappa: number | null;
  /** The same order figures for the answers' word counts: what a scorer must beat to be more than a ruler. */
  baseline: { pairwiseAgreement: number | null; spearman: number | null };
  /** Rows: the label's verdict; columns: the scorer's verdict. */
  confusion: Record<LabelVerdict, Record<ScorerVerdict, number>>;
  /** Answers an LLM scorer could not judge, so their figures are the offline scorer's (see warnings). */
  fallbacks: number;
  /** Per labelled criterion; only when the file labels criteria. */
  criteria?: CriterionAgreement[];
}

export interface ScorerComparison {
  scorers: [string, string];
  n: number;
  /** Of the pairs the first scorer orders, the share the second orders the same way. */
  pairwiseAgreement: number | null;
  spearman: number | null;
  quadraticKappa: number | null;
  /** Rows: the first scorer's verdict; columns: the second's. */
  confusion: Record<ScorerVerdict, Record<ScorerVerdict, number>>;
}

/** Insufficient answers have no overall: they sort below every score. */
const orderValue = (r: ScoreResult) => r.overall ?? -1;
/** The verdict on the 1-4 scale; insufficient is the bottom level. */
const verdictLevel = (v: ScorerVerdict) => (v === 'insufficient' ? 1 : VERDICTS.indexOf(v) + 1);
const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function calibrationReport(
  scorer: string,
  items: readonly LabelledAnswer[],
  results: readonly ScoreResult[],
): CalibrationReport {
  if (items.length !== results.length) throw new RangeError('one result per labelled answer');
  const labels = items.map((i) => i.label);
  const order = results.map(orderValue);
  const words = items.map((i) => analyzeText(i.answer).words.length);
  const criteria = criterionAgreement(items, results);
  return {
    scorer,
    n: items.length,
    pairwiseAgreement: round(pairwiseAgreement(labels, order)),
    spearman: round(spearman(labels, order)),
    quadraticKappa: round(
      quadraticKappa(
        labels,
        results.map((r) => verdictLevel(r.verdict)),
      ),
    ),
    baseline: {
      pairwiseAgreement: round(pairwiseAgreement(labels, words)),
      spearman: round(spearman(labels, words)),
    },
    confusion: confusion(
      labels.map((l) => VERDICTS[l - 1]!),
      results.map((r) => r.verdict),
      VERDICTS,
      SCORER_VERDICTS,
    ),
    // Not an insufficient answer kept from the model by design: that is the LLM scorer's judgement too.
    fallbacks: results.filter((r) => r.fallback !== undefined).length,
    ...(criteria.length ? { criteria } : {}),
  };
}

function criterionAgreement(
  items: readonly LabelledAnswer[],
  results: readonly ScoreResult[],
): CriterionAgreement[] {
  const pairs = new Map<string, { label: number[]; scored: number[] }>();
  items.forEach((item, i) => {
    for (const [id, label] of Object.entries(item.criteria ?? {})) {
      const scored = results[i]!.criteria.find((c) => c.id === id)?.score;
      const key = `${item.rubric}/${id}`;
      const entry = pairs.get(key) ?? { label: [], scored: [] };
      pairs.set(key, entry);
      if (scored === null || scored === undefined) continue;
      entry.label.push(label);
      entry.scored.push(scored);
    }
  });
  return [...pairs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([criterion, { label, scored }]) => ({
      criterion,
      n: label.length,
      spearman: round(spearman(label, scored)),
      quadraticKappa: round(quadraticKappa(label, scored)),
    }));
}

/** Two scorers over the same answers: how far they agree with each other, the first as reference. */
export function compareScorers(
  names: [string, string],
  first: readonly ScoreResult[],
  second: readonly ScoreResult[],
): ScorerComparison {
  if (first.length !== second.length) throw new RangeError('both scorers judge the same answers');
  return {
    scorers: names,
    n: first.length,
    pairwiseAgreement: round(pairwiseAgreement(first.map(orderValue), second.map(orderValue))),
    spearman: round(spearman(first.map(orderValue), second.map(orderValue))),
    quadraticKappa: round(
      quadraticKappa(
        first.map((r) => verdictLevel(r.verdict)),
        second.map((r) => verdictLevel(r.verdict)),
      ),
    ),
    confusion: confusion(
      first.map((r) => r.verdict),
      second.map((r) => r.verdict),
      SCORER_VERDICTS,
      SCORER_VERDICTS,
    ),
  };
}
