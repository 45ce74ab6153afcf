import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { ScoreResult } from '../../src/scoring/result.js';
import { renderScore } from '../../src/ui/score-report.js';

const criterion = (id: string, name: string, score: number) => ({
  id,
  name,
  score,
  max: 4,
  evidence: [],
  feedback: 'ok',
});

const result: ScoreResult = {
  questionId: null,
  rubric: 'mine',
  scorer: 'offline',
  model: null,
  promptVersion: 'offline-1',
  rubricVersion: 'abc',
  level: null,
  overall: 50,
  verdict: 'hire',
  criteria: [criterion('a', '設計の質問', 3), criterion('b', 'Ownership', 2), criterion('c', '🙂 tone', 4)],
  suggestions: [],
  warnings: [],
};

describe('the score report', () => {
  it('lines up the bars after criterion names of wide characters', () => {
    const lines = renderScore(result, new Chalk({ level: 0 }), 88).split('\n');
    const barColumns = ['設計の質問', 'Ownership', '🙂 tone'].map((name) => {
      const line = lines.find((l) => l.startsWith(name))!;
      return stringWidth(line.slice(0, line.search(/[█░]/)));
    });
    expect(new Set(barColumns).size).toBe(1);
  });
});
