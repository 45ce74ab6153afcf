import { randomInt } from 'node:crypto';
import { EXIT, UsageError } from '../errors.js';
import { IoError } from '../fsx/io-error.js';
import { dataDir } from '../paths.js';
import type { Level, Story } from '../schema/index.js';
import type { SessionOptions } from '../session/engine.js';
import { SessionJournal } from '../session/journal.js';
import { withCheckedLoopPlan } from '../session/loop.js';
import { DEFAULT_FOLLOW_UPS, planSession } from '../session/plan.js';
import type { CommandContext } from './context.js';
import { type FilterFlags, registryFor, selectQuestions } from './support/registry.js';
import { chosenScorer, givenScorerFlags, type ScorerFlags } from './support/scorer-choice.js';
import { runSessionOnTerminal, startSession } from './support/session.js';

/** What src/cli/ hands over, already parsed (src/cli/parsers.ts). */
export interface PracticeOptions extends FilterFlags, ScorerFlags {
  /** 1 or more. */
  count?: number;
  /** Seconds, 1 or more. */
  time?: number;
  /** 0 or more. */
  seed?: number;
  level?: Level;
  /** A number (0 or more) bounds the chain of follow-ups; false (--no-followups) asks none. */
  followups?: number | boolean;
  overtime?: boolean;
  scoreAtEnd?: boolean;
  banks?: string[];
  /** Show the stories that fit each behavioral question: a stories file, or true for the default one. */
  stories?: string | boolean;
}

/** `coach practice`: a timed mock interview in the terminal, journaled so nothing typed is lost. */
export async function practiceCommand(options: PracticeOptions, ctx: CommandContext): Promise<number> {
  requireTerminal(ctx, 'practice');
  const { count = 3, time: timeSeconds, level } = options;
  const seed = options.seed ?? randomInt(2 ** 31);

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
    scorer: await chosenScorer(options, ctx),
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
function followUpsWanted(flag: number | boolean | undefined): number {
  if (flag === false) return 0;
  if (flag === undefined || flag === true) return DEFAULT_FOLLOW_UPS;
  return flag;
}

/** The candidate's stories for --stories (read and validated up front), or none without the flag. */
async function storiesFor(
  flag: string | boolean | undefined,
  ctx: CommandContext,
): Promise<Story[] | undefined> {
  if (flag === undefined || flag === false) return undefined;
  // Loaded only with --stories: reading a stories file runs the lint rules, which practice otherwise skips.
  const { readStories } = await import('../stories/load.js');
  return readStories(flag === true ? undefined : flag, ctx).stories;
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
      const [{ default: select }, { ExitPromptError }] = await Promise.all([
        import('@inquirer/select'),
        import('@inquirer/core'),
      ]);
      try {
        id = await select(
          {
            message: 'Resume which session?',
            choices: [...interrupted].reverse().map((s) => ({ value: s })),
          },
          { input: ctx.stdin },
        );
      } catch (error) {
        // Ctrl-C at the picker is an interruption like any other (130), not an error. instanceof
        // matches because the prompts and the answer box share one copy of @inquirer/core.
        if (error instanceof ExitPromptError) return EXIT.interrupted;
        throw error;
      }
    } else {
      id = interrupted[0]!;
    }
  }
  const journal = SessionJournal.open(data, id);
  if (!journal) throw new UsageError(`no session "${id}"; list them with \`coach sessions\``);
  const { events: read, draft, damaged, problem } = journal.read();
  if (problem) throw new IoError(journal.file, problem, 'cannot resume session');
  const events = await withCheckedLoopPlan(read);
  if (events.some((e) => e.type === 'end'))
    throw new UsageError(`session ${id} is already complete; see \`coach sessions show ${id}\``);
  requireTerminal(ctx, 'resume');
  if (damaged > 0)
    ctx.stderr.write(`coach: skipped ${damaged} damaged line(s) at the end of the session journal\n`);
  const stories = await storiesFor(options.stories, ctx);
  const registry = await registryFor(ctx, options.banks);
  return runSessionOnTerminal(journal, events, draft, registry, ctx, stories);
}

function requireTerminal(ctx: CommandContext, command: string): void {
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) {
    throw new UsageError(
      `coach ${command} is interactive and needs a terminal; for scripts use \`coach drill\` (or \`coach score\` with --answer-file)`,
    );
  }
}
