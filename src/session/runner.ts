import type { Registry } from '../banks/registry.js';
import { UsageError } from '../errors.js';
import { IoError } from '../fsx/io-error.js';
import { attemptFrom, localDate, unscoredAttempt } from '../history/attempt.js';
import { type HistoryStore, recordUnscoredFirst } from '../history/store.js';
import type { Level } from '../schema/index.js';
import type { ScoreResult } from '../scoring/result.js';
import type { Scorer } from '../scoring/scorer.js';
import {
  type AnswerStatus,
  answerOf,
  type Draft,
  followUpsOf,
  nextStep,
  type SessionEvent,
  scoreOf,
  startEvent,
} from './engine.js';
import type { SessionJournal } from './journal.js';
import type { PlannedFollowUp, PlannedQuestion } from './plan.js';

/**
 * Drives one journaled session from its events to the end: asks for each answer, scores it, chooses
 * follow-ups, records every attempt in history. It owns the order of things and what is written where;
 * everything the candidate sees or types goes through the injected `SessionView`, so this module does
 * no terminal I/O and never exits the process (the command owns signals and exit codes).
 *
 * The contract, for practice, drill, resume and a multi-round loop alike:
 * - the journal already holds the start event (`events[0]`); a resumed session passes every event read
 *   back and the draft that was being typed;
 * - `run()` resolves `completed` once the end event is journaled, or `paused` when the candidate chose
 *   to stop at a Ctrl-C (the draft is saved; `coach resume <journalId>` continues), and returns the
 *   events so a caller can read the scores (`scoreOf`) without re-reading the journal;
 * - it rejects with the error of a failed journal or history write (an IoError), after handing an
 *   answer that exists only in memory to `view.answerLost`;
 * - `saveOnScreen()` may be called at any moment (a signal handler does) to save the text on screen.
 */

/** One answer to collect: everything a view needs to show the question and run the answer box. */
export interface AnswerRequest {
  question: number;
  /** 0 for the main answer, 1.. for follow-ups. */
  part: number;
  /** How many questions the session has. */
  total: number;
  planned: PlannedQuestion;
  /** The follow-ups this question has now (generated or planned), for "Follow-up 1 of 2". */
  followUps: readonly PlannedFollowUp[];
  prompt: string;
  limitSeconds: number;
  overtime: boolean;
  /** A resumed draft: its text and the time already spent on it. */
  initialText: string;
  initialElapsedMs: number;
  /** To be called with the text so far at every draft point; it journals the draft (and may throw). */
  onDraft(text: string, elapsedMs: number): void;
  /** To be called on every key with the text on screen (kept in memory for saveOnScreen). */
  onChange(text: string, elapsedMs: number): void;
  /** Aborted when a draft cannot be written: the view ends the answer box at once. */
  signal: AbortSignal;
}

/** What the answer box ended with: an answer, or the candidate pressing Ctrl-C. */
export type AnswerOutcome =
  | { kind: 'answer'; text: string; status: AnswerStatus; elapsedMs: number }
  | { kind: 'cancelled' };

/** A busy indicator (a spinner) while a scorer works; `stop` is called in every case. */
export interface BusyIndicator {
  stop(): void;
}

/** Everything the candidate sees and types: the terminal in `coach practice`, a script in tests. */
export interface SessionView {
  /** Before the first question. */
  started(session: { journalId: string; questions: readonly PlannedQuestion[] }): void;
  /** Collects one answer; resolves `cancelled` on Ctrl-C. */
  ask(request: AnswerRequest): Promise<AnswerOutcome>;
  /** After a Ctrl-C (the draft is saved): true to stop here, false to go back to the answer. */
  confirmPause(): Promise<boolean>;
  /** The session stops at the candidate's wish; it continues with `coach resume <journalId>`. */
  paused(journalId: string): void;
  /** While the scorer scores an answer or writes follow-ups. */
  busy(task: 'scoring' | 'follow-ups'): Promise<BusyIndicator>;
  /** One score: after each answer, or every score at the end (`question` given) with --score-at-end. */
  score(result: ScoreResult, atEnd?: { question: number; id: string }): void;
  /** The session is over: its summary. */
  finished(events: readonly SessionEvent[], journalId: string): void;
  /** An answer that could not be journaled (a full disk) and exists only in memory. */
  answerLost(text: string): void;
}

export interface SessionRunnerDeps {
  registry: Registry;
  scorer: Scorer;
  view: SessionView;
  /** Where every attempt is recorded, unscored before scoring and completed after. */
  history: Pick<HistoryStore, 'append'>;
  /** The level to judge at when the session recorded none (the config file's `level:`). */
  defaultLevel?: Level;
  /** Timestamps of events and attempts; injected so a test or a loop can fix them. */
  now?: () => Date;
}

