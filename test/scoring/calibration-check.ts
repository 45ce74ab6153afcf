import type { Registry } from '../../src/banks/registry.js';
import type { Level } from '../../src/schema/index.js';
import { focusRubric } from '../../src/scoring/focus.js';
import { judgesOrder } from '../../src/scoring/offline/design.js';
import { scoreOffline } from '../../src/scoring/offline/index.js';
import type { ScoreResult } from '../../src/scoring/result.js';
import { countWords as words } from '../../src/text/tokens.js';

/**
 * The calibration set (test/scoring/calibration.yaml and calibration-heldout.yaml): answers written by
 * hand as a bar raiser would rank them, in tiers of similar length, so that counting words cannot
 * pass it. Shared by the test and `npm run bench`.
 */
export interface CalibrationQuestion {
  id: string;
  level: Level;
  strong: string;
  adequate: string;
  weak: string;
}

export interface CalibrationSet {
  questions: CalibrationQuestion[];
  /** An instruction to the grader put into a clean answer: it must be flagged and must not raise the score. */
  grader_directed?: { question: string; clean: string; injected: string; at: 'start' | 'middle' | 'end' }[];
  insufficient?: { question: string; label: string; text: string }[];
}

/** One comparison a bar raiser would make: `better` must score above `worse`. */
export interface Ordering {
  what: string;
  better: number;
  worse: number;
  /** The same comparison made by counting words. */
  betterWords: number;
  worseWords: number;
}

export interface CalibrationReport {
  orderings: Ordering[];
  /** Orderings the scorer holds (better strictly above worse). */
  held: number;
  /** Orderings counting words holds. */
  baselineHeld: number;
  /** Verdict and guard checks, which have no word-count counterpart. */
  checks: { what: string; ok: boolean }[];
  failures: string[];
}

/**
 * Perturbations of a strong answer that keep its length but remove what made it strong. Each must
 * score lower than the answer itself; a word count cannot tell them apart.
 */
