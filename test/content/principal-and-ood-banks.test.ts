import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { banksCommand } from '../../src/commands/browse.js';
import { TENET_IDS } from '../../src/schema/tenets.js';
import { captureContext, parseJson } from '../helpers/command-context.js';

// The two banks issue 14 adds for principal loops: what they must cover, as the lead agreed it.
const registry = await loadRegistry({ banks: [] }, process.cwd());
const bank = (id: string) => registry.questions.filter((q) => q.bank === id);
const kinds = (q: (typeof registry.questions)[number]) => q.followUps.map((f) => f.kind);

describe('the principal-engineering bank', () => {
  const questions = bank('principal-engineering');

  it('has at least 16 questions, all asked at L7 or L8 only', () => {
    expect(questions.length).toBeGreaterThanOrEqual(16);
    const outside = questions.filter((q) => q.levels.some((l) => l !== 'L7' && l !== 'L8')).map((q) => q.id);
    expect(outside).toEqual([]);
  });

  it('asks every principal tenet at least once, and tags at least one tenet on every question', () => {
    const asked = new Set(questions.flatMap((q) => q.tenets ?? []));
    expect(TENET_IDS.filter((t) => !asked.has(t))).toEqual([]);
    expect(questions.filter((q) => !q.tenets?.length).map((q) => q.id)).toEqual([]);
  });

  it('behavioral questions tag Leadership Principles and carry a role probe and a reflection or second example', () => {
    const star = questions.filter((q) => q.rubric === 'star');
    expect(star.length).toBeGreaterThanOrEqual(12);
    for (const q of star) {
      expect(q.principles.length, q.id).toBeGreaterThan(0);
      expect(q.followUps.length, q.id).toBeGreaterThanOrEqual(3);
      expect(kinds(q), q.id).toContain('role');
      expect(
        kinds(q).some((k) => k === 'reflection' || k === 'second-example'),
        q.id,
      ).toBe(true);
    }
  });

  it('includes a focused deep dive into a system the candidate built, and strategy rounds', () => {
    const deepDives = questions.filter((q) => q.rubric === 'system-design');
    expect(deepDives.length).toBeGreaterThanOrEqual(1);
    for (const q of deepDives) {
      expect(q.timeLimitSeconds, q.id).toBeGreaterThanOrEqual(1200);
      expect(q.timeLimitSeconds, q.id).toBeLessThanOrEqual(1500);
      expect(kinds(q).filter((k) => k === 'deep-dive').length, q.id).toBeGreaterThanOrEqual(2);
    }
    expect(questions.filter((q) => q.rubric === 'technical-strategy').length).toBeGreaterThanOrEqual(2);
  });
});

describe('the object-oriented-design bank', () => {
  const questions = bank('object-oriented-design');

  it('has at least 14 design-and-talk-through questions at L5-L7, judged by the OOD rubric', () => {
    expect(questions.length).toBeGreaterThanOrEqual(14);
    for (const q of questions) {
      expect(q.rubric, q.id).toBe('object-oriented-design');
      expect(
        q.levels.every((l) => l === 'L5' || l === 'L6' || l === 'L7'),
        q.id,
      ).toBe(true);
      expect(q.timeLimitSeconds, q.id).toBeGreaterThanOrEqual(1800);
      expect(q.timeLimitSeconds, q.id).toBeLessThanOrEqual(2700);
    }
  });

  it('pushes on the weakest part of each design with deep-dive and trade-off probes', () => {
    for (const q of questions) {
      expect(kinds(q), q.id).toContain('deep-dive');
      expect(kinds(q), q.id).toContain('trade-off');
      expect(q.signals.length, q.id).toBeGreaterThanOrEqual(4);
      expect(q.pitfalls.length, q.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('includes a parking or booking system for L5', () => {
    expect(questions.some((q) => /parking|booking/i.test(q.prompt) && q.levels.includes('L5'))).toBe(true);
  });
});

describe('coach banks', () => {
  it('lists both banks and ends by saying live coding is out of scope and object-oriented design is in', async () => {
    const json = captureContext();
    await banksCommand({ json: true }, json);
    const ids = parseJson<{ id: string }[]>(json.out()).map((b) => b.id);
    expect(ids).toEqual(expect.arrayContaining(['principal-engineering', 'object-oriented-design']));

    const text = captureContext();
    await banksCommand({}, text);
    const footer = text.out().split(/\d+ questions in \d+ banks\n/)[1] ?? '';
    expect(footer.replace(/\s+/g, ' ')).toMatch(/object-oriented design.*Not covered: live coding rounds/);
  });
});
