import { describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../src/banks/registry.js';
import type { FollowUp } from '../../src/schema/index.js';
import { type Draft, nextStep, type SessionEvent, summarize } from '../../src/session/engine.js';
import { followUpChain, followUpSeconds, planSession } from '../../src/session/plan.js';
import { seededRandom } from '../../src/session/random.js';
import { formatClock, timerState } from '../../src/session/timer.js';

const bank: BankQuestion[] = Array.from({ length: 10 }, (_, i) => ({
  id: `q-${i}`,
  bank: 'test',
  category: 'testing',
  prompt: `Question number ${i}?`,
  levels: ['L6'],
  principles: ['ownership'],
  rubric: 'star',
  timeLimitSeconds: 240,
  followUps: [
    { prompt: `Follow-up A of ${i}` },
    { prompt: `Follow-up B of ${i}` },
    { prompt: `Follow-up C of ${i}` },
    { prompt: `Follow-up D of ${i}` },
  ],
  signals: ['a', 'b', 'c'],
  pitfalls: ['x'],
}));

function started(
  overrides: Partial<Extract<SessionEvent, { type: 'start' }>['options']> = {},
  count = 2,
): SessionEvent[] {
  const questions = planSession(bank, { count, seed: 42, followUps: 3 });
  return [
    {
      type: 'start',
      version: 1,
      id: 's1',
      startedAt: '2026-11-22T10:00:00.000Z',
      options: { seed: 42, overtime: false, scoreAtEnd: false, scorer: 'offline', filters: {}, ...overrides },
      questions,
    },
  ];
}

const answer = (
  question: number,
  part: number,
  status: 'submitted' | 'skipped' | 'timeout' = 'submitted',
): SessionEvent => ({
  type: 'answer',
  question,
  part,
  text: `answer ${question}.${part}`,
  status,
  elapsedMs: 1000,
  limitSeconds: 60,
  at: '2026-11-22T10:01:00.000Z',
});
const score = (question: number): SessionEvent => ({
  type: 'score',
  question,
  at: '2026-11-22T10:02:00.000Z',
  result: {
    questionId: `q`,
    rubric: 'star',
    scorer: 'offline',
    model: null,
    promptVersion: 'offline-1',
    rubricVersion: 'test',
    level: null,
    overall: 60,
    verdict: 'hire',
    criteria: [],
    suggestions: [],
    warnings: [],
  },
});

describe('planSession', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = planSession(bank, { count: 3, seed: 7, followUps: 3 });
    expect(planSession([...bank].reverse(), { count: 3, seed: 7, followUps: 3 })).toEqual(a);
    const others = [1, 2, 3, 4, 5].map((seed) =>
      planSession(bank, { count: 3, seed, followUps: 3 })
        .map((q) => q.id)
        .join(),
    );
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('asks a chain of follow-ups as long as asked for, each with a shorter timer, or none with --no-followups', () => {
    for (const q of planSession(bank, { count: 10, seed: 3, followUps: 3 })) {
      expect(q.followUps).toHaveLength(3);
      expect(new Set(q.followUps.map((f) => f.prompt)).size).toBe(3);
      for (const f of q.followUps) expect(f.timeLimitSeconds).toBe(60);
    }
    // Never more than the question has.
    expect(planSession(bank, { count: 1, seed: 3, followUps: 9 })[0]!.followUps).toHaveLength(4);
    expect(
      planSession(bank, { count: 3, seed: 3, followUps: 0 }).every((q) => q.followUps.length === 0),
    ).toBe(true);
    expect(followUpSeconds(2400)).toBe(600);
    expect(followUpSeconds(60)).toBe(60);
  });

  it('applies --time to every question', () => {
    expect(
      planSession(bank, { count: 2, seed: 1, followUps: 0, timeSeconds: 90 }).map((q) => q.timeLimitSeconds),
    ).toEqual([90, 90]);
  });
});

