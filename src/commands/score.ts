import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { BankQuestion } from '../banks/registry.js';
import { UsageError } from '../errors.js';
import { decodeUtf8, readTextBounded } from '../fsx/read-bounded.js';
import { attemptFrom, localDate } from '../history/attempt.js';
import { HistoryStore } from '../history/store.js';
import { dataDir } from '../paths.js';
import { LEVELS, type Level } from '../schema/index.js';
import { colorFor } from '../ui/color.js';
import { renderScore } from '../ui/score-report.js';
import {
  answersFileText,
  averageOf,
  printResults,
  readAnswers,
  recordOrRescue,
  recordResults,
  scoreAll,
} from './answers.js';
import type { CommandContext } from './context.js';
import {
  createScorer,
  findQuestion,
  registryFor,
  scoringSpinner,
  terminalWidth,
  writeJson,
} from './shared.js';

export interface ScoreOptions {
  question?: string;
  rubric?: string;
  prompt?: string;
  answerFile?: string;
  level?: string;
  scorer?: string;
  model?: string;
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
  const level = parseLevel(options.level);
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

  // The answer is already read (and, with --save, recorded below) before any network call.
  const spinner = await scoringSpinner(ctx, !options.json);
  progress = spinner.progress;
  let result: Awaited<ReturnType<typeof scorer.score>>;
  try {
    result = await scorer.score({
      rubric,
      ...(question ? { question } : {}),
      prompt: question?.prompt ?? options.prompt!,
      answer,
      ...(level ? { level } : {}),
    });
  } finally {
    spinner.stop();
  }
  if (options.json) writeJson(ctx, result);
  else
    ctx.stdout.write(
      renderScore(
        result,
        colorFor(ctx.stdout, ctx.env, ctx.noColor),
        Math.min(terminalWidth(ctx) ?? 88, 100),
      ),
    );
  if (options.save) {
    const now = new Date();
    const fromStdin = options.answerFile === undefined || options.answerFile === '-';
    recordOrRescue(
      () =>
        new HistoryStore(dataDir(ctx.env)).append([
          attemptFrom(result, {
            id: `score-${randomBytes(6).toString('hex')}`,
            at: now,
            date: localDate(now),
            source: 'score',
            ...(question ? { question } : {}),
            answer,
          }),
        ]),
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
  const level = parseLevel(options.level);
  const registry = await registryFor(ctx, options.banks);
  const answers = readAnswers(file, registry, ctx);
  const scorer = await createScorer(options, ctx);
  const results = await scoreAll(scorer, answers, { batch: true, level, ctx, json: Boolean(options.json) });
  const averageOverall = averageOf(results);
  if (options.json) writeJson(ctx, { results, averageOverall });
  else printResults(results, averageOverall, ctx);
  if (options.save)
    recordOrRescue(
      () =>
        recordResults(new HistoryStore(dataDir(ctx.env)), results, answers, 'score', localDate(new Date())),
      file === '-' ? { text: answersFileText(answers), name: 'answers.json' } : undefined,
      ctx,
    );
  return 0;
}

export function parseLevel(value: string | undefined): Level | undefined {
  if (value === undefined) return undefined;
  const level = value.toUpperCase() as Level;
  if (!LEVELS.includes(level))
    throw new UsageError(`unknown level "${value}"; choose one of: ${LEVELS.join(', ')}`);
  return level;
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
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_ANSWER_BYTES)
      throw new UsageError(`the answer on stdin is over ${MAX_ANSWER_BYTES / 1024} KiB`);
    chunks.push(buffer);
  }
  return decodeUtf8(Buffer.concat(chunks), 'stdin', 'the answer on');
}
