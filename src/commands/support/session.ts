import type { ChalkInstance } from 'chalk';
import type { Registry } from '../../banks/registry.js';
import { EXIT } from '../../errors.js';
import { rescueCopy } from '../../fsx/rescue-copy.js';
import { HistoryStore } from '../../history/store.js';
import type { LoopPlan } from '../../loop/plan.js';
import { dataDir } from '../../paths.js';
import type { Story } from '../../schema/index.js';
import { type Draft, type SessionEvent, type SessionOptions, startEvent } from '../../session/engine.js';
import { SessionJournal } from '../../session/journal.js';
import { loopDebrief, loopOf } from '../../session/loop.js';
import type { PlannedQuestion } from '../../session/plan.js';
import { type SessionOutcome, SessionRunner } from '../../session/runner.js';
import { colorFor } from '../../ui/color.js';
import { renderDebrief } from '../../ui/debrief.js';
import { loopSessionView } from '../../ui/loop-view.js';
import { terminalSessionView } from '../../ui/session-view.js';
import { proseWidth, terminalWidth } from '../../ui/width.js';
import type { CommandContext } from '../context.js';
import { createScorer, givenScorerFlags } from './scorer-choice.js';
import { scoringSpinner } from './spinner.js';
import { targetLevel } from './target-level.js';
import { withTerminalSignals } from './terminal-signals.js';

/**
 * Journals a new session of planned questions and runs it on the terminal (practice, drill, and a
 * loop, whose plan is kept in the start event so resume and the debrief can read its rounds).
 */
export async function startSession(
  questions: PlannedQuestion[],
  options: SessionOptions,
  registry: Registry,
  ctx: CommandContext,
  stories?: readonly Story[],
  loop?: LoopPlan,
): Promise<number> {
  const journal = SessionJournal.create(dataDir(ctx.env), new Date());
  const start: SessionEvent = {
    type: 'start',
    version: 1,
    id: journal.id,
    startedAt: new Date().toISOString(),
    options,
    questions,
    ...(loop ? { loop } : {}),
  };
  journal.append(start);
  return runSessionOnTerminal(journal, [start], undefined, registry, ctx, stories);
}

/**
 * Runs a journaled session (new or resumed) on the terminal and returns the exit status: 0 when it
 * completes, 130 when the candidate pauses it. The scorer is the one the journal names, so a resumed
 * session scores as it started; the spinner of each scoring step shows the scorer's progress.
 */
export async function runSessionOnTerminal(
  journal: SessionJournal,
  events: SessionEvent[],
  draft: Draft | undefined,
  registry: Registry,
  ctx: CommandContext,
  stories?: readonly Story[],
): Promise<number> {
  const color = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const width = proseWidth(terminalWidth(ctx.stdout));
  const { options } = startEvent(events);
  let progress: ((received: number, total: number) => void) | undefined;
  // A journal written before LLM settings were refused for the offline scorer may hold some; they
  // were ignored then, and still are.
  const scorer = await createScorer(
    options.scorer === 'offline'
      ? { scorer: 'offline' }
      : { scorer: options.scorer, ...givenScorerFlags(options) },
    ctx,
    (received, total) => progress?.(received, total),
  );
  const defaultLevel = await targetLevel(undefined, ctx);
  // Only with --stories: matching stories to questions loads the offline scorer's text analysis.
  const storyHint = stories ? await storyHintFor(stories, registry, color) : undefined;
  const practiceView = terminalSessionView({
    stdin: ctx.stdin,
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    color,
    width,
    ...(storyHint ? { extraLine: ({ planned }) => storyHint(planned) } : {}),
  });
  // A loop: the same screen, with its rounds announced and the debrief at the end.
  const plan = loopOf(events);
  const screen = plan
    ? loopSessionView(practiceView, {
        stdout: ctx.stdout,
        color,
        width,
        plan,
        events,
        resumed: events.length > 1 || draft !== undefined,
        debrief: (finished) => renderDebrief(loopDebrief(finished, registry.questions)!, color, width),
      })
    : practiceView;
  const runner = new SessionRunner(journal, events, draft, {
    registry,
    scorer,
    history: new HistoryStore(dataDir(ctx.env)),
    ...(defaultLevel ? { defaultLevel } : {}),
    view: {
      ...screen,
      async busy(task) {
        const spinner = scoringSpinner(ctx, true);
        if (task === 'scoring') progress = spinner.progress;
        return {
          stop: () => {
            spinner.stop();
            progress = undefined;
          },
        };
      },
      answerLost: (text) => rescueAnswer(text, ctx),
    },
  });
  const outcome = await withSessionSignals(ctx, runner);
  return outcome.status === 'paused' ? EXIT.interrupted : EXIT.ok;
}

/** Which of the candidate's stories fit a question: the line shown before its timer starts. */
async function storyHintFor(stories: readonly Story[], registry: Registry, color: ChalkInstance) {
  const [{ storiesThatFit }, { storyHintLine }] = await Promise.all([
    import('../../stories/suggest.js'),
    import('../../ui/story-hint.js'),
  ]);
  return (planned: PlannedQuestion) => {
    const bankQuestion = registry.questions.find((q) => q.id === planned.id);
    const fits = storiesThatFit(bankQuestion ?? planned, stories, registry);
    return fits && storyHintLine(fits, color);
  };
}

/**
 * Runs the session with the process's signals handled (see withTerminalSignals): the answer on
 * screen is saved first, and the line says how to resume.
 */
function withSessionSignals(ctx: CommandContext, runner: SessionRunner): Promise<SessionOutcome> {
  return withTerminalSignals(
    ctx,
    () => runner.run(),
    () => {
      try {
        runner.saveOnScreen();
        return `your answer is saved; continue with \`coach resume ${runner.journalId}\``;
      } catch {
        return 'your answer could not be saved';
      }
    },
  );
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
