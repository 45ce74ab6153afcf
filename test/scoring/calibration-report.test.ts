import { describe, expect, it } from 'vitest';
import { calibrationReport, compareScorers, type LabelledAnswer } from '../../src/scoring/calibration.js';
import { type ScoreResult, verdictFor } from '../../src/scoring/result.js';

/** A result with just what calibration reads: the overall, its verdict, the scorer and criterion levels. */
function result(
  overall: number | null,
  scorer: ScoreResult['scorer'] = 'anthropic',
  criteria: Record<string, number | null> = {},
  fellBack = false,
): ScoreResult {
  return {
    questionId: null,
    rubric: 'star',
    scorer,
    model: scorer === 'offline' ? null : 'claude-sonnet-5-5',
    promptVersion: 'p1',
    rubricVersion: 'r1',
    level: null,
    overall,
    verdict: overall === null ? 'insufficient' : verdictFor(overall),
    criteria: Object.entries(criteria).map(([id, score]) => ({
      id,
      name: id,
      score,
      max: 4,
      evidence: [],
      feedback: '',
    })),
    suggestions: [],
    warnings: [],
    // An offline result where an LLM scorer was asked for is what a fallback looks like.
    ...(fellBack ? { fallback: { from: 'anthropic', model: 'claude-sonnet-5-5', reason: 'HTTP 500' } } : {}),
  } as ScoreResult;
}

const item = (label: number, words: number, criteria?: Record<string, number>): LabelledAnswer => ({
  label,
  answer: Array.from({ length: words }, (_, i) => `word${i}`).join(' '),
  rubric: 'star',
  ...(criteria ? { criteria } : {}),
});

describe('calibrationReport', () => {
  // Labels 1..4; the scorer gives 10, insufficient, 60 and 90; word counts 4, 1, 2, 3.
  const items = [
    item(1, 4, { results: 1 }),
    item(2, 1, { results: 2 }),
    item(3, 2),
    item(4, 3, { results: 4 }),
  ];
  const results = [
    result(10, 'anthropic', { results: 1 }),
    result(null, 'offline', { results: null }),
    result(60, 'offline', {}, true),
    result(90, 'anthropic', { results: 3 }),
  ];
  const report = calibrationReport('anthropic', items, results);

  it('orders an insufficient answer below every score', () => {
    // Order values [10, -1, 60, 90]: only the pair (label 1, label 2) is reversed: 5 of 6 pairs agree.
    expect(report.pairwiseAgreement).toBe(0.833);
    // Ranks [2, 1, 3, 4] against [1, 2, 3, 4]: Σd² = 2, rho = 1 - 6*2 / (4*15) = 0.8.
    expect(report.spearman).toBe(0.8);
  });

  it('counts an insufficient verdict as the bottom level for kappa', () => {
    // Levels [1, 1, 3, 4] against [1, 2, 3, 4]: observed Σ(i-j)² = 1; expected with margins
    // (1,1,1,1) and (2,0,1,1) = (2*14 + 6 + 14) / 4 = 12; kappa = 1 - 1/12 = 0.917.
    expect(report.quadraticKappa).toBe(0.917);
  });

  it('gives the word-count baseline the same order figures', () => {
    // Word counts [4, 1, 2, 3]: 3 of 6 pairs agree; d = [3, -1, -1, -1], rho = 1 - 6*12/60 = -0.2.
    expect(report.baseline).toEqual({ pairwiseAgreement: 0.5, spearman: -0.2 });
  });

  it('tabulates label verdicts against scorer verdicts, insufficient as its own column', () => {
    expect(report.confusion['no-hire']).toEqual({
      'strong-no-hire': 0,
      'no-hire': 0,
      hire: 0,
      'strong-hire': 0,
      insufficient: 1,
    });
    expect(report.confusion['strong-hire']['strong-hire']).toBe(1);
    expect(report.confusion.hire.hire).toBe(1);
  });

  it('counts answers another scorer judged (a fallback) and agreement per labelled criterion', () => {
    // The offline 60 is a fallback; the insufficient answer was never for the model to judge.
    expect(report.fallbacks).toBe(1);
    // The insufficient answer has no criterion level, so 2 of the 3 labels pair up: [1, 4] against [1, 3].
    // Observed Σ(i-j)² = 1; expected = ((1-1)² + (1-3)² + (4-1)² + (4-3)²) / 2 = 7; kappa = 1 - 1/7.
    expect(report.criteria).toEqual([
      { criterion: 'star/results', n: 2, spearman: 1, quadraticKappa: 0.857 },
    ]);
  });

  it('has no criteria key when none is labelled (the CLI test checks the documented keys)', () => {
    const plain = calibrationReport(
      'offline',
      [item(1, 1), item(4, 2)],
      [result(0, 'offline'), result(100, 'offline')],
    );
    expect('criteria' in plain).toBe(false);
    expect(plain).toMatchObject({ n: 2, pairwiseAgreement: 1, spearman: 1, quadraticKappa: 1, fallbacks: 0 });
  });
});

describe('compareScorers', () => {
  it('measures two scorers against each other, the first as reference', () => {
    const a = [result(10), result(40), result(70), result(null)];
    const b = [result(20), result(30), result(30), result(80)];
    const c = compareScorers(['offline', 'anthropic'], a, b);
    // a orders [10, 40, 70, -1]; b gives [20, 30, 30, 80]: pairs with the insufficient answer are reversed
    // (3), (1,2) is a tie in b (0.5), (0,1) and (0,2) agree (2): 2.5 / 6.
    expect(c.pairwiseAgreement).toBe(0.417);
    expect(c.scorers).toEqual(['offline', 'anthropic']);
    expect(c.confusion.insufficient['strong-hire']).toBe(1);
    expect(c.confusion.hire['no-hire']).toBe(1);
  });
});
