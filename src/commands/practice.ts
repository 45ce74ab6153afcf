import { randomInt } from 'node:crypto';
import type { ChalkInstance } from 'chalk';
import type { Registry } from '../banks/registry.js';
import { EXIT, UsageError } from '../errors.js';
import { IoError } from '../fsx/io-error.js';
import { rescueCopy } from '../fsx/rescue-copy.js';
import { attemptFrom, localDate, unscoredAttempt } from '../history/attempt.js';
import { HistoryStore } from '../history/store.js';
import { dataDir } from '../paths.js';
import type { Level, Story } from '../schema/index.js';
import { findPrinciple } from '../schema/principles.js';
import { findTenet } from '../schema/tenets.js';
import type { ScoreResult } from '../scoring/result.js';
import type { Scorer } from '../scoring/scorer.js';
import {
  answerOf,
  type Draft,
  followUpsOf,
  nextStep,
  type SessionEvent,
  type SessionOptions,
  scoreOf,
  startEvent,
} from '../session/engine.js';
import { SessionJournal } from '../session/journal.js';
import {
  DEFAULT_FOLLOW_UPS,
  type PlannedFollowUp,
  type PlannedQuestion,
  planSession,
} from '../session/plan.js';
import { colorFor } from '../ui/color.js';
import { isHangUp, releaseDeadTerminal, terminalIsGone } from '../ui/hang-up.js';
import { stripControl, terminalSafe } from '../ui/sanitize.js';
import { renderScore } from '../ui/score-report.js';
import { sessionSummaryTable } from '../ui/session-summary.js';
import { formatDuration, truncate, wrap } from '../ui/text.js';
import { recordUnscoredFirst } from './answers.js';
import type { CommandContext } from './context.js';
import {
  chosenScorer,
  createScorer,
  type FilterFlags,
  givenScorerFlags,
  parseLevel,
  registryFor,
  scoringSpinner,
  selectQuestions,
  targetLevel,
} from './shared.js';

export interface PracticeOptions extends FilterFlags {
  count?: string;
  time?: string;
  seed?: string;
  scorer?: string;
  model?: string;
  provider?: string;
  baseUrl?: string;
  timeout?: string;
  fallback?: boolean;
  maxCost?: string;
  /** A number (string from argv) bounds the chain of follow-ups; false (--no-followups) asks none. */
  followups?: string | boolean;
  overtime?: boolean;
  scoreAtEnd?: boolean;
  banks?: string[];
  /** Show the stories that fit each behavioral question: a stories file, or true for the default one. */
  stories?: string | boolean;
}

/** `coach practice`: a timed mock interview in the terminal, journaled so nothing typed is lost. */
export async function practiceCommand(options: PracticeOptions, ctx: CommandContext): Promise<number> {
  requireTerminal(ctx, 'practice');
  const count = parsePositive(options.count ?? '3', '--count');
  const timeSeconds = options.time === undefined ? undefined : parsePositive(options.time, '--time');
  const seed = options.seed === undefined ? randomInt(2 ** 31) : parsePositive(options.seed, '--seed', true);
  const level = parseLevel(options.level);

  const stories = await storiesFor(options.stories, ctx);
  const registry = await registryFor(ctx, options.banks);
  const candidates = selectQuestions(registry, { ...options, ...(level ? { level } : {}) });
  if (candidates.length === 0)
    throw new UsageError('no questions match these filters; see `coach questions` for what there is');
  const questions = planSession(candidates, {
    count,
    seed,
    followUps: followUpsWanted(options.followups),
    ...(timeSeconds ? { timeSeconds } : {}),
  });

  if (candidates.length < count) {
    ctx.stderr.write(`coach: only ${candidates.length} question(s) match; practising those\n`);
  }
  const sessionOptions: SessionOptions = {
    seed,
    overtime: Boolean(options.overtime),
    scoreAtEnd: Boolean(options.scoreAtEnd),
    scorer: chosenScorer(options, ctx),
    ...givenScorerFlags(options),
    source: 'practice',
    ...(level ? { level } : {}),
    filters: {
      bank: options.bank,
      category: options.category,
      level,
      principle: options.principle,
      tenet: options.tenet,
    },
  };
  return startSession(questions, sessionOptions, registry, ctx, stories);
}

/** How many follow-ups to chain after each answer: --followups N, none with --no-followups, else the default. */
function followUpsWanted(flag: string | boolean | undefined): number {
  if (flag === false) return 0;
  if (flag === undefined || flag === true) return DEFAULT_FOLLOW_UPS;
  return parsePositive(flag, '--followups', true);
}

