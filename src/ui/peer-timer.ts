import { createPrompt, isEnterKey, useEffect, useKeypress, useState } from '@inquirer/core';
import type { ChalkInstance } from 'chalk';
import { formatClock, timerState } from '../session/timer.js';

export interface PeerTimerConfig {
  limitSeconds: number;
  /** Milliseconds; injected so tests can drive time. */
  clock: () => number;
  color: ChalkInstance;
}

/**
 * The interviewer's clock while the candidate answers. It waits for Enter (the interviewer reads the
 * question out first), then counts down, turning yellow at a quarter of the time left and red in
 * overtime. It never stops the candidate (a person decides that): Enter again ends the answer, and
 * the time the answer took is returned.
 */
export const peerTimer = createPrompt<{ elapsedMs: number }, PeerTimerConfig>((config, done) => {
  const { color } = config;
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(config.clock());
  const [finished, setFinished] = useState<number | null>(null);

  useEffect(() => {
    const tick = setInterval(() => setNow(config.clock()), 250);
    return () => clearInterval(tick);
  }, []);

  useKeypress((key) => {
    if (finished !== null || !isEnterKey(key)) return;
    if (startedAt === null) {
      const at = config.clock();
      setStartedAt(at);
      setNow(at);
      return;
    }
    const elapsedMs = config.clock() - startedAt;
    setFinished(elapsedMs);
    done({ elapsedMs });
  });

  const limit = formatClock(config.limitSeconds * 1000);
  if (finished !== null)
    return color.dim(`  the answer took ${formatClock(finished).replace('+', '')} of ${limit}`);
  if (startedAt === null)
    return `${color.bold(`⏱ ${limit}`)}  ${color.dim('Enter starts the clock once you have read the question out · Ctrl-C quit')}`;
  const state = timerState(config.limitSeconds, now - startedAt);
  const paint = state.expired ? color.red : state.low ? color.yellow : color.green;
  const clock = state.expired
    ? `${formatClock(state.remainingMs)} overtime`
    : `${formatClock(state.remainingMs)} left`;
  return `${paint(`⏱ ${clock}`)}  ${color.dim('Enter when the candidate is done · Ctrl-C quit')}`;
});