export type SessionOutcome = {
  status: 'completed' | 'paused';
  journalId: string;
  events: readonly SessionEvent[];
};

type FollowUpsEvent = Extract<SessionEvent, { type: 'followups' }>;

export class SessionRunner {
  /** The text on screen, kept on every key so a signal can save it even between draft writes. */
  private live: Draft | undefined;
  private readonly events: SessionEvent[];
  private readonly now: () => Date;

  constructor(
    private readonly journal: SessionJournal,
    events: readonly SessionEvent[],
    private draft: Draft | undefined,
    private readonly deps: SessionRunnerDeps,
  ) {
    this.events = [...events];
    this.now = deps.now ?? (() => new Date());
  }

  get journalId(): string {
    return this.journal.id;
  }

  /** Saves the answer on screen as the session's draft; throws when it cannot be written. */
  saveOnScreen(): void {
    if (this.live) this.journal.saveDraft(this.live);
  }

  async run(): Promise<SessionOutcome> {
    const { events, journal, deps } = this;
    const { view } = deps;
    const { questions, options } = startEvent(events);
    try {
      view.started({ journalId: journal.id, questions });
      for (;;) {
        const step = nextStep(events, this.draft);
        if (step.kind === 'done') break;

        if (step.kind === 'follow-ups') {
          const followUps = await this.chooseFollowUps(step.question);
          this.append(followUps);
          // Recorded now rather than when scored, so history's cost includes writing the follow-ups.
          const result = scoreOf(events, step.question);
          if (result) this.recordAttempt(step.question, result, followUps.usage?.costUsd);
          continue;
        }

        if (step.kind === 'score') {
          // Into history before any network call: an interrupted score leaves the answer there, unscored
          // (the journal holds it too, so a failed write here does not stop the session).
          recordUnscoredFirst(() => this.recordAttempt(step.question, undefined));
          const busy = await view.busy('scoring');
          let result: ScoreResult;
          try {
            result = await this.scoreAnswer(step.question);
          } finally {
            busy.stop();
          }
          this.append({ type: 'score', question: step.question, result, at: this.now().toISOString() });
          // When follow-ups are to be written from this score, the attempt is recorded after them.
          if (nextStep(events).kind !== 'follow-ups') this.recordAttempt(step.question, result);
          if (!options.scoreAtEnd) view.score(result);
          continue;
        }

        const outcome = await this.ask(step);
        if (outcome.kind === 'cancelled') {
          // First Ctrl-C: save, then ask. A second Ctrl-C (at the question) quits.
          this.saveOnScreen();
          this.draft = this.live;
          if (await view.confirmPause()) {
            view.paused(journal.id);
            return { status: 'paused', journalId: journal.id, events };
          }
          continue;
        }
        this.live = this.draftOf(step, outcome.text, outcome.elapsedMs);
        this.append({
          type: 'answer',
          question: step.question,
          part: step.part,
          text: outcome.text,
          status: outcome.status,
          elapsedMs: Math.round(outcome.elapsedMs),
          limitSeconds: step.limitSeconds,
          at: this.now().toISOString(),
        });
        this.journal.clearDraft();
        this.live = undefined;
        this.draft = undefined;
      }

      if (options.scoreAtEnd) {
        for (const e of events) {
          if (e.type === 'score')
            view.score(e.result, { question: e.question, id: questions[e.question]!.id });
        }
      }
      journal.append({ type: 'end', at: this.now().toISOString() });
      view.finished(events, journal.id);
      return { status: 'completed', journalId: journal.id, events };
    } catch (error) {
      // A failed write (a full disk): the answer being typed or just submitted exists only in memory.
      if (error instanceof IoError && this.live?.text.trim()) view.answerLost(this.live.text);
      throw error;
    }
  }

  private append(event: SessionEvent): void {
    this.journal.append(event);
    this.events.push(event);
  }

  private draftOf(step: { question: number; part: number }, text: string, elapsedMs: number): Draft {
    return { question: step.question, part: step.part, text, elapsedMs, savedAt: this.now().toISOString() };
  }