describe('followUpChain', () => {
  const star: FollowUp[] = [
    { kind: 'reflection', prompt: 'What would you do differently?' },
    { kind: 'data', prompt: 'How did you know it worked?' },
    { kind: 'data', prompt: 'What was the number before?' },
    { kind: 'second-example', prompt: 'Give me another example.' },
    { kind: 'challenge', prompt: 'What if your manager had said no?' },
    { kind: 'role', prompt: 'What did you decide yourself?' },
  ];
  const kinds = (chain: FollowUp[]) => chain.map((f) => f.kind);
  const chain = (followUps: FollowUp[], length: number, seed: number) =>
    followUpChain(followUps, length, seededRandom(seed));

  it("asks the candidate's own part first and ends on a reflection or another example", () => {
    for (let seed = 0; seed < 20; seed++) {
      const three = kinds(chain(star, 3, seed));
      expect(three[0]).toBe('role');
      expect(three[1]).toBe('data');
      expect(['reflection', 'second-example']).toContain(three[2]);
    }
  });

  it('keeps the closing probe the question has, even when it has only one of the two', () => {
    const onlyExample = star.filter((f) => f.kind !== 'reflection');
    for (let seed = 0; seed < 10; seed++)
      expect(kinds(chain(onlyExample, 3, seed))).toEqual(['role', 'data', 'second-example']);
  });

  it('spreads kinds before repeating one, in interview order', () => {
    expect(kinds(chain(star, 5, 1))).toEqual(['role', 'data', 'challenge', 'reflection', 'second-example']);
    const all = kinds(chain(star, 6, 1));
    expect(all).toEqual(['role', 'data', 'data', 'challenge', 'reflection', 'second-example']);
  });

  it('digs into the weakest part of a design before the alternative', () => {
    const design: FollowUp[] = [
      { kind: 'trade-off', prompt: 'Why not a queue?' },
      { kind: 'deep-dive', prompt: 'What happens when the shard is hot?' },
      { kind: 'deep-dive', prompt: 'How do you rebuild the index?' },
    ];
    for (let seed = 0; seed < 10; seed++)
      expect(kinds(chain(design, 2, seed))).toEqual(['deep-dive', 'trade-off']);
  });

  it('is reproducible for a seed, and the seed varies the closing probe and plain picks', () => {
    expect(chain(star, 3, 5)).toEqual(chain(star, 3, 5));
    const closings = new Set(Array.from({ length: 20 }, (_, seed) => chain(star, 3, seed)[2]!.kind));
    expect([...closings].sort()).toEqual(['reflection', 'second-example']);
    const plain: FollowUp[] = ['A?', 'B?', 'C?', 'D?'].map((prompt) => ({ prompt }));
    const picks = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        chain(plain, 2, seed)
          .map((f) => f.prompt)
          .join(),
      ),
    );
    expect(picks.size).toBeGreaterThan(1);
  });

  it('asks nothing for a chain of zero, and keeps plain follow-ups after the kinded ones it picks', () => {
    expect(chain(star, 0, 1)).toEqual([]);
    const mixed: FollowUp[] = [
      { prompt: 'Plain?' },
      { kind: 'reflection', prompt: 'Learned?' },
      { kind: 'role', prompt: 'You?' },
    ];
    expect(chain(mixed, 3, 2).map((f) => f.prompt)).toEqual(['You?', 'Plain?', 'Learned?']);
  });
});

