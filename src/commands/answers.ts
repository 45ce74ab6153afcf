import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { BankQuestion, Registry } from '../banks/registry.js';
import { ConfigError, EXIT, UsageError } from '../errors.js';
import { decodeUtf8, readStdinBounded, readTextBounded } from '../fsx/read-bounded.js';
import { rescueCopy } from '../fsx/rescue-copy.js';
import { type AttemptContext, attemptFrom, unscoredAttempt } from '../history/attempt.js';
import { BatchStore, type StoredBatch } from '../history/batch-store.js';
import { type HistoryStore, recordUnscoredFirst } from '../history/store.js';
import { dataDir } from '../paths.js';
import type { Level, Rubric } from '../schema/index.js';
import type { BatchRunOptions, CreatedBatch } from '../scoring/anthropic/judge.js';
import type { ScoreResult } from '../scoring/result.js';
import type { AnswerMode, ScoreInput, Scorer } from '../scoring/scorer.js';
import { colorFor } from '../ui/color.js';
import { verdictText } from '../ui/score-report.js';
import { readableYamlError } from '../validated-yaml.js';
import type { CommandContext } from './context.js';
import { scoringSpinner, writeJson } from './shared.js';

/** Answers files (question id: answer text) for `coach drill --answers` and `coach score --batch`. */

/** An answers file larger than this is refused before it is read: a day's answers are a few KiB each. */
const MAX_ANSWERS_BYTES = 4 * 1024 * 1024;

export interface AnswerItem {
  question: BankQuestion;
  rubric: Rubric;
  text: string;
}

/**
 * Scores the answers one by one, or, with batch and a scorer that supports it (anthropic), as one
 * Message Batch at half the price. A spinner shows progress on a terminal. A batch is stored in the
 * data directory as soon as it exists and its id is printed on stderr, so Ctrl-C while polling leaves
 * it to `coach batches collect`; once its results are in, it is marked collected.
 */
async function scoreAll(
  scorer: Scorer,
  answers: readonly AnswerItem[],
  options: {
    batch: boolean;
    level: Level | undefined;
    /** Typed or spoken: how many words fit the time limit. */
    mode: AnswerMode;
    ctx: CommandContext;
    json: boolean;
    /** The answers' history records (ids and time), which a batch collected later completes. */
    records: readonly AttemptContext[];
    /** Whether the answers are recorded in history (drill always, score with --save). */
    save: boolean;
  },
): Promise<ScoreResult[]> {
  const { ctx, level } = options;
  const inputs: ScoreInput[] = answers.map(({ question, rubric, text }) => ({
    rubric,
    question,
    prompt: question.prompt,
    answer: text,
    ...(level ? { level } : {}),
    mode: options.mode,
  }));
  const spinner = await scoringSpinner(ctx, !options.json);
  try {
    const many = (scorer as { scoreMany?: (i: ScoreInput[], o: BatchRunOptions) => Promise<ScoreResult[]> })
      .scoreMany;
    if (options.batch && many) {
      const store = new BatchStore(dataDir(ctx.env));
      let stored: StoredBatch | undefined;
      const onInterrupt = () => {
        spinner.stop();
        if (stored)
          ctx.stderr.write(
            `\ncoach: batch ${stored.id} keeps running; collect it with \`coach batches collect ${stored.id}\`\n`,
          );
        process.exit(EXIT.interrupted);
      };
      process.once('SIGINT', onInterrupt);
      try {
        const results = await many.call(scorer, inputs, {
          pollMs: Number(ctx.env.COACH_BATCH_POLL_MS) || 5000,
          onPoll: (done: number, total: number) => spinner.progress?.(done, total),
          onCreated: (batch) => {
            stored = storedBatch(batch, answers, options);
            store.save(stored);
            ctx.stderr.write(
              `coach: sent batch ${batch.id} (${batch.items.length} answer(s), estimated at most $${batch.estimatedCostUsd.toFixed(4)}); Ctrl-C leaves it running for \`coach batches collect\`\n`,
            );
          },
        });
        if (stored) store.save({ ...stored, state: 'collected', collectedAt: new Date().toISOString() });
        return results;
      } finally {
        process.off('SIGINT', onInterrupt);
      }
    }
    const results: ScoreResult[] = [];
    for (const input of inputs) results.push(await scorer.score(input));
    return results;
  } finally {
    spinner.stop();
  }
}

