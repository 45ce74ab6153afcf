import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRegistry } from '../../src/banks/registry.js';
import { type CalibrationSet, checkCalibration } from './calibration-check.js';

// Answers written blind to the scorer's code (test/scoring/calibration.yaml); the scorer must agree
// with the human ordering: strong > adequate > weak > a keyword list, for every question.
const set = parse(readFileSync(new URL('./calibration.yaml', import.meta.url), 'utf8')) as CalibrationSet;
const registry = await loadRegistry({ banks: [] }, process.cwd());

describe('offline scorer calibration', () => {
  it('covers at least 10 questions across behavioral and design rubrics', () => {
    const rubrics = new Set(set.questions.map((q) => registry.questions.find((x) => x.id === q.id)?.rubric));
    expect(set.questions.length).toBeGreaterThanOrEqual(10);
    expect([...rubrics]).toEqual(expect.arrayContaining(['star', 'system-design', 'ml-system-design']));
  });

  it('holds every ordering and guard', () => {
    const report = checkCalibration(set, registry);
    expect(report.failures).toEqual([]);
    expect(report.held).toBe(report.total);
  });
});
