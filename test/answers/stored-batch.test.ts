import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/answers-file.js';
import {
  answerRecords,
  storedBatch,
  storedBatchAttempts,
  storedBatchInputs,
} from '../../src/answers/score-answers.js';
import { loadRegistry } from '../../src/banks/registry.js';
import { UsageError } from '../../src/errors.js';
import { offlineScorer } from '../../src/scoring/offline/index.js';

const registry = await loadRegistry({ banks: [] }, process.cwd());
const focused = registry.questions.find((q) => q.focusCriteria?.length);
const plain = registry.questions.find((q) => q.bank === 'behavioral' && !q.focusCriteria?.length)!;

describe('a stored batch', () => {
  it('collects against what it was sent with, and completes the records written when it was sent', async () => {
    const ids = [plain, ...(focused ? [focused] : [])].map((q) => q.id);
    const answers = parseAnswers(
      ids.map((id, i) => `${id}: "Answer number ${i} with enough words to read."`).join('\n'),
      'a.yaml',
      registry,
    );
    const records = answerRecords(answers, 'drill', '2026-12-03', new Date('2026-12-03T10:00:00Z'));
    const batch = storedBatch(
      {
        id: 'msgbatch_1',
        model: 'claude-sonnet-4-5',
        estimatedCostUsd: 0.01,
        items: answers.map((_, index) => ({
          index,
          customId: `answer-${index}`,
          promptVersion: 'p1',
          rubricVersion: 'r1',
        })),
      },
      answers,
      { level: 'L6', records, save: true },
    );

    const inputs = storedBatchInputs(batch, registry);
    expect(inputs.map((i) => [i.question?.id, i.answer, i.level])).toEqual(
      answers.map((a) => [a.question.id, a.text, 'L6']),
    );
    if (focused) {
      // The focused question is collected on its focus criteria only, as it was judged when sent.
      expect(inputs[1]!.rubric.criteria.map((c) => c.id)).toEqual(
        registry.rubrics
          .get(focused.rubric)!
          .criteria.filter((c) => focused.focusCriteria!.includes(c.id))
          .map((c) => c.id),
      );
    }

    const results = await Promise.all(inputs.map((i) => offlineScorer.score(i)));
    const attempts = storedBatchAttempts(batch, results, registry);
    expect(attempts.map((a) => [a.id, a.at, a.date, a.source, a.answer])).toEqual(
      records.map((r) => [r.id, '2026-12-03T10:00:00.000Z', '2026-12-03', 'drill', r.answer]),
    );
  });

  it('cannot be collected once its question has gone from the banks', () => {
    const answers = parseAnswers(`${plain.id}: "Some answer."`, 'a.yaml', registry);
    const batch = storedBatch(
      {
        id: 'msgbatch_2',
        model: 'm',
        estimatedCostUsd: 0,
        items: [{ index: 0, customId: 'answer-0', promptVersion: 'p', rubricVersion: 'r' }],
      },
      answers,
      { level: undefined, records: answerRecords(answers, 'score', '2026-12-03'), save: false },
    );
    const gone = { ...registry, questions: registry.questions.filter((q) => q.id !== plain.id) };
    expect(() => storedBatchInputs(batch, gone)).toThrow(UsageError);
    expect(() => storedBatchInputs(batch, gone)).toThrow(`question "${plain.id}" is no longer available`);
  });
});
