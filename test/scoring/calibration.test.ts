import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRegistry } from '../../src/banks/registry.js';
import { countWords as words } from '../../src/text/tokens.js';
import { type CalibrationSet, checkCalibration, PERTURBATIONS } from './calibration-check.js';

// Answers written by hand, ranked as a bar raiser would, in tiers of similar length. The held-out half
// was written before the scorer was changed for issue 12 and never used to tune it.
const load = (file: string) => parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as CalibrationSet;
const dev = load('./calibration.yaml');
const heldOut = load('./calibration-heldout.yaml');
const registry = await loadRegistry({ banks: [] }, process.cwd());

describe.each([
  ['tuning half', dev],
  ['held-out half', heldOut],
])('offline scorer calibration, %s', (_, set) => {
  it('has tiers of similar length across behavioral and design rubrics', () => {
    const rubrics = new Set(set.questions.map((q) => registry.questions.find((x) => x.id === q.id)?.rubric));
    expect([...rubrics]).toEqual(expect.arrayContaining(['star', 'system-design']));
    expect(rubrics.size).toBeGreaterThanOrEqual(3);
    for (const q of set.questions) {
      const lengths = [q.strong, q.adequate, q.weak].map(words);
      expect(Math.max(...lengths) / Math.min(...lengths), q.id).toBeLessThan(1.2);
    }
  });

  it('holds every ordering and perturbation, and counting words does not', () => {
    const report = checkCalibration(set, registry);
    expect(report.failures).toEqual([]);
    expect(report.held).toBe(report.orderings.length);
    // The word-count baseline on the same comparisons: it must do clearly worse than the scorer.
    expect(report.baselineHeld).toBeLessThan(report.held * 0.75);
  });
});

// The rubrics added for issue 12, written after the scorer was changed. It does not yet hold every
// ordering there (a shuffled answer whose framing is judged low either way scores the same, and one weak
// GenAI answer outscores the adequate one); the test holds the verdicts and the margin over word count.
describe('offline scorer calibration, new rubrics', () => {
  const set = load('./calibration-new-rubrics.yaml');

  it('has tiers of similar length on the GenAI, security and strategy rubrics', () => {
    const rubrics = set.questions.map((q) => registry.questions.find((x) => x.id === q.id)?.rubric);
    expect(rubrics).toEqual(['genai-system-design', 'security-design', 'technical-strategy']);
    for (const q of set.questions) {
      const lengths = [q.strong, q.adequate, q.weak].map(words);
      expect(Math.max(...lengths) / Math.min(...lengths), q.id).toBeLessThan(1.2);
    }
  });

  it('gives strong answers hire and weak ones no hire, and orders far better than counting words', () => {
    const report = checkCalibration(set, registry);
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(report.held).toBeGreaterThanOrEqual(report.orderings.length * 0.8);
    expect(report.baselineHeld).toBeLessThan(report.held * 0.5);
    // The README quotes these: 12 of 15 orderings, word count 5.
    expect([report.held, report.orderings.length, report.baselineHeld]).toEqual([12, 15, 5]);
  });
});

describe('calibration perturbations', () => {
  const story =
    'In 2022 I led the migration. I wrote the plan and my team cut latency from 40 ms to 9 ms. It held.';

  it('keep the length of the answer they perturb', () => {
    for (const perturb of Object.values(PERTURBATIONS)) {
      expect(Math.abs(words(perturb(story)) - words(story))).toBeLessThanOrEqual(2);
    }
  });

  it('do what they say', () => {
    expect(PERTURBATIONS.we(story)).toBe(
      'In 2022 we led the migration. We wrote the plan and our team cut latency from 40 ms to 9 ms. It held.',
    );
    expect(PERTURBATIONS.numberless(story)).toBe(
      'In some I led the migration. I wrote the plan and my team cut latency from some ms to some ms. It held.',
    );
    expect(PERTURBATIONS.shuffled(story)).not.toBe(story);
    const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).sort();
    expect(sentences(PERTURBATIONS.shuffled(story))).toEqual(sentences(story));
  });
});
