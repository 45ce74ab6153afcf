import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../src/banks/registry.js';
import type { LoopPlan } from '../../src/loop/plan.js';
import { nextStep, type SessionEvent, summarize } from '../../src/session/engine.js';
import { SessionJournal } from '../../src/session/journal.js';
import {
  loopOutcomes,
  loopSessionQuestions,
  roundPosition,
  roundProbes,
  withCheckedLoopPlan,
} from '../../src/session/loop.js';
import { seededRandom } from '../../src/session/random.js';
import { transcriptMarkdown } from '../../src/session/transcript.js';
import { startLine, writeJournal } from '../helpers/journal.js';

const behavioral = (id: string, principle: string, kinds: string[]): BankQuestion => ({
  id,
  bank: 'behavioral',
  category: 'ownership',
  prompt: `Tell me about ${id}.`,
  levels: ['L6'],
  principles: [principle],
  rubric: 'star',
  timeLimitSeconds: 300,
  followUps: kinds.map((kind, i) => ({ kind: kind as never, prompt: `${id} ${kind} probe ${i}` })),
  signals: ['s'],
  pitfalls: ['p'],
});

const design = (id: string): BankQuestion => ({
  ...behavioral(id, 'dive-deep', ['deep-dive', 'deep-dive', 'deep-dive', 'trade-off', 'trade-off']),
  bank: 'system-design',
  category: 'distributed-systems',
  rubric: 'system-design',
});

const bank = [
  behavioral('q-own', 'ownership', ['role', 'data', 'challenge', 'reflection', 'role']),
  behavioral('q-dd', 'dive-deep', ['data', 'reflection', 'challenge']),
  behavioral('q-br', 'earn-trust', ['role', 'data', 'challenge', 'second-example', 'reflection']),
  behavioral('q-br2', 'bias-for-action', ['role', 'data', 'challenge']),
  design('q-sd'),
];

const plan: LoopPlan = {
  level: 'L6',
  seed: 7,
  job: null,
  rounds: [
    {
      id: 'r1',
      kind: 'behavioral',
      interviewer: 'Hiring manager',
      principles: ['ownership', 'dive-deep'],
      questions: ['q-own', 'q-dd'],
      minutes: 20,
    },
    {
      id: 'r2',
      kind: 'system-design',
      interviewer: 'Peer engineer',
      principles: [],
      questions: ['q-sd'],
      minutes: 30,
    },
    {
      id: 'r3',
      kind: 'bar-raiser',
      interviewer: 'Bar raiser',
      principles: ['earn-trust', 'bias-for-action'],
      questions: ['q-br', 'q-br2'],
      minutes: 20,
    },
  ],
};

describe('roundProbes', () => {
  const kinds = (q: BankQuestion, kind: Parameters<typeof roundProbes>[1], seed = 1) =>
    roundProbes(q, kind, seededRandom(seed)).map((f) => f.kind);

  it('asks a behavioral story for the own part, the evidence and the lesson, in that order', () => {
    for (const seed of [1, 2, 3])
      expect(kinds(bank[0]!, 'behavioral', seed)).toEqual(['role', 'data', 'reflection']);
  });

  it('replaces a kind the question lacks by another of its probes, keeping the chain whole', () => {
    // q-dd has no role probe: its push-back takes the place, asked in interview order after the evidence.
    expect(kinds(bank[1]!, 'behavioral')).toEqual(['data', 'challenge', 'reflection']);
    // A substitute is a kind the chain does not ask yet: here the push-back, not a second data probe.
    const noLesson = behavioral('q-nl', 'ownership', ['role', 'data', 'data', 'data', 'challenge']);
    for (const seed of [1, 2, 3, 4])
      expect(kinds(noLesson, 'behavioral', seed)).toEqual(['role', 'data', 'challenge']);
  });

  it('has the bar raiser push back and end on a second example, written when the bank has none', () => {
    expect(kinds(bank[2]!, 'bar-raiser')).toEqual(['role', 'data', 'challenge', 'second-example']);
    const written = roundProbes(bank[3]!, 'bar-raiser', seededRandom(1));
    expect(written.map((f) => f.kind)).toEqual(['role', 'data', 'challenge', 'second-example']);
    expect(written.at(-1)!.prompt).toBe(
      'Give me a second example, from a different situation, where you showed Bias for Action.',
    );
  });

  it('pushes a design twice on its weakest part, then asks for the alternative', () => {
    expect(kinds(bank[4]!, 'system-design')).toEqual(['deep-dive', 'deep-dive', 'trade-off']);
  });
});

