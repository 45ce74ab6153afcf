import type { Ora } from 'ora';
import { stripControl, type WritableText } from './sanitize.js';

export interface Spinner {
  /** Replaces the text after the frame (for progress such as "3/5 criteria"). */
  update(text: string): void;
  /** Clears the line; called in every case, more than once is harmless. */
  stop(): void;
}

/**
 * An ora spinner on the terminal under the given (filtered) stream. ora draws with cursor control,
 * which the control-character filter every command's output goes through would strip
 * (ui/sanitize.ts), so it writes to the stream's `terminal`, and its text is filtered here instead.
 * No terminal, no spinner. The caller decides whether one is wanted (CI, --json).
 *
 * Start-up (issue 18): ora and what it imports (string-width's Intl.Segmenter among them) load only
 * when a spinner starts, so `coach practice` does not pay for them before the first score. The first
 * frame may come a few milliseconds late; a spinner stopped before ora loaded never draws.
 */
export function startSpinner(stream: WritableText, text: string, { color }: { color: boolean }): Spinner {
  const terminal = stream.terminal;
  if (!terminal) return { update: () => {}, stop: () => {} };
  let current = stripControl(text);
  let stopped = false;
  let spinner: Ora | undefined;
  void import('ora').then(({ default: ora }) => {
    if (stopped) return;
    spinner = ora({
      stream: terminal,
      text: current,
      color: color ? 'cyan' : false,
      // ora would also stay off in CI; the caller has already decided (commands/support/spinner.ts).
      isEnabled: true,
      // The practice session reads the next answer right after scoring: keep what is typed meanwhile.
      discardStdin: false,
    }).start();
  });
  return {
    update(next) {
      current = stripControl(next);
      if (spinner) spinner.text = current;
    },
    stop() {
      stopped = true;
      if (spinner?.isSpinning) spinner.stop();
    },
  };
}
