import { randomBytes } from 'node:crypto';
import type { Registry } from '../banks/registry.js';
import { UsageError } from '../errors.js';
import { type Attempt, type AttemptContext, attemptFrom, unscoredAttempt } from '../history/attempt.js';
import type { StoredBatch } from '../history/batch-store.js';
import type { HistoryStore } from '../history/store.js';
import type { Level } from '../schema/index.js';
import { focusRubric } from '../scoring/focus.js';
import type { ScoreResult } from '../scoring/result.js';
import type { AnswerMode, CreatedBatch, ScoreInput, Scorer } from '../scoring/scorer.js';
import type { AnswerItem } from './answers-file.js';

/** How a file of answers is scored: at what level, typed or spoken, and whether as one batch. */
export interface ScoreAnswersOptions {
  level: Level | undefined;
  /** Typed or spoken: how many words fit the time limit. */
  mode: AnswerMode;
  /** How many answers (or, for a batch, results) are in so far, for a spinner. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Score as one batch job when the scorer can (the anthropic scorer's Message Batches, half the
   * price): `onCreated` is told as soon as the batch exists (and is paid for), before any polling.
   */
  batch?: { pollMs: number; onCreated: (batch: CreatedBatch) => void };
}

/** Scores the answers one by one, or as one batch when asked and the scorer can; results in order. */
export async function scoreAnswers(
  scorer: Scorer,
  answers: readonly AnswerItem[],
  options: ScoreAnswersOptions,
): Promise<ScoreResult[]> {
  const inputs: ScoreInput[] = answers.map(({ question, rubric, text }) => ({
    rubric,
    question,
    prompt: question.prompt,
    answer: text,
    ...(options.level ? { level: options.level } : {}),
    mode: options.mode,
  }));
  if (options.batch && scorer.scoreMany) {
    return scorer.scoreMany(inputs, {
      pollMs: options.batch.pollMs,
      onCreated: options.batch.onCreated,
      ...(options.onProgress ? { onPoll: options.onProgress } : {}),
    });
  }
  const results: ScoreResult[] = [];
  for (const input of inputs) results.push(await scorer.score(input));
  return results;
}

/** The history records for answers from a file: ids and time fixed up front, so a score completes its record. */
export function answerRecords(
  answers: readonly AnswerItem[],
  source: 'drill' | 'score',
  date: string,
  now = new Date(),
): AttemptContext[] {
  return answers.map((a) => ({
    id: `${source}-${randomBytes(6).toString('hex')}`,
    at: now,
    date,
    source,
    question: a.question,
    answer: a.text,
  }));
}

/** The answers from a file, unscored, in one append (before any network call). */
export function recordUnscored(
  store: Pick<HistoryStore, 'append'>,
  answers: readonly AnswerItem[],
  records: readonly AttemptContext[],
  scorer: Scorer['name'],
  level: Level | undefined,
): void {
  store.append(answers.map((a, i) => unscoredAttempt({ rubric: a.rubric, level }, scorer, records[i]!)));
}

/** Completes the records with their scores, all in one append. */
export function recordResults(
  store: Pick<HistoryStore, 'append'>,
  results: readonly ScoreResult[],
  records: readonly AttemptContext[],
): void {
  store.append(results.map((result, i) => attemptFrom(result, records[i]!)));
}

/** What `coach batches collect` needs to finish a batch: each answer, where it goes in history, and its versions. */
export function storedBatch(
  batch: CreatedBatch,
  answers: readonly AnswerItem[],
  options: { level: Level | undefined; records: readonly AttemptContext[]; save: boolean; now?: Date },
): StoredBatch {
  const first = options.records[0]!;
  return {
    v: 1,
    id: batch.id,
    createdAt: (options.now ?? new Date()).toISOString(),
    provider: 'anthropic',
    model: batch.model,
    source: first.source === 'drill' ? 'drill' : 'score',
    date: first.date,
    save: options.save,
    estimatedCostUsd: batch.estimatedCostUsd,
    items: batch.items.map((item) => {
      const answer = answers[item.index]!;
      const record = options.records[item.index]!;
      return {
        customId: item.customId,
        attemptId: record.id,
        at: record.at.toISOString(),
        questionId: answer.question.id,
        rubric: answer.rubric.id,
        level: options.level ?? null,
        answer: answer.text,
        promptVersion: item.promptVersion,
        rubricVersion: item.rubricVersion,
      };
    }),
    state: 'sent',
  };
}

/**
 * What collecting a stored batch sends back to the scorer: each answer against its question and its
 * rubric (narrowed to the question's focus, as when it was sent). A question or rubric that has since
 * gone from the banks is a UsageError: the batch cannot be collected against something else.
 */
export function storedBatchInputs(batch: StoredBatch, registry: Registry): ScoreInput[] {
  return batch.items.map((item) => {
    const question = registry.questions.find((q) => q.id === item.questionId);
    const rubric = registry.rubrics.get(item.rubric);
    if (!question || !rubric)
      throw new UsageError(
        `batch ${batch.id}: ${question ? `rubric "${item.rubric}"` : `question "${item.questionId}"`} is no longer available; cannot collect it`,
      );
    return {
      rubric: focusRubric(rubric, question),
      question,
      prompt: question.prompt,
      answer: item.answer,
      ...(item.level ? { level: item.level as Level } : {}),
    };
  });
}

/**
 * The history records a collected batch completes: the unscored ones written when it was sent, under
 * the same ids and times, now with their scores. `results` are in the order of the batch's items.
 */
export function storedBatchAttempts(
  batch: StoredBatch,
  results: readonly ScoreResult[],
  registry: Registry,
): Attempt[] {
  return results.map((result, i) => {
    const item = batch.items[i]!;
    const question = registry.questions.find((q) => q.id === item.questionId)!;
    return attemptFrom(result, {
      id: item.attemptId,
      at: new Date(item.at),
      date: batch.date,
      source: batch.source,
      question,
      answer: item.answer,
    });
  });
}

/** The mean overall of the results that have one (insufficient answers have none), rounded. */
export function averageOf(results: readonly ScoreResult[]): number | null {
  const scored = results.filter((r) => r.overall !== null);
  return scored.length ? Math.round(scored.reduce((s, r) => s + r.overall!, 0) / scored.length) : null;
}
