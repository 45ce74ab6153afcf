import { randomBytes, randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import type { BankQuestion, Registry } from '../banks/registry.js';
import { ConfigError, EXIT, UsageError } from '../errors.js';
import { readTextBounded } from '../fsx/read-bounded.js';
import { attemptFrom, localDate } from '../history/attempt.js';
import { HistoryStore } from '../history/store.js';
import { type LoopRound, questionSeconds } from '../loop/plan.js';
import { loopPlanSchema } from '../loop/plan-schema.js';
import { dataDir } from '../paths.js';
import type { Level, Rubric } from '../schema/index.js';
import { humanResult } from '../scoring/human.js';
import { type InterviewerSheet, interviewerSheet } from '../session/peer-sheet.js';
import { seededRandom, shuffle } from '../session/random.js';
import { colorFor } from '../ui/color.js';
import { renderSheet } from '../ui/peer-sheet.js';
import { renderScore } from '../ui/score-report.js';
import { proseWidth, terminalWidth } from '../ui/width.js';
import { readValidatedYaml } from '../yaml/validated.js';
import type { CommandContext } from './context.js';
import { writeJson } from './support/output.js';
import { type FilterFlags, findQuestion, registryFor, selectQuestions } from './support/registry.js';
import { targetLevel } from './support/target-level.js';
import { withTerminalSignals } from './support/terminal-signals.js';

/** What src/cli/ hands over, already parsed (src/cli/parsers.ts). */
export interface InterviewOptions extends FilterFlags {
  peer?: boolean;
  /** A loop plan from `coach loop --plan --json`, run round by round. */
  plan?: string;
  /** With --plan: only this round. */
  round?: string;
  json?: boolean;
  level?: Level;
  /** Seconds for every answer, 1 or more, overriding the bank or the plan. */
  time?: number;
  /** 0 or more: which question the filters draw. */
  seed?: number;
  /** The candidate's answer as text (a transcript), kept as the attempt's answer. */
  transcript?: string;
  banks?: string[];
}

/** One question to put in front of the interviewer, with the round of the plan it belongs to. */
interface PeerQuestion {
  question: BankQuestion;
  rubric: Rubric;
  sheet: InterviewerSheet;
  round: LoopRound | null;
}

/** A transcript is one spoken answer: the same bound as an answer file for `coach score`. */
const MAX_TRANSCRIPT_BYTES = 256 * 1024;

/**
 * `coach interview --peer [QUESTION_ID]` and `--plan FILE [--round ID]`: the screen a human
 * interviewer needs, then their levels recorded as an attempt scored by a person. `--json` prints the
 * interviewer's sheets instead (what a script or a second screen needs).
 */
export async function interviewCommand(
  questionId: string | undefined,
  options: InterviewOptions,
  ctx: CommandContext,
): Promise<number> {
  if (!options.peer)
    throw new UsageError(
      '`coach interview` needs --peer (a person interviews and scores); to practise alone use `coach practice` or `coach loop`',
    );
  if (options.round !== undefined && options.plan === undefined)
    throw new UsageError('--round needs --plan FILE (a plan from `coach loop --plan --json`)');
  if (questionId !== undefined && options.plan !== undefined)
    throw new UsageError('give a question id or --plan FILE, not both');
  const timeSeconds = options.time;
  const registry = await registryFor(ctx, options.banks);
  const { questions, level } = options.plan
    ? planQuestions(options.plan, options.round, registry, timeSeconds, ctx)
    : {
        questions: [oneQuestion(questionId, options, registry, timeSeconds)],
        level: await targetLevel(options.level, ctx),
      };
  if (options.transcript !== undefined && questions.length > 1)
    throw new UsageError(
      `--transcript is the answer to one question, and this runs ${questions.length}; give a question id or --round`,
    );
  if (options.json) {
    writeJson(
      ctx,
      questions.map((q) => ({ round: q.round, ...q.sheet })),
    );
    return EXIT.ok;
  }
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY)
    throw new UsageError(
      "`coach interview --peer` is interactive and needs a terminal; --json prints the interviewer's sheet instead",
    );
  const transcript =
    options.transcript === undefined
      ? ''
      : readTextBounded(resolve(ctx.cwd, options.transcript), {
          maxBytes: MAX_TRANSCRIPT_BYTES,
          what: 'transcript',
          allowStream: true,
          shownAs: options.transcript,
        }).trim();
  return runPeerInterview(questions, { transcript, ...(level ? { level } : {}) }, ctx);
}

/** The question named, else one drawn (with --seed, reproducibly) from those the filters select. */
function oneQuestion(
  id: string | undefined,
  options: InterviewOptions,
  registry: Registry,
  timeSeconds: number | undefined,
): PeerQuestion {
  let question: BankQuestion;
  if (id !== undefined) question = findQuestion(registry, id);
  else {
    const candidates = selectQuestions(registry, options);
    if (candidates.length === 0)
      throw new UsageError('no questions match these filters; see `coach questions` for what there is');
    const seed = options.seed ?? randomInt(2 ** 31);
    const sorted = [...candidates].sort((a, b) => (a.id < b.id ? -1 : 1));
    question = shuffle(sorted, seededRandom(seed))[0]!;
  }
  return peerQuestion(question, registry, timeSeconds ?? question.timeLimitSeconds, null);
}

