import { colorLevel } from '../../ui/color.js';
import { startSpinner } from '../../ui/spinner.js';
import type { CommandContext } from '../context.js';

export interface ProgressSpinner {
  /** Feeds "received/total unit" to the spinner; undefined when none is shown. */
  progress: ((received: number, total: number) => void) | undefined;
  stop(): void;
}

/**
 * A spinner on the command's stderr while scoring: only when it is an interactive terminal (not with
 * TERM=dumb or in CI, where frames would pile up in a log) and never with --json.
 */
export function scoringSpinner(
  ctx: CommandContext,
  enabled: boolean,
  text = 'Scoring your answer…',
  unit = 'criteria',
): ProgressSpinner {
  if (!enabled || !ctx.stderr.isTTY || ctx.env.TERM === 'dumb' || 'CI' in ctx.env) {
    return { progress: undefined, stop: () => {} };
  }
  const spinner = startSpinner(ctx.stderr, text, {
    color: colorLevel(ctx.stderr, ctx.env, ctx.noColor) > 0,
  });
  return {
    progress: (received, total) => spinner.update(`${text} ${received}/${total} ${unit}`),
    stop: () => spinner.stop(),
  };
}
