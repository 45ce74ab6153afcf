import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import type { Rubric } from '../../src/schema/index.js';
import { focusingScorer, focusRubric } from '../../src/scoring/focus.js';
import { offlineScorer } from '../../src/scoring/offline/index.js';
import { overallScore } from '../../src/scoring/result.js';

const levels = { 1: 'Poor.', 2: 'Weak.', 3: 'Good.', 4: 'Excellent.' };
const RUBRIC: Rubric = {
  kind: 'rubric',
  id: 'three-part',
  name: 'Three-part design answer',
  appliesTo: 'design',
  criteria: [
    { id: 'framing', name: 'Framing', weight: 0.5, description: 'Frames the problem.', levels },
    { id: 'serving', name: 'Serving', weight: 0.3, description: 'Serves the model.', levels },
    { id: 'trade-offs', name: 'Trade-offs', weight: 0.2, description: 'Weighs options.', levels },
  ],
};

describe('focusRubric: the rubric a focused question is judged on', () => {
  it('keeps only the focus criteria, in rubric order, with weights renormalised to sum to 1', () => {
    const focused = focusRubric(RUBRIC, { focusCriteria: ['trade-offs', 'serving'] });
    expect(focused.id).toBe('three-part');
    expect(focused.criteria.map((c) => [c.id, c.weight])).toEqual([
      ['serving', 0.6],
      ['trade-offs', 0.4],
    ]);
    expect(RUBRIC.criteria.map((c) => c.weight)).toEqual([0.5, 0.3, 0.2]);
  });

  it('scores a literal set of levels on the focus only: serving 4 and trade-offs 1 make 60, not 30', () => {
    const levelsGiven = [
      { id: 'framing', score: 1 },
      { id: 'serving', score: 4 },
      { id: 'trade-offs', score: 1 },
    ];
    // Whole rubric: 0.3 x 100% = 30. Focus on serving and trade-offs: 0.6 x 100% + 0.4 x 0% = 60.
    expect(overallScore(levelsGiven, RUBRIC)).toBe(30);
    expect(overallScore(levelsGiven, focusRubric(RUBRIC, { focusCriteria: ['serving', 'trade-offs'] }))).toBe(
      60,
    );
    // Serving 3 (2/3) and trade-offs 2 (1/3): 0.6 x 66.7% + 0.4 x 33.3% = 53.3, shown as 53.
    const second = [
      { id: 'serving', score: 3 },
      { id: 'trade-offs', score: 2 },
    ];
    expect(overallScore(second, focusRubric(RUBRIC, { focusCriteria: ['serving', 'trade-offs'] }))).toBe(53);
  });

  it('returns the rubric itself when there is no focus, or the focus names nothing it has', () => {
    expect(focusRubric(RUBRIC, undefined)).toBe(RUBRIC);
    expect(focusRubric(RUBRIC, {})).toBe(RUBRIC);
    expect(focusRubric(RUBRIC, { focusCriteria: ['latency'] })).toBe(RUBRIC);
    expect(focusRubric(RUBRIC, { focusCriteria: ['framing', 'serving', 'trade-offs'] })).toBe(RUBRIC);
  });

  it('ignores an id the rubric lacks (lint reports it) and keeps the ones it has', () => {
    const focused = focusRubric(RUBRIC, { focusCriteria: ['framing', 'latency'] });
    expect(focused.criteria.map((c) => [c.id, c.weight])).toEqual([['framing', 1]]);
  });
});

const registry = await loadRegistry({ banks: [] }, process.cwd());

describe('focusingScorer: every command scores through it', () => {
  const scorer = focusingScorer(offlineScorer);
  const answer =
    'I would start from a baseline run and a fixed monthly budget of GPU-hours, then use successive halving with early ' +
    'stopping so weak configurations stop after one hour instead of six. I chose Bayesian search over random search ' +
    'for the final rounds, at the cost of some parallelism. Each trial is evaluated on a time-based split with a holdout.';

  it('judges a focused shipped question on its focus criteria only, and says so in the result', async () => {
    const question = registry.questions.find((q) => q.id === 'aiml-hpo-at-scale')!;
    expect(question.focusCriteria).toEqual([
      'problem-framing',
      'modelling',
      'training-and-evaluation',
      'trade-offs',
    ]);
    const rubric = registry.rubrics.get(question.rubric)!;
    const result = await scorer.score({ rubric, question, prompt: question.prompt, answer });
    expect(result.rubric).toBe('ml-system-design');
    expect(result.criteria.map((c) => c.id)).toEqual(question.focusCriteria);
    expect(result.focusCriteria).toEqual(question.focusCriteria);
  });

  it('judges an unfocused question on every criterion and adds no focus to the result', async () => {
    const question = registry.questions.find((q) => q.id === 'aiml-training-pipeline')!;
    expect(question.focusCriteria).toBeUndefined();
    const rubric = registry.rubrics.get(question.rubric)!;
    const result = await scorer.score({ rubric, question, prompt: question.prompt, answer });
    expect(result.criteria.map((c) => c.id)).toEqual(rubric.criteria.map((c) => c.id));
    expect(result).not.toHaveProperty('focusCriteria');
  });
});
