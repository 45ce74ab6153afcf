import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { HistoryStore } from '../../src/history/store.js';
import { offlineScorer } from '../../src/scoring/offline/index.js';
import type { ScoreResult } from '../../src/scoring/result.js';
import { type SessionEvent, scoreOf } from '../../src/session/engine.js';
import { SessionJournal } from '../../src/session/journal.js';
import { planSession } from '../../src/session/plan.js';
import {
  type AnswerOutcome,
  type AnswerRequest,
  SessionRunner,
  type SessionView,
} from '../../src/session/runner.js';
import { useTempDir } from '../helpers/fs.js';

const registry = await loadRegistry({ banks: [] }, process.cwd());
const ANSWER = `In 2023 I led the move of our search index to a new cluster. I planned the cut-over, wrote the runbook
and ran it over two weekends. As a result query latency fell from 900 ms to 250 ms, and I learned to rehearse
every cut-over on a copy first; since then I always do.`;

/**
 * About 60 words answering bhv-deliver-recovered-from-setback: a full 1-minute typed answer, a thin
 * 4-minute one.
 */
const TIMED_ANSWER = `Halfway through our billing ledger migration the nightly totals went wrong. I personally stopped the
rollout, split the work into four batches behind a flag, compared totals with the old ledger every night,
and fixed two rounding bugs I found. We still delivered three weeks later with no lost invoices, and
month-end close went from five days to two.`;

/**
 * A view that answers from a script instead of a terminal and remembers what it was asked to show:
 * each scripted step gets the request and returns what the answer box would have.
 */
function scriptedView(script: Array<(request: AnswerRequest) => AnswerOutcome>, pause = true) {
  const asked: AnswerRequest[] = [];
  const shown: string[] = [];
  const scores: ScoreResult[] = [];
  const view: SessionView = {
    started: ({ journalId, questions }) => shown.push(`started ${journalId} ${questions.length}`),
    ask: async (request) => {
      asked.push(request);
      const next = script.shift();
      if (!next) throw new Error(`no scripted answer for question ${request.question} part ${request.part}`);
      return next(request);
    },
    confirmPause: async () => pause,
    paused: (journalId) => shown.push(`paused ${journalId}`),
    busy: async (task) => {
      shown.push(`busy ${task}`);
      return { stop: () => shown.push(`idle ${task}`) };
    },
    score: (result) => scores.push(result),
    finished: (_events, journalId) => shown.push(`finished ${journalId}`),
    answerLost: (text) => shown.push(`lost ${text}`),
  };
  return { view, asked, shown, scores };
}

const answer =
  (text: string): (() => AnswerOutcome) =>
  () => ({
    kind: 'answer',
    text,
    status: 'submitted',
    elapsedMs: 42_000,
  });

/** A new offline session of the given questions (by default two behavioral ones), journaled in `home`. */
function newSession(
  home: string,
  questions = planSession(
    registry.questions.filter((q) => q.bank === 'behavioral'),
    { count: 2, seed: 7, followUps: 1 },
  ),
): { journal: SessionJournal; start: SessionEvent } {
  const journal = SessionJournal.create(home, new Date('2026-12-01T09:00:00Z'));
  const start: SessionEvent = {
    type: 'start',
    version: 1,
    id: journal.id,
    startedAt: '2026-12-01T09:00:00.000Z',
    options: {
      seed: 7,
      overtime: false,
      scoreAtEnd: false,
      scorer: 'offline',
      source: 'practice',
      filters: {},
    },
    questions,
  };
  journal.append(start);
  return { journal, start };
}

