import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { BankQuestion } from '../banks/registry.js';
import { UsageError } from '../errors.js';
import { decodeUtf8, readTextBounded } from '../fsx/read-bounded.js';
import { attemptFrom, localDate, unscoredAttempt } from '../history/attempt.js';
import { HistoryStore, recordUnscoredFirst } from '../history/store.js';
import { dataDir } from '../paths.js';
import type { Level } from '../schema/index.js';
import type { AnswerMode } from '../scoring/scorer.js';
import { colorFor } from '../ui/color.js';
import { renderScore } from '../ui/score-report.js';
import { proseWidth, terminalWidth } from '../ui/width.js';
import type { CommandContext } from './context.js';
import { readAnswers, recordOrRescue, scoreAnswersFile } from './support/answers-file.js';
import { writeJson } from './support/output.js';
import { findQuestion, registryFor } from './support/registry.js';
import { createScorer, type ScorerFlags } from './support/scorer-choice.js';
import { scoringSpinner } from './support/spinner.js';
import { readStdin } from './support/stdin.js';
import { targetLevel } from './support/target-level.js';

export interface ScoreOptions extends ScorerFlags {
  question?: string;
  rubric?: string;
  prompt?: string;
  answerFile?: string;
  level?: Level;
  /** typed (default) or spoken: how many words fit the time limit. */
  mode?: AnswerMode;
  json?: boolean;
  save?: boolean;
  /** An answers file (question id: answer) to score at once; with the anthropic scorer, as one Message Batch. */
  batch?: string;
  banks?: string[];
}

/** Answers longer than this are refused: an interview answer is a few thousand words at most. */
const MAX_ANSWER_BYTES = 256 * 1024;

/** `coach score`: judge one answer, read from a file or stdin, against a question or a rubric and prompt. */
export async function scoreCommand(options: ScoreOptions, ctx: CommandContext): Promise<number> {
  if (options.batch !== undefined) return scoreBatchCommand(options.batch, options, ctx);
  if (options.question && (options.rubric || options.prompt)) {
    throw new UsageError('give either --question, or --rubric with --prompt, not both');
  }
  if (!options.question && !(options.rubric && options.prompt)) {
    throw new UsageError(
      'say what the answer is for: --question <id>, or --rubric <id> with --prompt <text>',
    );
  }
  const level = await targetLevel(options.level, ctx);
  let progress: ((received: number, total: number) => void) | undefined;
  const scorer = await createScorer(options, ctx, (received, total) => progress?.(received, total));
  const registry = await registryFor(ctx, options.banks);
  let question: BankQuestion | undefined;
  let rubricId = options.rubric;
  if (options.question) {
    question = findQuestion(registry, options.question);
    rubricId = question.rubric;
  }
  const rubric = registry.rubrics.get(rubricId!);
  if (!rubric) {
    throw new UsageError(
      `unknown rubric "${rubricId}"; choose one of: ${[...registry.rubrics.keys()].join(', ')}`,
    );
  }
  const answer = await readAnswer(options.answerFile, ctx);

  const input = {
    rubric,
    ...(question ? { question } : {}),
    prompt: question?.prompt ?? options.prompt!,
    answer,
    ...(level ? { level } : {}),
    mode: options.mode ?? 'typed',
  };

  // With --save the answer is recorded, unscored, before any network call: Ctrl-C or a crash during a
  // slow call leaves it in history; the score completes the same record.
  const now = new Date();
  const record = {
    id: `score-${randomBytes(6).toString('hex')}`,
    at: now,
    date: localDate(now),
    source: 'score' as const,
    ...(question ? { question } : {}),
    answer,
  };
  const store = options.save ? new HistoryStore(dataDir(ctx.env)) : undefined;
  if (store) recordUnscoredFirst(() => store.append([unscoredAttempt(input, scorer.name, record)]));
  const spinner = scoringSpinner(ctx, !options.json);
  progress = spinner.progress;
  let result: Awaited<ReturnType<typeof scorer.score>>;
  try {
    result = await scorer.score(input);
  } finally {
    spinner.stop();
  }
  if (options.json) writeJson(ctx, result);
  else
    ctx.stdout.write(
      renderScore(result, colorFor(ctx.stdout, ctx.env, ctx.noColor), proseWidth(terminalWidth(ctx.stdout))),
    );
  if (store) {
    const fromStdin = options.answerFile === undefined || options.answerFile === '-';
    recordOrRescue(
      () => store.append([attemptFrom(result, record)]),
      fromStdin ? { text: answer, name: 'answer.txt' } : undefined,
      ctx,
    );
  }
  return 0;
}

/** `coach score --batch FILE`: many answers at once; with the anthropic scorer, at half the price. */
async function scoreBatchCommand(file: string, options: ScoreOptions, ctx: CommandContext): Promise<number> {
  if (options.question || options.rubric || options.prompt || options.answerFile) {
    throw new UsageError(
      '--batch takes its questions and answers from the file; drop --question, --rubric, --prompt and --answer-file',
    );
  }
  const level = await targetLevel(options.level, ctx);
  const registry = await registryFor(ctx, options.banks);
  const answers = await readAnswers(file, registry, ctx);
  const scorer = await createScorer(options, ctx);
  await scoreAnswersFile(file, answers, scorer, {
    source: 'score',
    date: localDate(new Date()),
    store: options.save ? new HistoryStore(dataDir(ctx.env)) : undefined,
    batch: true,
    level,
    mode: options.mode ?? 'typed',
    ctx,
    json: Boolean(options.json),
  });
  return 0;
}

async function readAnswer(file: string | undefined, ctx: CommandContext): Promise<string> {
  if (file !== undefined && file !== '-') {
    // A FIFO (`--answer-file <(cmd)`) is a stream worth reading; either way at most the limit.
    return readTextBounded(resolve(ctx.cwd, file), {
      maxBytes: MAX_ANSWER_BYTES,
      what: 'answer file',
      allowStream: true,
      shownAs: file,
    });
  }
  if (ctx.stdin.isTTY) {
    throw new UsageError('no answer given: pass --answer-file FILE, or pipe the answer on stdin');
  }
  const bytes = await readStdin(
    ctx,
    MAX_ANSWER_BYTES,
    () => new UsageError(`the answer on stdin is over ${MAX_ANSWER_BYTES / 1024} KiB`),
  );
  return decodeUtf8(bytes, 'stdin', 'the answer on');
}