describe('nextStep', () => {
  it('walks main answer, follow-ups, score, then the next question', () => {
    const events = started();
    const { questions } = events[0] as Extract<SessionEvent, { type: 'start' }>;
    const steps: string[] = [];
    for (let guard = 0; guard < 20; guard++) {
      const step = nextStep(events);
      if (step.kind === 'done') break;
      steps.push(step.kind === 'answer' ? `answer ${step.question}.${step.part}` : `score ${step.question}`);
      events.push(step.kind === 'answer' ? answer(step.question, step.part) : score(step.question));
    }
    const expected = questions.flatMap((q, i) => [
      `answer ${i}.0`,
      ...q.followUps.map((_, f) => `answer ${i}.${f + 1}`),
      `score ${i}`,
    ]);
    expect(steps).toEqual(expected);
  });

  it('resumes the step that has a draft, with its text and the time already used', () => {
    const events = [...started(), answer(0, 0)];
    const draft: Draft = { question: 0, part: 1, text: 'half an answer', elapsedMs: 12_345, savedAt: '' };
    expect(nextStep(events, draft)).toMatchObject({
      kind: 'answer',
      question: 0,
      part: 1,
      draft: 'half an answer',
      elapsedMs: 12_345,
    });
    // A draft for another step is not applied.
    expect(nextStep(events, { ...draft, part: 2 })).toMatchObject({ part: 1, draft: '', elapsedMs: 0 });
  });

  it('skips follow-ups and scoring of a skipped question', () => {
    const events = [...started(), answer(0, 0, 'skipped')];
    expect(nextStep(events)).toMatchObject({ kind: 'answer', question: 1, part: 0 });
  });

  it('scores everything at the end with --score-at-end', () => {
    const events = started({ scoreAtEnd: true }, 1);
    const { questions } = events[0] as Extract<SessionEvent, { type: 'start' }>;
    events.push(answer(0, 0), ...questions[0]!.followUps.map((_, f) => answer(0, f + 1)));
    expect(nextStep(events)).toEqual({ kind: 'score', question: 0 });
    events.push(score(0));
    expect(nextStep(events)).toEqual({ kind: 'done' });
  });

  it('with the LLM scorer, scores the main answer first, then chooses follow-ups from it', () => {
    const events = started({ scorer: 'anthropic' }, 1);
    events.push(answer(0, 0));
    expect(nextStep(events)).toEqual({ kind: 'score', question: 0 });
    events.push(score(0));
    expect(nextStep(events)).toEqual({ kind: 'follow-ups', question: 0 });
    events.push({
      type: 'followups',
      question: 0,
      followUps: [{ prompt: 'Generated probe?', timeLimitSeconds: 60 }],
      source: 'generated',
      at: '',
    });
    expect(nextStep(events)).toMatchObject({
      kind: 'answer',
      question: 0,
      part: 1,
      prompt: 'Generated probe?',
    });
    events.push(answer(0, 1));
    expect(nextStep(events)).toEqual({ kind: 'done' });
  });

  it('summarises status and average', () => {
    const events = [...started({}, 1), answer(0, 0), score(0)];
    expect(summarize(events)).toMatchObject({
      status: 'interrupted',
      questions: 1,
      answered: 1,
      averageOverall: 60,
    });
    expect(summarize([...events, { type: 'end', at: '' }]).status).toBe('complete');
  });
});

describe('timer', () => {
  it('is low at a quarter of the time left and expired at zero, over any clock', () => {
    expect(timerState(100, 0)).toEqual({ remainingMs: 100_000, low: false, expired: false });
    expect(timerState(100, 74_999).low).toBe(false);
    expect(timerState(100, 75_000).low).toBe(true);
    expect(timerState(100, 100_000).expired).toBe(true);
  });

  it('formats the countdown and the overtime', () => {
    expect(formatClock(185_000)).toBe('3:05');
    expect(formatClock(400)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-42_500)).toBe('+0:42');
  });
});

describe('session summary', () => {
  it('shows time against the limit, the verdicts, and the LLM cost when a scorer reported usage', async () => {
    const { Chalk } = await import('chalk');
    const { sessionSummaryTable } = await import('../../src/ui/session-summary.js');
    const events = started({}, 1);
    events.push(answer(0, 0));
    const scored = score(0);
    if (scored.type === 'score') {
      scored.result.usage = {
        inputTokens: 1000,
        outputTokens: 200,
        cacheReadTokens: 3000,
        cacheWriteTokens: 0,
        costUsd: 0.0047,
      };
    }
    events.push(scored);
    const text = sessionSummaryTable(events, new Chalk({ level: 0 }), 100);
    expect(text).toMatch(/0:01 \/ 4:00\s+60\s+hire/);
    expect(text).toContain('LLM scoring: 4200 tokens, about $0.0047');

    // Generated follow-ups cost tokens too, and the summary says so.
    events.push({
      type: 'followups',
      question: 0,
      followUps: [{ prompt: 'And then?', timeLimitSeconds: 60 }],
      source: 'generated',
      usage: { inputTokens: 500, outputTokens: 100, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.002 },
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(sessionSummaryTable(events, new Chalk({ level: 0 }), 100)).toContain(
      'LLM scoring and follow-ups: 4800 tokens, about $0.0067',
    );
  });
});