export const PERTURBATIONS = {
  /** The same sentences in another order (a fixed permutation, so the test is deterministic). */
  shuffled: (text: string) => {
    const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean);
    const order = sentences.map((_, i) => i);
    let seed = 12;
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order.map((i) => sentences[i]).join(' ');
  },
  /** What "I" did told as what "we" did. */
  we: (text: string) =>
    text
      .replace(/\bI'(d|ll|ve|m)\b/g, (_, c: string) => `we'${c === 'm' ? 're' : c}`)
      .replace(/\bI\b/g, 'we')
      .replace(/\bmyself\b/g, 'ourselves')
      .replace(/\bmy\b/gi, 'our')
      .replace(/\bme\b/g, 'us')
      .replace(/(^|[.!?]\s+)we\b/g, (_, before: string) => `${before}We`),
  /** Every figure and number word replaced by "some": the claims stay, the measurements go. */
  numberless: (text: string) =>
    text.replace(
      /(?<![\w-])\$?\d[\d,.]*(%|ms|s|x|k|m|TB|GB)?(?!\w)|\b(two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|double|tripled|halved)\b/gi,
      'some',
    ),
};

/**
 * Runs the set: for each question strong > adequate > weak, and each perturbation of the strong answer
 * below it (for design answers "I" and "we" are not a signal, so that one is behavioral only); strong
 * answers hire or better, weak ones no hire or worse; grader-directed text flagged and not rewarded;
 * insufficient text never given a number.
 */
export function checkCalibration(set: CalibrationSet, registry: Registry): CalibrationReport {
  const orderings: Ordering[] = [];
  const checks: { what: string; ok: boolean }[] = [];
  const questionOf = (id: string) => {
    const question = registry.questions.find((q) => q.id === id);
    if (!question) throw new Error(`calibration question ${id} does not exist`);
    return question;
  };
  // As every command does: a focused deep-dive is judged only on the criteria it probes.
  const rubricOf = (id: string) => {
    const question = questionOf(id);
    return focusRubric(registry.rubrics.get(question.rubric)!, question);
  };
  const score = (id: string, answer: string, level?: Level): ScoreResult => {
    const question = questionOf(id);
    const rubric = rubricOf(id);
    return scoreOffline({ rubric, question, prompt: question.prompt, answer, ...(level ? { level } : {}) });
  };
  const o = (r: ScoreResult) => r.overall ?? -1;
  const order = (what: string, better: ScoreResult, worse: ScoreResult, a: string, b: string) =>
    orderings.push({ what, better: o(better), worse: o(worse), betterWords: words(a), worseWords: words(b) });

  const behavioral = (id: string) => registry.rubrics.get(questionOf(id).rubric)?.appliesTo === 'behavioral';
  for (const [n, q] of set.questions.entries()) {
    const [strong, adequate, weak] = [q.strong, q.adequate, q.weak].map((a) => score(q.id, a, q.level)) as [
      ScoreResult,
      ScoreResult,
      ScoreResult,
    ];
    order(`${q.id}: strong > adequate`, strong, adequate, q.strong, q.adequate);
    order(`${q.id}: adequate > weak`, adequate, weak, q.adequate, q.weak);
    // "I" against "we" is a behavioral signal; order is judged by stories and by design rubrics with a
    // framing or communication criterion (a focused deep-dive on other criteria does not read order).
    const kinds = behavioral(q.id)
      ? (['shuffled', 'we', 'numberless'] as const)
      : judgesOrder(rubricOf(q.id))
        ? (['shuffled', 'numberless'] as const)
        : (['numberless'] as const);
    for (const kind of kinds) {
      const perturbed = PERTURBATIONS[kind](q.strong);
      order(`${q.id}: strong > strong ${kind}`, strong, score(q.id, perturbed, q.level), q.strong, perturbed);
    }
    // Another question of the same kind: the strong answer, scored against a prompt it does not answer.
    const other = [...set.questions.slice(n + 1), ...set.questions.slice(0, n)].find(
      (x) => behavioral(x.id) === behavioral(q.id),
    );
    if (other) {
      order(
        `${q.id}: strong > strong scored against ${other.id}`,
        strong,
        score(other.id, q.strong, q.level),
        q.strong,
        q.strong,
      );
    }
    checks.push({
      what: `${q.id}: strong answer is hire or better (got ${strong.verdict}, ${o(strong)})`,
      ok: strong.verdict === 'hire' || strong.verdict === 'strong-hire',
    });
    checks.push({
      what: `${q.id}: weak answer is no hire or worse (got ${weak.verdict}, ${o(weak)})`,
      ok: weak.verdict === 'no-hire' || weak.verdict === 'strong-no-hire',
    });
  }
  for (const g of set.grader_directed ?? []) {
    const paragraphs = g.clean.trim().split(/\n\s*\n/);
    const at = g.at === 'start' ? 0 : g.at === 'end' ? paragraphs.length : Math.floor(paragraphs.length / 2);
    paragraphs.splice(at, 0, g.injected);
    const result = score(g.question, paragraphs.join('\n\n'));
    checks.push({
      what: `${g.question}: grader-directed text at the ${g.at} is flagged`,
      ok: result.warnings.some((w) => /grader/.test(w)),
    });
    checks.push({
      what: `${g.question}: grader-directed text at the ${g.at} does not raise the score`,
      ok: o(result) <= o(score(g.question, g.clean)),
    });
  }
  for (const i of set.insufficient ?? []) {
    const result = score(i.question, i.text);
    checks.push({
      what: `${i.question} (${i.label}): insufficient`,
      ok: result.verdict === 'insufficient' && result.overall === null,
    });
  }
  const failures = [
    ...orderings.filter((x) => x.better <= x.worse).map((x) => `${x.what} (${x.better} vs ${x.worse})`),
    ...checks.filter((c) => !c.ok).map((c) => c.what),
  ];
  return {
    orderings,
    held: orderings.filter((x) => x.better > x.worse).length,
    baselineHeld: orderings.filter((x) => x.betterWords > x.worseWords).length,
    checks,
    failures,
  };
}