/** The candidate's stories for --stories (read and validated up front), or none without the flag. */
async function storiesFor(
  flag: string | boolean | undefined,
  ctx: CommandContext,
): Promise<Story[] | undefined> {
  if (flag === undefined || flag === false) return undefined;
  const { readStories } = await import('./stories.js');
  return readStories(flag === true ? undefined : flag, ctx).stories;
}

/** Journals a new session of planned questions and runs it (practice, and drill on a terminal). */
export async function startSession(
  questions: PlannedQuestion[],
  options: SessionOptions,
  registry: Registry,
  ctx: CommandContext,
  stories?: readonly Story[],
): Promise<number> {
  const journal = SessionJournal.create(dataDir(ctx.env), new Date());
  const start: SessionEvent = {
    type: 'start',
    version: 1,
    id: journal.id,
    startedAt: new Date().toISOString(),
    options,
    questions,
  };
  journal.append(start);
  return runSession(journal, [start], undefined, registry, ctx, stories);
}

/** `coach resume [id]`: continue an interrupted session where it stopped, with the time it had left. */
export async function resumeCommand(
  id: string | undefined,
  options: { banks?: string[]; stories?: string | boolean },
  ctx: CommandContext,
): Promise<number> {
  const data = dataDir(ctx.env);
  const interrupted = SessionJournal.list(data).filter((sid) => {
    const j = SessionJournal.open(data, sid);
    if (!j) return false;
    const { events, problem } = j.read();
    if (problem) ctx.stderr.write(`coach: warning: skipped ${j.file}: ${problem}\n`);
    return !problem && !events.some((e) => e.type === 'end');
  });
  if (id === undefined) {
    if (interrupted.length === 0) {
      ctx.stderr.write('coach: no interrupted sessions to resume\n');
      return EXIT.ok;
    }
    if (!ctx.stdin.isTTY || interrupted.length > 1) {
      ctx.stdout.write(`Interrupted sessions:\n${interrupted.map((s) => `  ${s}`).join('\n')}\n`);
      if (!ctx.stdin.isTTY) return EXIT.ok;
      const { select } = await import('@inquirer/prompts');
      try {
        id = await select({
          message: 'Resume which session?',
          choices: [...interrupted].reverse().map((s) => ({ value: s })),
        });
      } catch (error) {
        // Ctrl-C at the picker is an interruption like any other (130), not an error. By name:
        // @inquirer/prompts carries its own copy of @inquirer/core, so instanceof would not match.
        if ((error as Error)?.name === 'ExitPromptError') return EXIT.interrupted;
        throw error;
      }
    } else {
      id = interrupted[0]!;
    }
  }
  const journal = SessionJournal.open(data, id);
  if (!journal) throw new UsageError(`no session "${id}"; list them with \`coach sessions\``);
  const { events, draft, damaged, problem } = journal.read();
  if (problem) throw new IoError(journal.file, problem, 'cannot resume session');
  if (events.some((e) => e.type === 'end'))
    throw new UsageError(`session ${id} is already complete; see \`coach sessions show ${id}\``);
  requireTerminal(ctx, 'resume');
  if (damaged > 0)
    ctx.stderr.write(`coach: skipped ${damaged} damaged line(s) at the end of the session journal\n`);
  const stories = await storiesFor(options.stories, ctx);
  const registry = await registryFor(ctx, options.banks);
  return runSession(journal, events, draft, registry, ctx, stories);
}

