import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { focusingScorer } from '../../src/scoring/focus.js';
import { humanResult } from '../../src/scoring/human.js';
import { offlineScorer } from '../../src/scoring/offline/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const registry = await loadRegistry({ banks: [] }, ROOT);
const star = registry.rubrics.get('star')!;
const mlDesign = registry.rubrics.get('ml-system-design')!;
const focused = registry.questions.find((q) => q.id === 'aiml-hpo-at-scale')!;

describe('a person’s levels as a score', () => {
  it('computes the overall from the levels with the rubric’s weights, as the scorers do', () => {
    // star: structure .15, ownership .15, specificity .15, results .20, reflection .10,
    // principle-alignment .15, concision .10; level L counts (L-1)/3.
    const levels = {
      structure: 4,
      ownership: 3,
      specificity: 3,
      results: 2,
      reflection: 1,
      'principle-alignment': 4,
      concision: 3,
    };
    const result = humanResult({ rubric: star }, { levels, notes: { results: '  no numbers at all  ' } });
    // (.15*1 + .15*2/3 + .15*2/3 + .20*1/3 + .10*0 + .15*1 + .10*2/3) / 1 = 0.6333
    expect(result.overall).toBe(63);
    expect(result.verdict).toBe('hire');
    expect(result.scorer).toBe('human');
    expect(result.model).toBeNull();
    expect(result.promptVersion).toBeNull();
    expect(result.criteria.find((c) => c.id === 'results')).toMatchObject({
      score: 2,
      feedback: 'no numbers at all',
    });
    expect(result.suggestions).toEqual([]);
  });

  it('asks only the criteria a focused question is judged on, and says so', () => {
    const result = humanResult(
      { rubric: mlDesign, question: focused, level: 'L6' },
      {
        levels: {
          'problem-framing': 4,
          modelling: 1,
          'training-and-evaluation': 3,
          'trade-offs': 2,
          serving: 1,
        },
        note: 'Good framing; never chose a search strategy.',
      },
    );
    expect(result.criteria.map((c) => c.id)).toEqual([
      'problem-framing',
      'modelling',
      'training-and-evaluation',
      'trade-offs',
    ]);
    expect(result.focusCriteria).toEqual(focused.focusCriteria);
    // (.15*1 + .12*0 + .14*2/3 + .12*1/3) / .53 = 0.5346: serving's level is not counted.
    expect(result.overall).toBe(53);
    expect(result.verdict).toBe('hire');
    expect(result.level).toBe('L6');
    expect(result.note).toBe('Good framing; never chose a search strategy.');
  });

  it('gives the same overall and rubric version as the offline scorer would for the same levels', async () => {
    const offline = await focusingScorer(offlineScorer).score({
      rubric: mlDesign,
      question: focused,
      prompt: focused.prompt,
      answer:
        'We have a fixed GPU budget, so I would frame the goal as the best validation loss per GPU-hour. ' +
        'I would use successive halving with early stopping, because most trials are clearly bad after one epoch.',
    });
    const levels = Object.fromEntries(offline.criteria.map((c) => [c.id, c.score ?? 1]));
    const person = humanResult({ rubric: mlDesign, question: focused }, { levels });
    expect(person.overall).toBe(offline.overall);
    expect(person.rubricVersion).toBe(offline.rubricVersion);
  });

  it('refuses a judged criterion without a level from 1 to 4', () => {
    expect(() => humanResult({ rubric: star }, { levels: { structure: 3 } })).toThrow(/ownership/);
    expect(() =>
      humanResult(
        { rubric: mlDesign, question: focused },
        { levels: { 'problem-framing': 5, modelling: 1, 'training-and-evaluation': 3, 'trade-offs': 2 } },
      ),
    ).toThrow(/problem-framing needs a level|"problem-framing" needs a level/);
  });
});