describe('loopSessionQuestions', () => {
  it('flattens the rounds in order, each question knowing its round, with timers from the round budget', () => {
    const { questions, missing } = loopSessionQuestions(plan, bank);
    expect(missing).toEqual([]);
    expect(questions.map((q) => [q.id, q.round])).toEqual([
      ['q-own', 'r1'],
      ['q-dd', 'r1'],
      ['q-sd', 'r2'],
      ['q-br', 'r3'],
      ['q-br2', 'r3'],
    ]);
    // Round 1: 20 minutes of main answers for two questions; each probe a quarter of its main time.
    expect(questions[0]!.timeLimitSeconds).toBe(600);
    expect(questions[0]!.followUps.map((f) => f.timeLimitSeconds)).toEqual([150, 150, 150]);
    // Round 2: one design question owns the 30 minutes.
    expect(questions[2]!.timeLimitSeconds).toBe(1800);
  });

  it('is the same for the same plan, and names questions no longer in the banks', () => {
    expect(loopSessionQuestions(plan, bank)).toEqual(loopSessionQuestions(plan, bank));
    const { questions, missing } = loopSessionQuestions(plan, bank.slice(1));
    expect(missing).toEqual(['q-own']);
    expect(questions).toHaveLength(4);
  });
});

/** A loop journal written as literal events: two rounds, one question each, one probe each. */
function loopJournal(): SessionEvent[] {
  const round = (id: string, kind: 'behavioral' | 'bar-raiser', principle: string) => ({
    id,
    kind,
    interviewer: kind === 'bar-raiser' ? 'Bar raiser' : 'Hiring manager',
    principles: [principle],
    questions: [`q-${id}`],
    minutes: 2,
  });
  return [
    {
      type: 'start',
      version: 1,
      id: 'loop-1',
      startedAt: '2026-12-03T09:00:00.000Z',
      options: {
        seed: 5,
        overtime: false,
        scoreAtEnd: false,
        scorer: 'offline',
        source: 'loop',
        filters: {},
      },
      loop: {
        level: 'L6',
        seed: 5,
        job: null,
        rounds: [round('r1', 'behavioral', 'ownership'), round('r2', 'bar-raiser', 'earn-trust')],
      },
      questions: ['r1', 'r2'].map((r) => ({
        id: `q-${r}`,
        bank: 'behavioral',
        category: 'ownership',
        prompt: `Question of ${r}`,
        principles: [],
        rubric: 'star',
        timeLimitSeconds: 96,
        followUps: [{ prompt: `Probe of ${r}`, timeLimitSeconds: 24, kind: 'role' }],
        round: r,
      })),
    },
    {
      type: 'answer',
      question: 0,
      part: 0,
      text: 'main answer of r1',
      status: 'submitted',
      elapsedMs: 50_000,
      limitSeconds: 96,
      at: '2026-12-03T09:01:00.000Z',
    },
    {
      type: 'answer',
      question: 0,
      part: 1,
      text: 'probe answer of r1',
      status: 'submitted',
      elapsedMs: 9_000,
      limitSeconds: 24,
      at: '2026-12-03T09:01:10.000Z',
    },
  ];
}