describe('the session runner', () => {
  const home = useTempDir();

  it("judges an answer against the time the session gave it, not the bank question's default", async () => {
    // The same ~60-word answer under --time 60 and under the bank's own limit: a 1-minute typed
    // answer has room for about 40-60 words, a multi-minute one expects far more.
    const feedbackFor = async (timeSeconds: number | undefined) => {
      const dir = `${home()}/t${timeSeconds ?? 'bank'}`;
      const questions = planSession(
        registry.questions.filter((q) => q.id === 'bhv-deliver-recovered-from-setback'),
        { count: 1, seed: 7, followUps: 0, ...(timeSeconds ? { timeSeconds } : {}) },
      );
      const { journal, start } = newSession(dir, questions);
      const { view, scores } = scriptedView([answer(TIMED_ANSWER)]);
      await new SessionRunner(journal, [start], undefined, {
        registry,
        scorer: offlineScorer,
        view,
        history: new HistoryStore(dir),
      }).run();
      return {
        limit: questions[0]!.timeLimitSeconds,
        concision: scores[0]!.criteria.find((c) => c.id === 'concision'),
      };
    };
    const short = await feedbackFor(60);
    const bank = await feedbackFor(undefined);
    expect([short.limit, bank.limit]).toEqual([60, 240]);
    // The same words fit the minute the session gave, and are thin for the bank's four minutes.
    expect(short.concision).toMatchObject({ score: 4 });
    expect(short.concision?.feedback).toMatch(/^Fits a 1-minute typed answer/);
    expect(bank.concision).toMatchObject({ score: 2 });
    expect(bank.concision?.feedback).toMatch(/^Too thin for a 4-minute typed answer/);
  });

  it('asks every part, scores each question, journals and records it all, and ends completed', async () => {
    const { journal, start } = newSession(home());
    const { view, asked, shown, scores } = scriptedView([
      answer(ANSWER),
      answer('I would rehearse the cut-over first.'),
      answer('I skipped the rehearsal once.'),
      answer('Never again.'),
    ]);
    const history = new HistoryStore(home());
    const runner = new SessionRunner(journal, [start], undefined, {
      registry,
      scorer: offlineScorer,
      view,
      history,
    });
    const outcome = await runner.run();

    expect(outcome.status).toBe('completed');
    expect(asked.map((r) => [r.question, r.part, r.total])).toEqual([
      [0, 0, 2],
      [0, 1, 2],
      [1, 0, 2],
      [1, 1, 2],
    ]);
    expect(asked[1]!.followUps).toHaveLength(1);
    // The journal on disk holds what the outcome says, and ends with the end event.
    const { events } = journal.read();
    expect(events).toEqual(outcome.events.concat(events.slice(-1)));
    expect(events.at(-1)?.type).toBe('end');
    expect(events.filter((e) => e.type === 'answer').map((e) => e.type === 'answer' && e.text)).toEqual([
      ANSWER,
      'I would rehearse the cut-over first.',
      'I skipped the rehearsal once.',
      'Never again.',
    ]);
    // Every score was shown, and history holds each question once, scored, under the session's id.
    expect(scores).toEqual([scoreOf(events, 0), scoreOf(events, 1)]);
    expect(shown.filter((s) => s === 'busy scoring')).toHaveLength(2);
    expect(shown.at(-1)).toBe(`finished ${journal.id}`);
    const { attempts } = history.read();
    expect(attempts.map((a) => [a.id, a.source, a.answer, a.overall])).toEqual([
      [`${journal.id}-0`, 'practice', ANSWER, scoreOf(events, 0)!.overall],
      [`${journal.id}-1`, 'practice', 'I skipped the rehearsal once.', scoreOf(events, 1)!.overall],
    ]);
  });

  it('pauses at a Ctrl-C with the text on screen saved, and a resumed runner starts from that draft', async () => {
    const { journal, start } = newSession(home());
    const first = scriptedView([
      (request) => {
        request.onChange('Half an answer', 5_000);
        return { kind: 'cancelled' };
      },
    ]);
    const history = new HistoryStore(home());
    const deps = { registry, scorer: offlineScorer, history };
    const paused = await new SessionRunner(journal, [start], undefined, { ...deps, view: first.view }).run();

    expect(paused.status).toBe('paused');
    expect(first.shown.at(-1)).toBe(`paused ${journal.id}`);
    const { events, draft } = journal.read();
    expect(draft).toMatchObject({ question: 0, part: 0, text: 'Half an answer', elapsedMs: 5_000 });
    expect(events.some((e) => e.type === 'end')).toBe(false);

    const second = scriptedView([
      answer(ANSWER),
      answer('Rehearse.'),
      answer('Once.'),
      answer('Never again.'),
    ]);
    const resumed = await new SessionRunner(journal, events, draft, { ...deps, view: second.view }).run();
    expect(resumed.status).toBe('completed');
    expect(second.asked[0]).toMatchObject({
      question: 0,
      part: 0,
      initialText: 'Half an answer',
      initialElapsedMs: 5_000,
    });
    expect(journal.read().draft).toBeUndefined();
  });

  it('saves the text on screen when asked to from outside (as a signal handler does)', async () => {
    const { journal, start } = newSession(home());
    let runner: SessionRunner | undefined;
    const { view } = scriptedView([
      (request) => {
        request.onChange('Typed before the signal', 9_000);
        runner!.saveOnScreen();
        return { kind: 'cancelled' };
      },
    ]);
    runner = new SessionRunner(journal, [start], undefined, {
      registry,
      scorer: offlineScorer,
      view,
      history: new HistoryStore(home()),
    });
    await runner.run();
    expect(journal.read().draft).toMatchObject({ text: 'Typed before the signal', elapsedMs: 9_000 });
  });
});
