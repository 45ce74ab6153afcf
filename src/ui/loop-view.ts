import type { ChalkInstance } from 'chalk';
import type { LoopPlan } from '../loop/plan.js';
import type { SessionEvent } from '../session/engine.js';
import { roundPosition } from '../session/loop.js';
import type { SessionView } from '../session/runner.js';
import { roundBanner } from './loop-round.js';
import type { WritableText } from './sanitize.js';

export interface LoopViewOptions {
  stdout: WritableText;
  color: ChalkInstance;
  width: number;
  plan: LoopPlan;
  /** The events the session starts from: the start event (with the plan), and more when resumed. */
  events: readonly SessionEvent[];
  /** True when `coach resume` continues it (answers or a draft from before). */
  resumed: boolean;
  /** The debrief as text, from the finished session's events. */
  debrief(events: readonly SessionEvent[]): string;
}

/**
 * The practice screen as a loop shows it: the same answer box, with each round announced before its
 * first question (and the current round again when `coach resume` comes back into it), and the
 * debrief instead of the practice summary at the end.
 */
export function loopSessionView<View extends Pick<SessionView, 'started' | 'ask' | 'finished'>>(
  view: View,
  options: LoopViewOptions,
): View {
  const { stdout, color, width, plan } = options;
  let announced: string | undefined;
  return {
    ...view,
    started(session) {
      const rounds = plan.rounds.length;
      stdout.write(
        `${color.bold('Interview loop')} ${color.dim(`· ${plan.level} · ${rounds} round${rounds === 1 ? '' : 's'} · ${session.questions.length} questions · session ${session.journalId}`)}\n`,
      );
    },
    ask(request) {
      const position = roundPosition(options.events, request.question);
      if (position && position.round.id !== announced) {
        // The first round shown by a resumed run says where in the round it picks up.
        stdout.write(roundBanner(position, color, width, options.resumed && announced === undefined));
        announced = position.round.id;
      }
      return view.ask(request);
    },
    finished(events, journalId) {
      stdout.write(`\n${options.debrief(events)}`);
      stdout.write(
        color.dim(`\nThe debrief and every answer: coach sessions show ${journalId} --format md\n`),
      );
    },
  };
}
