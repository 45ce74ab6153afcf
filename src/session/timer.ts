/** Countdown arithmetic for the answer screen, over any clock (tests pass a fake one). */

export interface TimerState {
  /** Milliseconds left; negative in overtime. */
  remainingMs: number;
  /** True once a quarter or less of the time is left: the countdown changes colour. */
  low: boolean;
  expired: boolean;
}

export function timerState(limitSeconds: number, elapsedMs: number): TimerState {
  const limitMs = limitSeconds * 1000;
  const remainingMs = limitMs - elapsedMs;
  return { remainingMs, low: remainingMs <= limitMs * 0.25, expired: remainingMs <= 0 };
}

/** "3:07" left, or "+0:42" in overtime. Rounds up while counting down so 0:00 means time is up. */
export function formatClock(remainingMs: number): string {
  const over = remainingMs < 0;
  const seconds = over ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return over ? `+${text}` : text;
}
