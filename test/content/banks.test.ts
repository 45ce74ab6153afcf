import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { lint } from '../../src/lint/lint.js';
import { SHIPPED_BANKS_DIR, SHIPPED_RUBRICS_DIR } from '../../src/paths.js';
import { LEADERSHIP_PRINCIPLES } from '../../src/schema/principles.js';

// The content bar of the shipped banks and rubrics: what a candidate pays for.
const registry = await loadRegistry({ banks: [] }, process.cwd());

const MINIMUM_QUESTIONS: Record<string, number> = {
  behavioral: 48,
  'ai-ml': 25,
  'remote-leadership': 15,
  frugality: 15,
  'personalization-design': 15,
  'system-design': 12,
  'team-leadership': 12,
  'cloud-security-sustainability': 12,
};

describe('shipped question banks', () => {
  it('lint with zero errors and zero warnings', async () => {
    const result = await lint({ cwd: process.cwd(), paths: [SHIPPED_BANKS_DIR, SHIPPED_RUBRICS_DIR] });
    expect(result.problems).toEqual([]);
    expect(result.questions).toBe(registry.questions.length);
  });

  it.each(Object.entries(MINIMUM_QUESTIONS))('bank %s has at least %i questions', (bank, minimum) => {
    const found = registry.banks.find((b) => b.id === bank);
    expect(found, `bank ${bank} is missing`).toBeDefined();
    expect(found!.questions.length).toBeGreaterThanOrEqual(minimum);
  });

  it('every Leadership Principle is the main principle of at least 3 behavioral questions', () => {
    const behavioral = registry.questions.filter((q) => q.bank === 'behavioral');
    const short = LEADERSHIP_PRINCIPLES.map((p) => ({
      id: p.id,
      count: behavioral.filter((q) => q.principles[0] === p.id).length,
    })).filter((p) => p.count < 3);
    expect(short).toEqual([]);
  });

  it('behavioral questions span team (L5), multi-team (L6) and organisation (L7+) scope for every principle', () => {
    const behavioral = registry.questions.filter((q) => q.bank === 'behavioral');
    for (const p of LEADERSHIP_PRINCIPLES) {
      const levels = new Set(behavioral.filter((q) => q.principles[0] === p.id).flatMap((q) => q.levels));
      expect([...levels].sort(), p.id).toEqual(expect.arrayContaining(['L5', 'L6', 'L7']));
    }
  });

  it('every question refers to a rubric that exists', () => {
    const missing = registry.questions.filter((q) => !registry.rubrics.has(q.rubric)).map((q) => q.id);
    expect(missing).toEqual([]);
  });

  it('every question has levels, >= 2 follow-ups, >= 3 signals and >= 1 pitfall', () => {
    const thin = registry.questions
      .filter(
        (q) => q.levels.length < 1 || q.followUps.length < 2 || q.signals.length < 3 || q.pitfalls.length < 1,
      )
      .map((q) => q.id);
    expect(thin).toEqual([]);
  });

  it('time limits fit the question type: behavioral 3-5 minutes, design 20-45 minutes', () => {
    const misfits = registry.questions
      .filter((q) => {
        const appliesTo = registry.rubrics.get(q.rubric)?.appliesTo;
        const [min, max] = appliesTo === 'behavioral' ? [180, 300] : [1200, 2700];
        return q.timeLimitSeconds < min || q.timeLimitSeconds > max;
      })
      .map((q) => `${q.id}: ${q.timeLimitSeconds}s`);
    expect(misfits).toEqual([]);
  });

  it('behavioral questions name the principle they test', () => {
    const untagged = registry.questions
      .filter((q) => registry.rubrics.get(q.rubric)?.appliesTo === 'behavioral' && q.principles.length === 0)
      .map((q) => q.id);
    expect(untagged).toEqual([]);
  });
});

describe('shipped rubrics', () => {
  const required: Record<string, string[]> = {
    star: [
      'structure',
      'ownership',
      'specificity',
      'results',
      'reflection',
      'principle-alignment',
      'concision',
    ],
    'system-design': [
      'requirements',
      'scale-estimation',
      'architecture',
      'scalability',
      'latency',
      'reliability',
      'trade-offs',
      'evaluation',
      'monitoring',
      'communication',
    ],
  };

  it.each(Object.entries(required))('%s has the required criteria', (id, criteria) => {
    const rubric = registry.rubrics.get(id);
    expect(rubric).toBeDefined();
    expect(rubric!.criteria.map((c) => c.id)).toEqual(expect.arrayContaining(criteria));
  });

  it('weights sum to 1 and every criterion carries hints for the offline scorer', () => {
    for (const rubric of registry.rubrics.values()) {
      const sum = rubric.criteria.reduce((s, c) => s + c.weight, 0);
      expect(sum, rubric.id).toBeCloseTo(1, 9);
      for (const c of rubric.criteria) {
        expect(c.hints?.phrases.length, `${rubric.id}.${c.id} phrases`).toBeGreaterThan(0);
        expect(c.hints?.antiPatterns.length, `${rubric.id}.${c.id} anti-patterns`).toBeGreaterThan(0);
      }
    }
  });

  it('star describes the scope expected at L5 to L8', () => {
    expect(Object.keys(registry.rubrics.get('star')!.levelExpectations ?? {}).sort()).toEqual([
      'L5',
      'L6',
      'L7',
      'L8',
    ]);
  });
});
