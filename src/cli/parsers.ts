import { InvalidArgumentError } from 'commander';
import type { Level } from '../schema/common.js';
import { LEVELS } from '../schema/levels.js';

/**
 * Commander argument parsers: each flag value is checked once, here, and the command receives the
 * typed value. A message says what the flag needs; the option it is attached to (options.ts,
 * `strictOption`) puts the flag before it and the value given after it:
 * `coach: --count needs a whole number of 1 or more, in digits (such as 3), got "0x2"`.
 * Numbers are plain digits: `0x2`, `1e3`, ` 3`, `+3` and `3abc` would all pass `Number()`, and a
 * typo should be an error, not a different number.
 */

const DIGITS = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

function integerFrom(min: number, value: string): number {
  const n = Number(value);
  if (!DIGITS.test(value) || n < min || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError(`needs a whole number of ${min} or more, in digits (such as 3)`);
  }
  return n;
}

/** A count or size that must be at least 1: `--count`, `--time`. */
export function positiveInteger(value: string): number {
  return integerFrom(1, value);
}

/** A whole number where 0 means something (`--max-warnings 0`, `--followups 0`, `--seed 0`). */
export function nonNegativeInteger(value: string): number {
  return integerFrom(0, value);
}

/** A parser for a whole number with both bounds (`--rounds 1..6`): the message states the range. */
export function integerBetween(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!DIGITS.test(value) || n < min || n > max) {
      throw new InvalidArgumentError(`needs a whole number from ${min} to ${max}, in digits`);
    }
    return n;
  };
}

/** `--level`: L5 to L8, any case, given back upper-case. */
export function level(value: string): Level {
  const upper = value.toUpperCase() as Level;
  if (!LEVELS.includes(upper)) {
    throw new InvalidArgumentError(
      `needs a level from ${LEVELS[0]} to ${LEVELS.at(-1)} (any case, such as L7)`,
    );
  }
  return upper;
}

/**
 * A day as YYYY-MM-DD that exists on the calendar (2024-02-29 yes; 2024-02-30, 2023-02-29 and
 * 2024-13-45 no), given back unchanged: a typo is an error instead of a silently empty range.
 */
export function calendarDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new InvalidArgumentError('needs a date as YYYY-MM-DD (such as 2024-02-29)');
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (day.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('needs a day that is on the calendar (YYYY-MM-DD)');
  }
  return value;
}

/** `--fail-under`: an overall score from 0 to 100, as the scorers report it; decimals allowed. */
export function percentScore(value: string): number {
  const n = Number(value);
  if (!DECIMAL.test(value) || n > 100) {
    throw new InvalidArgumentError('needs an overall score from 0 to 100 (such as 70 or 72.5)');
  }
  return n;
}

/** `--max-cost`: US dollars, with or without the `$` (quote it from the shell), such as 0.50. */
export function usd(value: string): number {
  const amount = value.replace(/^\$/, '');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(amount)) {
    throw new InvalidArgumentError('needs an amount in US dollars (such as 0.50 or 2)');
  }
  return Number(amount);
}

/** `--timeout`: seconds from 1 to 3600 (an hour), decimals allowed. */
export function timeoutSeconds(value: string): number {
  const n = Number(value);
  if (!DECIMAL.test(value) || n < 1 || n > 3600) {
    throw new InvalidArgumentError('needs a number of seconds from 1 to 3600 (such as 90)');
  }
  return n;
}
