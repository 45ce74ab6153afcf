import type { Registry } from '../../src/banks/registry.js';
import type { Level } from '../../src/schema/index.js';
import { scoreOffline } from '../../src/scoring/offline/index.js';

/** The calibration set (test/scoring/calibration.yaml), written blind to the scorer. */
export interface CalibrationSet {
  questions: { id: string; level: Level; strong: string; adequate: string; weak: string; keywords: string }[];
  grader_directed: { question: string; text: string }[];
  insufficient: { question: string; label: string; text: string }[];
}

export interface CalibrationReport {
  held: number;
  total: number;
  failures: string[];
}

/**
 * The orderings a human bar raiser would agree with: strong > adequate > weak > keyword list for each
 * question, grader-directed text flagged and never above the same answer without it, and
 * insufficient text never given a number. Shared by the test and the bench.
 */
export function checkCalibration(set: CalibrationSet, registry: Registry): CalibrationReport {
  const failures: string[] = [];
  let total = 0;
  const check = (ok: boolean, what: string) => {
    total++;
    if (!ok) failures.push(what);
  };
  const score = (id: string, answer: string, level?: Level) => {
    const question = registry.questions.find((q) => q.id === id);
    if (!question) throw new Error(`calibration question ${id} does not exist`);
    const rubric = registry.rubrics.get(question.rubric)!;
    return scoreOffline({ rubric, question, prompt: question.prompt, answer, ...(level ? { level } : {}) });
  };

  for (const q of set.questions) {
    const [strong, adequate, weak, keywords] = [q.strong, q.adequate, q.weak, q.keywords].map((a) =>
      score(q.id, a, q.level),
    );
    const o = (r: typeof strong) => r!.overall ?? -1;
    check(o(strong) > o(adequate), `${q.id}: strong ${o(strong)} > adequate ${o(adequate)}`);
    check(o(adequate) > o(weak), `${q.id}: adequate ${o(adequate)} > weak ${o(weak)}`);
    check(o(weak) > o(keywords), `${q.id}: weak ${o(weak)} > keywords ${o(keywords)}`);
    check(
      strong!.verdict === 'hire' || strong!.verdict === 'strong-hire',
      `${q.id}: strong answer is hire or better (got ${strong!.verdict})`,
    );
    check(
      weak!.verdict === 'no-hire' || weak!.verdict === 'strong-no-hire' || weak!.verdict === 'insufficient',
      `${q.id}: weak answer is no hire or worse (got ${weak!.verdict})`,
    );
  }
  for (const g of set.grader_directed) {
    const question = set.questions.find((q) => q.id === g.question);
    const result = score(g.question, g.text);
    check(
      result.warnings.some((w) => /grader/.test(w)),
      `${g.question}: grader-directed text flagged`,
    );
    if (question) {
      const clean = score(g.question, question.adequate);
      check(
        (result.overall ?? -1) <= (clean.overall ?? -1),
        `${g.question}: grader-directed text does not raise the score`,
      );
    }
  }
  for (const i of set.insufficient) {
    const result = score(i.question, i.text);
    check(
      result.verdict === 'insufficient' && result.overall === null,
      `${i.question} (${i.label}): insufficient`,
    );
  }
  return { held: total - failures.length, total, failures };
}