async function runSession(
  journal: SessionJournal,
  events: SessionEvent[],
  draft: Draft | undefined,
  registry: Registry,
  ctx: CommandContext,
  stories?: readonly Story[],
): Promise<number> {
  const color = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const width = Math.min(ctx.stdout.columns ?? 88, 100);
  const { questions, options } = startEvent(events);
  // One scorer for the whole session (scorer, model and provider come from its journal); the spinner
  // of each scoring step receives its progress through `progress`.
  let progress: ((received: number, total: number) => void) | undefined;
  const scorer = await createScorer(
    {
      scorer: options.scorer,
      ...givenScorerFlags(options),
    },
    ctx,
    (received, total) => progress?.(received, total),
  );
  const [{ answerPrompt }, { confirm }, { ExitPromptError }, storiesModule] = await Promise.all([
    import('../ui/answer-prompt.js'),
    import('@inquirer/prompts'),
    import('@inquirer/core'),
    stories ? import('./stories.js') : undefined,
  ]);
  // Which of the candidate's stories fit a question: shown before its timer starts, main part only.
  const storyLine = (planned: PlannedQuestion) => {
    if (!stories || !storiesModule) return undefined;
    const bankQuestion = registry.questions.find((q) => q.id === planned.id);
    return storiesModule.storyHint(bankQuestion ?? planned, stories, registry, color);
  };

  // The text on screen, kept in memory on every key so a signal can save it even between draft writes.
  let live: Draft | undefined;
  const saveLive = () => {
    if (live) journal.saveDraft(live);
  };
  // A draft that cannot be written (a full disk) ends the answer at once: the text on screen is
  // then copied elsewhere or printed, rather than typing on while nothing is saved.
  let writeFailure: unknown;
  const onSignal = (signal: NodeJS.Signals, terminalGone = false) => {
    let saved = true;
    try {
      saveLive();
    } catch {
      saved = false;
    }
    try {
      process.stderr.write(
        saved
          ? `\ncoach: ${signal}: your answer is saved; continue with \`coach resume ${journal.id}\`\n`
          : `\ncoach: ${signal}: your answer could not be saved\n`,
      );
    } catch {
      // The terminal is gone (SIGHUP): nobody to tell.
    }
    if (terminalGone || (signal === 'SIGHUP' && terminalIsGone(process.stdin))) releaseDeadTerminal();
    process.exit(128 + ({ SIGINT: 2, SIGHUP: 1, SIGTERM: 15 } as Record<string, number>)[signal]!);
  };
  // EIO from the terminal (a read ending, a raw-mode change failing inside readline) is the terminal
  // hanging up, often before SIGHUP itself: handled like SIGHUP, never as a crash.
  const onTerminalError = (error: unknown) => {
    if (isHangUp(error)) onSignal('SIGHUP', true);
    process.off('uncaughtException', onTerminalError);
    throw error;
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const onSignalEvent = (signal: NodeJS.Signals) => onSignal(signal);
  for (const s of signals) process.on(s, onSignalEvent);
  process.on('uncaughtException', onTerminalError);
  ctx.stdin.on('error', onTerminalError);

  try {
    ctx.stdout.write(
      `${color.bold('Mock interview')} ${color.dim(`· ${questions.length} question${questions.length === 1 ? '' : 's'} · session ${journal.id}`)}\n`,
    );
    for (;;) {
      const step = nextStep(events, draft);
      if (step.kind === 'done') break;
      const planned = questions[step.question]!;

      if (step.kind === 'follow-ups') {
        const followUps = await chooseFollowUps(step.question, events, registry, scorer, ctx);
        journal.append(followUps);
        events.push(followUps);
        // Recorded now rather than when scored, so history's cost includes writing the follow-ups.
        const result = scoreOf(events, step.question);
        if (result) recordAttempt(journal, events, step.question, result, ctx, followUps.usage?.costUsd);
        continue;
      }

      if (step.kind === 'score') {
        // Into history before any network call: an interrupted score leaves the answer there, unscored
        // (the journal holds it too, so a failed write here does not stop the session).
        recordUnscoredFirst(() => recordAttempt(journal, events, step.question, undefined, ctx));
        const spinner = await scoringSpinner(ctx, true);
        progress = spinner.progress;
        let result: ScoreResult;
        try {
          result = await scoreAnswer(step.question, events, registry, scorer, ctx);
        } finally {
          spinner.stop();
          progress = undefined;
        }
        const event: SessionEvent = {
          type: 'score',
          question: step.question,
          result,
          at: new Date().toISOString(),
        };
        journal.append(event);
        events.push(event);
        // When follow-ups are to be written from this score, the attempt is recorded after them.
        if (nextStep(events).kind !== 'follow-ups')
          recordAttempt(journal, events, step.question, result, ctx);
        if (!options.scoreAtEnd) ctx.stdout.write(`\n${renderScore(result, color, width)}\n`);
        continue;
      }

      const header = questionHeader(
        step,
        planned,
        followUpsOf(events, step.question),
        questions.length,
        color,
        width,
        step.part === 0 ? storyLine(planned) : undefined,
      );
      const draftOf = (text: string, elapsedMs: number): Draft => ({
        question: step.question,
        part: step.part,
        text,
        elapsedMs,
        savedAt: new Date().toISOString(),
      });
      live = draftOf(step.draft, step.elapsedMs);
      const stopOnWriteFailure = new AbortController();
      let value: Awaited<ReturnType<typeof answerPrompt>>;
      try {
        value = await answerPrompt(
          {
            header,
            limitSeconds: step.limitSeconds,
            initialText: step.draft,
            initialElapsedMs: step.elapsedMs,
            overtime: options.overtime,
            clock: () => performance.now(),
            color,
            rows: (ctx.stdout as { rows?: number }).rows ?? 40,
            onDraft: (text, elapsedMs) => {
              live = draftOf(text, elapsedMs);
              try {
                journal.saveDraft(live);
              } catch (error) {
                writeFailure = error;
                stopOnWriteFailure.abort();
              }
            },
            onChange: (text, elapsedMs) => {
              live = draftOf(text, elapsedMs);
            },
          },
          { signal: stopOnWriteFailure.signal },
        );
      } catch (error) {
        if (writeFailure) throw writeFailure;
        if (!(error instanceof ExitPromptError)) throw error;
        // First Ctrl-C: save, then ask. A second Ctrl-C (at the question) quits.
        saveLive();
        draft = live;
        const quit = await confirm({
          message: 'Pause here? Your answer so far is saved.',
          default: true,
        }).catch(() => true);
        if (quit) {
          ctx.stderr.write(`Paused. Continue with: coach resume ${journal.id}\n`);
          return EXIT.interrupted;
        }
        continue;
      }
      live = draftOf(value.text, value.elapsedMs);
      const event: SessionEvent = {
        type: 'answer',
        question: step.question,
        part: step.part,
        text: value.text,
        status: value.status,
        elapsedMs: Math.round(value.elapsedMs),
        limitSeconds: step.limitSeconds,
        at: new Date().toISOString(),
      };
      journal.append(event);
      journal.clearDraft();
      events.push(event);
      live = undefined;
      draft = undefined;
    }

    const results = events.flatMap((e) =>
      e.type === 'score' ? [{ question: e.question, result: e.result }] : [],
    );
    if (options.scoreAtEnd) {
      for (const { question, result } of results) {
        ctx.stdout.write(
          `\n${color.bold(`Question ${question + 1}: ${questions[question]!.id}`)}\n${renderScore(result, color, width)}`,
        );
      }
    }
    journal.append({ type: 'end', at: new Date().toISOString() });
    ctx.stdout.write(`\n${sessionSummaryTable(events, color, width)}`);
    ctx.stdout.write(color.dim(`\nTranscript: coach sessions show ${journal.id} --format md\n`));
    return EXIT.ok;
  } catch (error) {
    // A failed write (a full disk): the answer being typed or just submitted exists only in memory.
    if (error instanceof IoError && live?.text.trim()) rescueAnswer(live.text, ctx);
    throw error;
  } finally {
    for (const s of signals) process.off(s, onSignalEvent);
    process.off('uncaughtException', onTerminalError);
    ctx.stdin.off('error', onTerminalError);
  }
}

/** The answer that could not be journaled: copied to a rescue file, or printed when even that fails. */
function rescueAnswer(text: string, ctx: CommandContext): void {
  const where = rescueCopy(text, dataDir(ctx.env), 'answer.txt');
  ctx.stderr.write(
    where
      ? `\ncoach: your answer could not be saved in the session; a copy is in ${where}\n`
      : `\ncoach: your answer could not be saved anywhere; here it is:\n${text}\n`,
  );
}

/**
 * Every answer also goes to history, where drills and stats read it: unscored (no result) before it
 * is scored, then completed under the same id with its score.
 */
function recordAttempt(
  journal: SessionJournal,
  events: readonly SessionEvent[],
  question: number,
  result: ScoreResult | undefined,
  ctx: CommandContext,
  extraCostUsd = 0,
): void {
  const { questions, options } = startEvent(events);
  const planned = questions[question]!;
  const main = events.find((e) => e.type === 'answer' && e.question === question && e.part === 0);
  const now = new Date();
  const context = {
    id: `${journal.id}-${question}`,
    at: now,
    date: localDate(now),
    source: options.source ?? 'practice',
    question: planned,
    answer: main?.type === 'answer' ? main.text : '',
    ...(main?.type === 'answer' ? { elapsedMs: main.elapsedMs, limitSeconds: main.limitSeconds } : {}),
    extraCostUsd,
  };
  new HistoryStore(dataDir(ctx.env)).append([
    result
      ? attemptFrom(result, context)
      : unscoredAttempt({ rubric: { id: planned.rubric }, level: options.level }, options.scorer, context),
  ]);
}

function questionHeader(
  step: { part: number; question: number; prompt: string; limitSeconds: number },
  planned: { category: string; principles: string[]; tenets?: string[] },
  followUps: readonly PlannedFollowUp[],
  total: number,
  color: ChalkInstance,
  width: number,
  /** An extra line under the prompt, such as the stories that fit the question. */
  extra?: string,
): string {
  // Bank text and model-written follow-ups reach the answer screen directly (not through ctx.stdout).
  const principles = planned.principles.map((p) => stripControl(findPrinciple(p)?.name ?? p));
  const tenets = (planned.tenets ?? []).map((t) => stripControl(findTenet(t)?.name ?? t));
  const title =
    step.part === 0
      ? `Question ${step.question + 1} of ${total}`
      : `Follow-up ${step.part} of ${followUps.length} (question ${step.question + 1})`;
  // What the probe is for (its kind), when the bank or the model said.
  const kind = step.part > 0 ? followUps[step.part - 1]?.kind : undefined;
  const meta = [
    ...(kind ? [stripControl(kind)] : []),
    stripControl(planned.category),
    ...(principles.length ? [principles.join(', ')] : []),
    ...(tenets.length ? [`tenets: ${tenets.join(', ')}`] : []),
    formatDuration(step.limitSeconds),
  ];
  return `\n${color.bold(title)}  ${color.dim(meta.join(' · '))}\n${wrap(stripControl(step.prompt), width)}\n${extra ? `${truncate(terminalSafe(extra), width)}\n` : ''}`;
}

type FollowUpsEvent = Extract<SessionEvent, { type: 'followups' }>;

/** Follow-ups generated from the scored answer when the scorer can, else the planned bank follow-ups. */
async function chooseFollowUps(
  question: number,
  events: readonly SessionEvent[],
  registry: Registry,
  scorer: Scorer,
  ctx: CommandContext,
): Promise<FollowUpsEvent> {
  const { questions } = startEvent(events);
  const planned = questions[question]!;
  const result = scoreOf(events, question);
  const rubric = registry.rubrics.get(planned.rubric);
  const bankQuestion = registry.questions.find((q) => q.id === planned.id);
  const at = new Date().toISOString();
  const fallback: FollowUpsEvent = {
    type: 'followups',
    question,
    followUps: planned.followUps,
    source: 'bank',
    at,
  };
  if (!result || !rubric || !bankQuestion || !scorer.followUps) return fallback;
  const spinner = await scoringSpinner(ctx, true);
  try {
    const generated = await scorer.followUps(
      {
        rubric,
        question: bankQuestion,
        prompt: planned.prompt,
        answer: answerOf(events, question, 0)?.text ?? '',
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
    spinner.stop();
  }
}

/** Scores the main answer of a question; it is journaled (fsynced) before this, so a failure cannot lose it. */
async function scoreAnswer(
  question: number,
  events: readonly SessionEvent[],
  registry: Registry,
  scorer: Scorer,
  ctx: CommandContext,
): Promise<ScoreResult> {
  const { questions, options } = startEvent(events);
  const planned = questions[question]!;
  const rubric = registry.rubrics.get(planned.rubric);
  if (!rubric)
    throw new UsageError(`rubric "${planned.rubric}" is no longer available, cannot score ${planned.id}`);
  const bankQuestion = registry.questions.find((q) => q.id === planned.id);
  // --level (kept in the journal), else the config file's level: the scope the judge expects.
  const level = (options.level as Level | undefined) ?? targetLevel(undefined, ctx);
  return scorer.score({
    rubric,
    ...(bankQuestion ? { question: bankQuestion } : {}),
    prompt: planned.prompt,
    answer: answerOf(events, question, 0)?.text ?? '',
    ...(level ? { level } : {}),
    // Practice answers are typed in the terminal, against the clock.
    mode: 'typed',
  });
}

function requireTerminal(ctx: CommandContext, command: string): void {
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) {
    throw new UsageError(
      `coach ${command} is interactive and needs a terminal; for scripts use \`coach drill\` (or \`coach score\` with --answer-file)`,
    );
  }
}

function parsePositive(value: string, flag: string, allowZero = false): number {
  if (!/^\d+$/.test(value) || (!allowZero && Number(value) === 0)) {
    throw new UsageError(
      `${flag} needs a ${allowZero ? 'non-negative' : 'positive'} whole number, got "${value}"`,
    );
  }
  return Number(value);
}