  /** One answer through the view, journaling drafts as it goes; a draft write failure ends it at once. */
  private async ask(step: Extract<ReturnType<typeof nextStep>, { kind: 'answer' }>): Promise<AnswerOutcome> {
    const { questions, options } = startEvent(this.events);
    this.live = this.draftOf(step, step.draft, step.elapsedMs);
    // A draft that cannot be written (a full disk) ends the answer at once: the text on screen is
    // then copied elsewhere or printed, rather than typing on while nothing is saved.
    let writeFailure: unknown;
    const stopOnWriteFailure = new AbortController();
    try {
      return await this.deps.view.ask({
        question: step.question,
        part: step.part,
        total: questions.length,
        planned: questions[step.question]!,
        followUps: followUpsOf(this.events, step.question),
        prompt: step.prompt,
        limitSeconds: step.limitSeconds,
        overtime: options.overtime,
        initialText: step.draft,
        initialElapsedMs: step.elapsedMs,
        onDraft: (text, elapsedMs) => {
          this.live = this.draftOf(step, text, elapsedMs);
          try {
            this.journal.saveDraft(this.live);
          } catch (error) {
            writeFailure = error;
            stopOnWriteFailure.abort();
          }
        },
        onChange: (text, elapsedMs) => {
          this.live = this.draftOf(step, text, elapsedMs);
        },
        signal: stopOnWriteFailure.signal,
      });
    } catch (error) {
      throw writeFailure ?? error;
    }
  }

  /**
   * Every answer also goes to history, where drills and stats read it: unscored (no result) before it
   * is scored, then completed under the same id with its score.
   */
  private recordAttempt(question: number, result: ScoreResult | undefined, extraCostUsd = 0): void {
    const { questions, options } = startEvent(this.events);
    const planned = questions[question]!;
    const main = answerOf(this.events, question, 0);
    const now = this.now();
    const context = {
      id: `${this.journal.id}-${question}`,
      at: now,
      date: localDate(now),
      source: options.source ?? 'practice',
      question: planned,
      answer: main?.text ?? '',
      ...(main ? { elapsedMs: main.elapsedMs, limitSeconds: main.limitSeconds } : {}),
      extraCostUsd,
    };
    this.deps.history.append([
      result
        ? attemptFrom(result, context)
        : unscoredAttempt({ rubric: { id: planned.rubric }, level: options.level }, options.scorer, context),
    ]);
  }

  /** Follow-ups generated from the scored answer when the scorer can, else the planned bank follow-ups. */
  private async chooseFollowUps(question: number): Promise<FollowUpsEvent> {
    const { registry, scorer, view } = this.deps;
    const planned = startEvent(this.events).questions[question]!;
    const result = scoreOf(this.events, question);
    const rubric = registry.rubrics.get(planned.rubric);
    const bankQuestion = registry.questions.find((q) => q.id === planned.id);
    const at = this.now().toISOString();
    const fallback: FollowUpsEvent = {
      type: 'followups',
      question,
      followUps: planned.followUps,
      source: 'bank',
      at,
    };
    if (!result || !rubric || !bankQuestion || !scorer.followUps) return fallback;
    const busy = await view.busy('follow-ups');
    try {
      const generated = await scorer.followUps(
        {
          rubric,
          question: bankQuestion,
          prompt: planned.prompt,
          answer: answerOf(this.events, question, 0)?.text ?? '',
        },
        result,
        planned.followUps.map((f) => f.kind),
      );
      // Unusable follow-ups: the bank's are asked, and what the failed call cost is still counted.
      if (!generated?.prompts.length) return generated ? { ...fallback, usage: generated.usage } : fallback;
      const seconds = planned.followUps[0]!.timeLimitSeconds;
      return {
        type: 'followups',
        question,
        followUps: generated.prompts.map(({ kind, prompt }) => ({
          prompt,
          timeLimitSeconds: seconds,
          ...(kind ? { kind } : {}),
        })),
        source: 'generated',
        usage: generated.usage,
        at,
      };
    } finally {
      busy.stop();
    }
  }

  /** Scores the main answer of a question; it is journaled (fsynced) before this, so a failure cannot lose it. */
  private async scoreAnswer(question: number): Promise<ScoreResult> {
    const { registry, scorer } = this.deps;
    const { questions, options } = startEvent(this.events);
    const planned = questions[question]!;
    const rubric = registry.rubrics.get(planned.rubric);
    if (!rubric)
      throw new UsageError(`rubric "${planned.rubric}" is no longer available, cannot score ${planned.id}`);
    const bankQuestion = registry.questions.find((q) => q.id === planned.id);
    // --level (kept in the journal), else the config file's level: the scope the judge expects.
    const level = (options.level as Level | undefined) ?? this.deps.defaultLevel;
    return scorer.score({
      rubric,
      // Judged against the time this session gave the answer (--time, a loop round's share), which
      // is what the candidate had to fit it in, not the bank's default limit.
      ...(bankQuestion ? { question: { ...bankQuestion, timeLimitSeconds: planned.timeLimitSeconds } } : {}),
      prompt: planned.prompt,
      answer: answerOf(this.events, question, 0)?.text ?? '',
      ...(level ? { level } : {}),
      // Practice answers are typed in the terminal, against the clock.
      mode: 'typed',
    });
  }
}