describe('a loop journal', () => {
  it('places each question in its round', () => {
    const events = loopJournal();
    expect(roundPosition(events, 0)).toMatchObject({ number: 1, of: 2, question: 1, round: { id: 'r1' } });
    expect(roundPosition(events, 1)).toMatchObject({
      number: 2,
      of: 2,
      question: 1,
      round: { id: 'r2', interviewer: 'Bar raiser' },
    });
  });

  it('scores round 1 before round 2 opens, then resumes round 2 with its draft and the time it had used', () => {
    const events = loopJournal();
    expect(nextStep(events)).toEqual({ kind: 'score', question: 0 });
    events.push({
      type: 'score',
      question: 0,
      at: '2026-12-03T09:01:11.000Z',
      result: {
        questionId: 'q-r1',
        rubric: 'star',
        scorer: 'offline',
        model: null,
        promptVersion: 'offline-1',
        rubricVersion: 'x',
        level: 'L6',
        overall: 55,
        verdict: 'hire',
        criteria: [],
        suggestions: [],
        warnings: [],
      },
    });
    const draft = {
      question: 1,
      part: 0,
      text: 'half a story',
      elapsedMs: 40_000,
      savedAt: '2026-12-03T09:02:00.000Z',
    };
    expect(nextStep(events, draft)).toEqual({
      kind: 'answer',
      question: 1,
      part: 0,
      prompt: 'Question of r2',
      limitSeconds: 96,
      draft: 'half a story',
      elapsedMs: 40_000,
    });
  });

  it('gives the debrief each round with its answers in asking order, and no score where none was given', () => {
    const events = loopJournal();
    // A skipped question says nothing: no answer to quote.
    events.push({
      type: 'answer',
      question: 1,
      part: 0,
      text: '',
      status: 'skipped',
      elapsedMs: 2_000,
      limitSeconds: 96,
      at: '2026-12-03T09:02:00.000Z',
    });
    const outcomes = loopOutcomes(events);
    expect(outcomes.map((o) => o.roundId)).toEqual(['r1', 'r2']);
    expect(outcomes[0]!.questions).toEqual([
      {
        questionId: 'q-r1',
        answers: [
          { prompt: 'Question of r1', text: 'main answer of r1' },
          { prompt: 'Probe of r1', kind: 'role', text: 'probe answer of r1' },
        ],
        score: null,
      },
    ]);
    expect(outcomes[1]!.questions).toEqual([{ questionId: 'q-r2', answers: [], score: null }]);
  });

  it('is listed as a loop by coach sessions; an older journal without a source as practice', () => {
    expect(summarize(loopJournal())).toMatchObject({ kind: 'loop', questions: 2, answered: 1 });
    expect(summarize([JSON.parse(startLine('old')) as SessionEvent]).kind).toBe('practice');
  });

  it('titles its transcript as a loop and says which round and interviewer asked each question', () => {
    const markdown = transcriptMarkdown(loopJournal());
    expect(markdown).toMatch(/^# Interview loop loop-1\n/);
    expect(markdown).toContain('*Round 1, Hiring manager · behavioral / ownership*');
    expect(markdown).toContain('*Round 2, Bar raiser · behavioral / ownership*');
  });

  it('runs a journal whose plan was damaged by hand as a plain session: no rounds, no debrief input', async () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-loop-journal-'));
    try {
      const events = loopJournal();
      const start = events[0] as Extract<SessionEvent, { type: 'start' }>;
      start.loop!.rounds[1]!.principles = ['ownership'];
      writeJournal(home, 'loop-1', `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
      const read = SessionJournal.open(home, 'loop-1')!.read();
      expect(read.problem).toBeUndefined();
      const checked = await withCheckedLoopPlan(read.events);
      expect(checked).toHaveLength(events.length);
      expect(roundPosition(checked, 0)).toBeUndefined();
      expect(loopOutcomes(checked)).toEqual([]);
      expect(nextStep(checked)).toEqual({ kind: 'score', question: 0 });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('keeps a whole plan read back from a journal, rounds and all', async () => {
    const events = loopJournal();
    const checked = await withCheckedLoopPlan(events);
    expect(checked).toEqual(events);
    expect(roundPosition(checked, 1)).toMatchObject({ number: 2, of: 2, question: 1 });
  });

  it('leaves a practice journal (no rounds, an older version) as it was: no round, same next step', () => {
    const events = [JSON.parse(startLine('old')) as SessionEvent];
    expect(roundPosition(events, 0)).toBeUndefined();
    expect(nextStep(events)).toMatchObject({ kind: 'answer', question: 0, part: 0, draft: '' });
  });
});