/**
 * The questions of a loop plan, round by round (or of one round), each with its share of the
 * round's minutes. The plan is checked against its schema and every question id against the banks
 * first: each problem is one line with its position, and nothing runs.
 */
function planQuestions(
  file: string,
  roundId: string | undefined,
  registry: Registry,
  timeSeconds: number | undefined,
  ctx: CommandContext,
): { questions: PeerQuestion[]; level: Level } {
  const { data: plan, at } = readValidatedYaml(resolve(ctx.cwd, file), loopPlanSchema, 'the loop plan', file);
  const rounds = roundId === undefined ? plan.rounds : plan.rounds.filter((r) => r.id === roundId);
  if (rounds.length === 0)
    throw new UsageError(
      `${file} has no round "${roundId}"; its rounds: ${plan.rounds.map((r) => r.id).join(', ')}`,
    );
  const problems: string[] = [];
  const questions: PeerQuestion[] = [];
  for (const round of rounds) {
    const r = plan.rounds.indexOf(round);
    round.questions.forEach((id, i) => {
      const question = registry.questions.find((q) => q.id === id);
      if (!question) {
        problems.push(
          `${at(['rounds', r, 'questions', i])}: round ${round.id} asks unknown question "${id}"; list them with \`coach questions\``,
        );
        return;
      }
      questions.push(peerQuestion(question, registry, timeSeconds ?? questionSeconds(round), round));
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { questions, level: plan.level };
}

function peerQuestion(
  question: BankQuestion,
  registry: Registry,
  seconds: number,
  round: LoopRound | null,
): PeerQuestion {
  const rubric = registry.rubrics.get(question.rubric);
  if (!rubric) throw new UsageError(`rubric "${question.rubric}" of ${question.id} is not available`);
  return { question, rubric, sheet: interviewerSheet(question, rubric, seconds), round };
}

/**
 * The interactive part: per question, the sheet, the clock, then the interviewer's levels and notes;
 * each judgement goes to history at once (an attempt with scorer `human`) and its score is shown.
 * Ctrl-C at any prompt stops (exit 130); what was recorded before stays.
 */
async function runPeerInterview(
  questions: readonly PeerQuestion[],
  options: { transcript: string; level?: Level },
  ctx: CommandContext,
): Promise<number> {
  const color = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const width = proseWidth(terminalWidth(ctx.stdout));
  const [{ peerTimer }, { askJudgement }] = await Promise.all([
    import('../ui/peer-timer.js'),
    import('../ui/peer-judgement.js'),
  ]);
  const store = new HistoryStore(dataDir(ctx.env));
  const session = `peer-${randomBytes(6).toString('hex')}`;
  let recorded = 0;
  const stopped = () =>
    `interview stopped; ${recorded} of ${questions.length} question(s) recorded, nothing for the one in progress`;
  // A closed terminal or a signal ends it like Ctrl-C, never with a crash.
  return withTerminalSignals(
    ctx,
    async () => {
      for (const [i, { question, rubric, sheet, round }] of questions.entries()) {
        ctx.stdout.write(`\n${renderSheet(sheet, titleOf(questions, i, round), color, width)}`);
        let judged: { elapsedMs: number; judgement: Awaited<ReturnType<typeof askJudgement>> };
        try {
          const { elapsedMs } = await peerTimer({
            limitSeconds: sheet.question.timeLimitSeconds,
            clock: () => performance.now(),
            color,
          });
          judged = { elapsedMs, judgement: await askJudgement(sheet, color, width) };
        } catch (error) {
          // By name: @inquirer/prompts carries its own copy of @inquirer/core, so instanceof would not match.
          if ((error as Error)?.name !== 'ExitPromptError') throw error;
          ctx.stderr.write(`\ncoach: ${stopped()}\n`);
          return EXIT.interrupted;
        }
        const result = humanResult(
          { rubric, question, ...(options.level ? { level: options.level } : {}) },
          judged.judgement,
        );
        const now = new Date();
        const id = `${session}-${i}`;
        store.append([
          attemptFrom(result, {
            id,
            at: now,
            date: localDate(now),
            source: 'peer',
            question,
            answer: options.transcript,
            elapsedMs: Math.round(judged.elapsedMs),
            limitSeconds: sheet.question.timeLimitSeconds,
          }),
        ]);
        recorded++;
        ctx.stdout.write(
          `\n${renderScore(result, color, width)}${color.dim(`Recorded in history as ${id}.`)}\n`,
        );
      }
      return EXIT.ok;
    },
    stopped,
  );
}

/** "Question" alone, or where the question sits in the plan: round, kind, interviewer, k of n. */
function titleOf(questions: readonly PeerQuestion[], index: number, round: LoopRound | null): string {
  if (!round) return questions.length === 1 ? 'Question' : `Question ${index + 1} of ${questions.length}`;
  const inRound = questions.filter((q) => q.round === round);
  const k = inRound.indexOf(questions[index]!) + 1;
  return `Round ${round.id} · ${round.kind} · ${round.interviewer} · question ${k} of ${inRound.length}`;
}
