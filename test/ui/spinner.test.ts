import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scoringSpinner } from '../../src/commands/support/spinner.js';
import { safeStream } from '../../src/ui/sanitize.js';
import { startSpinner } from '../../src/ui/spinner.js';
import { captureContext } from '../helpers/command-context.js';

/**
 * A terminal-like stream with the cursor methods ora draws with; it records writes and cursor moves
 * in order, so a test reads what the terminal would have been told.
 */
function terminal(columns = 40) {
  const events: string[] = [];
  const stream = {
    isTTY: true as const,
    columns,
    rows: 24,
    write(chunk: string) {
      events.push(String(chunk));
      return true;
    },
    cursorTo: () => events.push('<cursorTo>') > 0,
    clearLine: () => events.push('<clearLine>') > 0,
    moveCursor: () => events.push('<moveCursor>') > 0,
    on: () => stream,
    once: () => stream,
    removeListener: () => stream,
  };
  const text = () => events.filter((e) => !e.startsWith('<')).join('');
  return { events, text, stream: stream as unknown as NodeJS.WriteStream };
}

describe('the spinner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws ora frames with its text on the terminal under the filtered stream, and clears the line on stop', async () => {
    const { events, text, stream } = terminal();
    const spinner = startSpinner(safeStream(stream), 'Scoring your answer…', { color: false });
    // ora is loaded when a spinner starts (issue 18: not at start-up); it draws once it is there.
    await vi.dynamicImportSettled();
    expect(text()).toContain('Scoring your answer…');
    spinner.update('Scoring your answer… 2/5 criteria');
    vi.advanceTimersByTime(200);
    expect(text()).toContain('Scoring your answer… 2/5 criteria');
    const before = events.length;
    spinner.stop();
    expect(events.slice(before)).toContain('<clearLine>');
    const after = events.length;
    spinner.stop();
    vi.advanceTimersByTime(500);
    // Stopped means stopped: no more frames, and a second stop is harmless.
    expect(events.length).toBe(after);
  });

  it('filters its text: escape sequences in it never reach the terminal', async () => {
    const { text, stream } = terminal();
    const spinner = startSpinner(safeStream(stream), 'Scoring with \u001b]0;owned\u0007model-x\u001b[2J…', {
      color: false,
    });
    await vi.dynamicImportSettled();
    spinner.stop();
    expect(text()).toContain('Scoring with model-x');
    expect(text()).not.toContain(']0;owned');
    expect(text()).not.toContain('[2J');
  });

  it('a spinner stopped before ora has loaded never draws, even after it loads', async () => {
    const { events, stream } = terminal();
    const spinner = startSpinner(safeStream(stream), 'Scoring your answer…', { color: false });
    spinner.update('Scoring your answer… 1/5 criteria');
    spinner.stop();
    await vi.dynamicImportSettled();
    vi.advanceTimersByTime(500);
    expect(events).toEqual([]);
    // The positive control: the same terminal, not stopped early, is drawn on.
    const drawn = startSpinner(safeStream(stream), 'Scoring your answer…', { color: false });
    await vi.dynamicImportSettled();
    drawn.stop();
    expect(events.join('')).toContain('Scoring your answer…');
  });

  it('draws nothing when the stream is not a terminal', () => {
    const writes: string[] = [];
    const piped = safeStream({ write: (s: string) => writes.push(s) });
    const spinner = startSpinner(piped, 'Scoring your answer…', { color: false });
    spinner.update('more');
    vi.advanceTimersByTime(500);
    spinner.stop();
    expect(writes).toEqual([]);
  });

  it('is drawn on the command context stderr when it is a terminal, and never otherwise', async () => {
    const { text, stream } = terminal();
    const ctx = captureContext({ stderr: safeStream(stream) });
    const shown = scoringSpinner(ctx, true);
    shown.progress?.(2, 5);
    await vi.dynamicImportSettled();
    vi.advanceTimersByTime(200);
    shown.stop();
    expect(text()).toContain('Scoring your answer… 2/5 criteria');

    const piped = captureContext();
    const hidden = scoringSpinner(piped, true);
    expect(hidden.progress).toBeUndefined();
    hidden.stop();
    expect(piped.err()).toBe('');
    const off = terminal();
    scoringSpinner(captureContext({ stderr: safeStream(off.stream) }), false).stop();
    scoringSpinner(captureContext({ stderr: safeStream(off.stream), env: { CI: 'true' } }), true).stop();
    expect(off.events).toEqual([]);
  });
});
