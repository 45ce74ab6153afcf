import type { LoopPlan } from '../loop/plan.js';
import type { ScoreResult, TokenUsage } from '../scoring/result.js';
import type { PlannedFollowUp, PlannedQuestion } from './plan.js';

/**
 * The session as a list of journal events, and what to do next. Pure: `nextStep` reads the events
 * and says which answer to collect (with any draft and the time already used), which answer to
 * score, or that the session is over. A new session and a resumed one run the same code.
 */

export type AnswerStatus = 'submitted' | 'timeout' | 'skipped';

export interface SessionOptions {
  seed: number;
  overtime: boolean;
  scoreAtEnd: boolean;
  scorer: ScoreResult['scorer'];
  model?: string;
  provider?: string;
  /** The openai-compatible server (--base-url), kept so `coach resume` scores alike. */
  baseUrl?: string;
  /** --timeout, --no-fallback and --max-cost of the LLM scorer, kept so `coach resume` scores alike. */
  timeout?: number;
  fallback?: false;
  maxCost?: number;
  /** Which command started it; history records it. */
  source?: 'practice' | 'drill' | 'loop';
  level?: string;
  filters: Record<string, unknown>;
}

export type SessionEvent =
  | {
      type: 'start';
      version: 1;
      id: string;
      startedAt: string;
      options: SessionOptions;
      questions: PlannedQuestion[];
      /** A loop's plan (source 'loop'): its rounds, whose ids the questions' `round` refers to. */
      loop?: LoopPlan;
    }
  | {
      type: 'answer';
      question: number;
      /** 0 for the main answer, 1.. for follow-ups. */
      part: number;
      text: string;
      status: AnswerStatus;
      elapsedMs: number;
      limitSeconds: number;
      at: string;
    }
  | { type: 'score'; question: number; result: ScoreResult; at: string }
  /** Follow-ups chosen after the main answer (generated from it by the LLM scorer, else the bank's). */
  | {
      type: 'followups';
      question: number;
      followUps: PlannedFollowUp[];
      source: 'generated' | 'bank';
      /** What generating them cost, when an LLM did. */
      usage?: TokenUsage;
      at: string;
    }
  | { type: 'end'; at: string };

export interface Draft {
  question: number;
  part: number;
  text: string;
  elapsedMs: number;
  savedAt: string;
}

export type Step =
  | {
      kind: 'answer';
      question: number;
      part: number;
      prompt: string;
      limitSeconds: number;
      /** Text typed before an interruption, and the time it took, when resuming. */
      draft: string;
      elapsedMs: number;
    }
  | { kind: 'score'; question: number }
  /** Choose follow-ups from the scored main answer (LLM scorer sessions). */
  | { kind: 'follow-ups'; question: number }
  | { kind: 'done' };

type StartEvent = Extract<SessionEvent, { type: 'start' }>;
type AnswerEvent = Extract<SessionEvent, { type: 'answer' }>;

export function startEvent(events: readonly SessionEvent[]): StartEvent {
  const start = events[0];
  if (start?.type !== 'start') throw new Error('session journal does not begin with a start event');
  return start;
}

export function answerOf(
  events: readonly SessionEvent[],
  question: number,
  part: number,
): AnswerEvent | undefined {
  return events.find(
    (e): e is AnswerEvent => e.type === 'answer' && e.question === question && e.part === part,
  );
}

export function scoreOf(events: readonly SessionEvent[], question: number): ScoreResult | undefined {
  for (const e of events) if (e.type === 'score' && e.question === question) return e.result;
  return undefined;
}

/** The follow-ups a question will have: those chosen after its answer, else the planned ones. */
export function followUpsOf(events: readonly SessionEvent[], question: number): PlannedFollowUp[] {
  for (const e of events) if (e.type === 'followups' && e.question === question) return e.followUps;
  return startEvent(events).questions[question]?.followUps ?? [];
}

export function nextStep(events: readonly SessionEvent[], draft?: Draft): Step {
  const { questions, options } = startEvent(events);
  // With the LLM scorer, the main answer is scored first so follow-ups can dig into its weakest part.
  const digDeeper = options.scorer === 'anthropic' && !options.scoreAtEnd;
  const answerStep = (question: number, part: number, prompt: string, limitSeconds: number): Step => {
    const resumed = draft && draft.question === question && draft.part === part ? draft : undefined;
    return {
      kind: 'answer',
      question,
      part,
      prompt,
      limitSeconds,
      draft: resumed?.text ?? '',
      elapsedMs: resumed?.elapsedMs ?? 0,
    };
  };
  for (let q = 0; q < questions.length; q++) {
    const planned = questions[q]!;
    const main = answerOf(events, q, 0);
    if (!main) return answerStep(q, 0, planned.prompt, planned.timeLimitSeconds);
    if (main.status !== 'skipped') {
      if (digDeeper && planned.followUps.length > 0) {
        if (!scoreOf(events, q)) return { kind: 'score', question: q };
        if (!events.some((e) => e.type === 'followups' && e.question === q))
          return { kind: 'follow-ups', question: q };
      }
      const followUps = followUpsOf(events, q);
      for (let f = 0; f < followUps.length; f++) {
        const followUp = followUps[f]!;
        if (!answerOf(events, q, f + 1))
          return answerStep(q, f + 1, followUp.prompt, followUp.timeLimitSeconds);
      }
    }
    if (!options.scoreAtEnd && main.status !== 'skipped' && !scoreOf(events, q))
      return { kind: 'score', question: q };
  }
  if (options.scoreAtEnd) {
    for (let q = 0; q < questions.length; q++) {
      if (answerOf(events, q, 0)?.status !== 'skipped' && !scoreOf(events, q))
        return { kind: 'score', question: q };
    }
  }
  return { kind: 'done' };
}

export interface SessionSummary {
  id: string;
  startedAt: string;
  /** Which command started it; journals from before it was kept are practice. */
  kind: NonNullable<SessionOptions['source']>;
  status: 'complete' | 'interrupted';
  questions: number;
  answered: number;
  averageOverall: number | null;
}

export function summarize(events: readonly SessionEvent[]): SessionSummary {
  const start = startEvent(events);
  const scores = events.flatMap((e) =>
    e.type === 'score' && e.result.overall !== null ? [e.result.overall] : [],
  );
  return {
    id: start.id,
    startedAt: start.startedAt,
    kind: start.options.source ?? 'practice',
    status: events.some((e) => e.type === 'end') ? 'complete' : 'interrupted',
    questions: start.questions.length,
    answered: events.filter((e) => e.type === 'answer' && e.part === 0 && e.status !== 'skipped').length,
    averageOverall: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
  };
}
