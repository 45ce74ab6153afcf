import type { ChalkInstance } from 'chalk';
import type { WritableText } from './sanitize.js';
import { truncate, visibleLength } from './text.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Spinner {
  /** Replaces the text after the frame (for progress such as "3/5 criteria"). */
  update(text: string): void;
  /** Clears the line; called in every case, more than once is harmless. */
  stop(): void;
}

/**
 * A one-line spinner drawn on the given stream with carriage returns and spaces only, so it passes
 * the control-character filter every command's output goes through (ui/sanitize.ts): each frame
 * returns to the start of the line, writes the frame and text cut to the terminal's width, and
 * blanks what a longer previous frame left. The caller decides whether the stream is a terminal.
 */
export function startSpinner(
  stream: WritableText,
  text: string,
  color: ChalkInstance,
  { intervalMs = 80 }: { intervalMs?: number } = {},
): Spinner {
  let frame = 0;
  let current = text;
  let shown = 0;
  let stopped = false;
  const draw = () => {
    const line = truncate(
      `${color.cyan(FRAMES[frame % FRAMES.length])} ${current}`,
      (stream.columns ?? 80) - 1,
    );
    const width = visibleLength(line);
    stream.write(`\r${line}${' '.repeat(Math.max(0, shown - width))}`);
    shown = width;
    frame++;
  };
  draw();
  const timer = setInterval(draw, intervalMs);
  // Never the reason the process stays alive.
  timer.unref();
  return {
    update(next) {
      current = next;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      stream.write(`\r${' '.repeat(shown)}\r`);
    },
  };
}
