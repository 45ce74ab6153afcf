import { Chalk } from 'chalk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scoringSpinner } from '../../src/commands/support/spinner.js';
import { terminalSafe } from '../../src/text/control.js';
import { startSpinner } from '../../src/ui/spinner.js';
import { captureContext } from '../helpers/command-context.js';

/** A terminal-like stream that records every write. */
function terminal(columns = 40) {
  const writes: string[] = [];
  return { writes, stream: { isTTY: true, columns, write: (s: string) => writes.push(s) } };
}

describe('the spinner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('redraws one line with carriage returns only, blanks leftovers, and clears the line on stop', () => {
    const { writes, stream } = terminal();
    const spinner = startSpinner(stream, 'Scoring a long answer…', new Chalk({ level: 0 }), {
      intervalMs: 10,
    });
    expect(writes).toEqual(['\r⠋ Scoring a long answer…']);
    spinner.update('Short');
    vi.advanceTimersByTime(10);
    // The shorter text overwrites the longer one and blanks the rest of it.
    expect(writes[1]).toBe(`\r⠙ Short${' '.repeat('Scoring a long answer…'.length - 'Short'.length)}`);
    spinner.stop();
    expect(writes.at(-1)).toBe(`\r${' '.repeat('⠙ Short'.length)}\r`);
    vi.advanceTimersByTime(100);
    spinner.stop();
    expect(writes).toHaveLength(3);
    // Nothing the control-character filter would strip: it can be drawn through the command's stderr.
    for (const w of writes) expect(terminalSafe(w)).toBe(w);
  });

  it('cuts its line to the terminal width so it never wraps', () => {
    const { writes, stream } = terminal(12);
    startSpinner(stream, 'Scoring your answer…', new Chalk({ level: 0 })).stop();
    expect(writes[0]).toBe('\r⠋ Scoring …');
  });

  it('is drawn on the command context stderr when it is a terminal, and never otherwise', () => {
    const { writes, stream } = terminal();
    const ctx = captureContext({ stderr: stream });
    const shown = scoringSpinner(ctx, true);
    shown.progress?.(2, 5);
    vi.advanceTimersByTime(80);
    shown.stop();
    expect(writes[1]).toContain('Scoring your answer… 2/5 criteria');

    const piped = captureContext();
    const hidden = scoringSpinner(piped, true);
    expect(hidden.progress).toBeUndefined();
    hidden.stop();
    expect(piped.err()).toBe('');
    const off = terminal();
    scoringSpinner(captureContext({ stderr: off.stream }), false).stop();
    scoringSpinner(captureContext({ stderr: off.stream, env: { CI: 'true' } }), true).stop();
    expect(off.writes).toEqual([]);
  });
});