/** What `coach batches collect` needs to finish a batch: each answer, where it goes in history, and its versions. */
function storedBatch(
  batch: CreatedBatch,
  answers: readonly AnswerItem[],
  options: { level: Level | undefined; records: readonly AttemptContext[]; save: boolean },
): StoredBatch {
  const first = options.records[0]!;
  return {
    v: 1,
    id: batch.id,
    createdAt: new Date().toISOString(),
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
 * Records in history after the results were printed (so a full disk never hides a score). When the
 * write fails and the answers came only on stdin, they are first copied where they can be found again
 * (an answers file for `--answers`, or plain text for `--answer-file`), or printed on stderr.
 */
export function recordOrRescue(
  record: () => void,
  rescue: { text: string; name: string } | undefined,
  ctx: CommandContext,
): void {
  try {
    record();
  } catch (error) {
    if (rescue) {
      const where = rescueCopy(rescue.text, dataDir(ctx.env), rescue.name);
      ctx.stderr.write(
        where
          ? `coach: the answer from stdin was not recorded; a copy is in ${where}\n`
          : `coach: the answer from stdin was not recorded and no copy could be written; here it is:\n${rescue.text}\n`,
      );
    }
    throw error;
  }
}

/** The answers of a file read from stdin, as an answers file to pass again (JSON is YAML too). */
function answersFileText(answers: readonly AnswerItem[]): string {
  return `${JSON.stringify(Object.fromEntries(answers.map((a) => [a.question.id, a.text])), null, 2)}\n`;
}

/** The history records for answers from a file: ids and time fixed up front, so a score completes its record. */
function answerRecords(
  answers: readonly AnswerItem[],
  source: 'drill' | 'score',
  date: string,
): AttemptContext[] {
  const now = new Date();
  return answers.map((a) => ({
    id: `${source}-${randomBytes(6).toString('hex')}`,
    at: now,
    date,
    source,
    question: a.question,
    answer: a.text,
  }));
}

/** The answers from a file, unscored, in one append. */
function recordUnscored(
  store: HistoryStore,
  answers: readonly AnswerItem[],
  records: readonly AttemptContext[],
  scorer: Scorer['name'],
  level: Level | undefined,
): void {
  store.append(answers.map((a, i) => unscoredAttempt({ rubric: a.rubric, level }, scorer, records[i]!)));
}

/** Completes the records with their scores, all in one append. */
function recordResults(
  store: HistoryStore,
  results: readonly ScoreResult[],
  records: readonly AttemptContext[],
): void {
  store.append(results.map((result, i) => attemptFrom(result, records[i]!)));
}

/**
 * Scores the answers of an answers file (`coach drill --answers`, `coach score --batch`) and prints
 * them. With a store, the answers go in unscored before any network call, and the scores complete
 * their records after printing, so a failed write (a full disk) still shows them, then exits 2.
 * Returns the average overall.
 */
export async function scoreAnswersFile(
  file: string,
  answers: readonly AnswerItem[],
  scorer: Scorer,
  options: {
    source: 'drill' | 'score';
    date: string;
    store: HistoryStore | undefined;
    batch: boolean;
    level: Level | undefined;
    mode: AnswerMode;
    ctx: CommandContext;
    json: boolean;
    /** Fields written before results and averageOverall in the JSON output. */
    jsonHead?: Record<string, unknown>;
  },
): Promise<number | null> {
  const { store, level, ctx } = options;
  const records = answerRecords(answers, options.source, options.date);
  if (store) recordUnscoredFirst(() => recordUnscored(store, answers, records, scorer.name, level));
  const results = await scoreAll(scorer, answers, {
    batch: options.batch,
    level,
    mode: options.mode,
    ctx,
    json: options.json,
    records,
    save: store !== undefined,
  });
  const averageOverall = averageOf(results);
  if (options.json) writeJson(ctx, { ...options.jsonHead, results, averageOverall });
  else printResults(results, averageOverall, ctx);
  if (store)
    recordOrRescue(
      () => recordResults(store, results, records),
      file === '-' ? { text: answersFileText(answers), name: 'answers.json' } : undefined,
      ctx,
    );
  return averageOverall;
}

/** The mean overall of the results that have one (insufficient answers have none), rounded. */
export function averageOf(results: readonly ScoreResult[]): number | null {
  const scored = results.filter((r) => r.overall !== null);
  return scored.length ? Math.round(scored.reduce((s, r) => s + r.overall!, 0) / scored.length) : null;
}

export function printResults(results: ScoreResult[], average: number | null, ctx: CommandContext): void {
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const lines = results.map(
    (r) =>
      `${(r.questionId ?? '').padEnd(44)} ${String(r.overall ?? '-').padStart(3)}/100  ${verdictText(r, c)}${r.suggestions[0] ? `\n    ${c.dim(r.suggestions[0])}` : ''}`,
  );
  ctx.stdout.write(
    `${lines.join('\n')}\n\nAverage: ${average ?? '-'}/100 over ${results.length} answer(s)\n`,
  );
}

/**
 * Reads an answers file (YAML or JSON, "-" for stdin): a mapping of question id to answer text.
 * Every problem is reported at once, each on one line, and nothing is scored if there is any.
 */
export function readAnswers(file: string, registry: Registry, ctx: CommandContext): AnswerItem[] {
  const name = file === '-' ? 'stdin' : file;
  const limits = { maxBytes: MAX_ANSWERS_BYTES, what: 'answers file', shownAs: name };
  const text =
    file === '-'
      ? decodeUtf8(readStdinBounded(limits), name, limits.what)
      : readTextBounded(resolve(ctx.cwd, file), { ...limits, allowStream: true });
  const lineCounter = new LineCounter();
  const tooDeep = new UsageError(`${name}: nested too deeply to read; an answers file is a flat mapping`);
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep;
    throw error;
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const { line, col } = lineCounter.linePos(e.pos[0]);
    throw new UsageError(
      `${name}:${line}:${col}: ${readableYamlError(e.message)} (the answers file must be YAML or JSON)`,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep;
    throw new UsageError(`${name}: too many aliases; write the answers out in full`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(
      `${name}: expected a mapping of question id to answer text, like "bhv-ownership-outside-your-area: I ..."`,
    );
  }
  const problems: string[] = [];
  const answers: AnswerItem[] = [];
  for (const [id, answer] of Object.entries(data as Record<string, unknown>)) {
    const question = registry.questions.find((q) => q.id === id);
    if (!question) problems.push(`unknown question id "${id}"`);
    else if (typeof answer !== 'string') problems.push(`the answer to "${id}" must be text`);
    else if (!registry.rubrics.has(question.rubric))
      problems.push(`rubric "${question.rubric}" of "${id}" does not exist`);
    else answers.push({ question, rubric: registry.rubrics.get(question.rubric)!, text: answer });
  }
  if (problems.length > 0) {
    throw new ConfigError([...problems.map((p) => `${name}: ${p}`), 'nothing was scored or recorded']);
  }
  if (answers.length === 0) throw new UsageError(`${name}: no answers in the file`);
  return answers;
}
