import { resolve } from 'node:path';
import {
  type AnswerItem,
  answersFileText,
  MAX_ANSWERS_BYTES,
  parseAnswers,
} from '../../answers/answers-file.js';
import {
  answerRecords,
  averageOf,
  recordResults,
  recordUnscored,
  scoreAnswers,
  storedBatch,
} from '../../answers/score-answers.js';
import type { Registry } from '../../banks/registry.js';
import { EXIT } from '../../errors.js';
import { IoError } from '../../fsx/io-error.js';
import { decodeUtf8, formatBytes, readTextBounded } from '../../fsx/read-bounded.js';
import { rescueCopy } from '../../fsx/rescue-copy.js';
import { BatchStore, type StoredBatch } from '../../history/batch-store.js';
import { type HistoryStore, recordUnscoredFirst } from '../../history/store.js';
import { dataDir } from '../../paths.js';
import type { Level } from '../../schema/index.js';
import type { ScoreResult } from '../../scoring/result.js';
import type { AnswerMode, Scorer } from '../../scoring/scorer.js';
import { colorFor } from '../../ui/color.js';
import { verdictText } from '../../ui/score-report.js';
import type { CommandContext } from '../context.js';
import { writeJson } from './output.js';
import { type ProgressSpinner, scoringSpinner } from './spinner.js';
import { readStdin } from './stdin.js';

/**
 * Reads an answers file (YAML or JSON, "-" for stdin) for `coach drill --answers` and `coach score
 * --batch`; see answers/answers-file.ts for what it may hold.
 */
export async function readAnswers(
  file: string,
  registry: Registry,
  ctx: CommandContext,
): Promise<AnswerItem[]> {
  const name = file === '-' ? 'stdin' : file;
  const limits = { maxBytes: MAX_ANSWERS_BYTES, what: 'answers file', shownAs: name };
  const text =
    file === '-'
      ? decodeUtf8(
          await readStdin(
            ctx,
            MAX_ANSWERS_BYTES,
            () =>
              new IoError(
                name,
                `over the ${formatBytes(MAX_ANSWERS_BYTES)} limit`,
                `cannot read ${limits.what}`,
              ),
          ),
          name,
          limits.what,
        )
      : readTextBounded(resolve(ctx.cwd, file), { ...limits, allowStream: true });
  return parseAnswers(text, name, registry);
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
  const spinner = scoringSpinner(ctx, !options.json);
  let results: ScoreResult[];
  try {
    results =
      options.batch && scorer.scoreMany
        ? await scoreAsBatch(scorer, answers, records, { ...options, save: store !== undefined }, spinner)
        : await scoreAnswers(scorer, answers, { level, mode: options.mode });
  } finally {
    spinner.stop();
  }
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

/**
 * One Message Batch at half the price. The batch is stored in the data directory as soon as it
 * exists and its id is printed on stderr, so Ctrl-C while polling leaves it to `coach batches
 * collect` (and exits 130 at once); once its results are in, it is marked collected.
 */
async function scoreAsBatch(
  scorer: Scorer,
  answers: readonly AnswerItem[],
  records: Parameters<typeof storedBatch>[2]['records'],
  options: { level: Level | undefined; mode: AnswerMode; ctx: CommandContext; save: boolean },
  spinner: ProgressSpinner,
): Promise<ScoreResult[]> {
  const { ctx, level } = options;
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
    const results = await scoreAnswers(scorer, answers, {
      level,
      mode: options.mode,
      ...(spinner.progress ? { onProgress: spinner.progress } : {}),
      batch: {
        pollMs: Number(ctx.env.COACH_BATCH_POLL_MS) || 5000,
        onCreated: (batch) => {
          stored = storedBatch(batch, answers, { level, records, save: options.save });
          store.save(stored);
          ctx.stderr.write(
            `coach: sent batch ${batch.id} (${batch.items.length} answer(s), estimated at most $${batch.estimatedCostUsd.toFixed(4)}); Ctrl-C leaves it running for \`coach batches collect\`\n`,
          );
        },
      },
    });
    if (stored) store.save({ ...stored, state: 'collected', collectedAt: new Date().toISOString() });
    return results;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
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

/** One line per answer (id, overall, verdict, the first suggestion), then the average. */
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
