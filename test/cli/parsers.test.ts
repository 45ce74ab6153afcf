import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  calendarDate,
  integerBetween,
  level,
  nonNegativeInteger,
  percentScore,
  positiveInteger,
  timeoutSeconds,
  usd,
} from '../../src/cli/parsers.js';

/** The message a parser refuses `value` with; fails the test when it accepts it. */
function refusal(parse: (value: string) => unknown, value: string): string {
  try {
    parse(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

// Forms that Number() turns into a number but a person did not mean as one.
const NOT_PLAIN_DIGITS = ['0x2', '1e3', ' 3', '3 ', '3.0', '+3', '-3', '3abc', '', '٣', 'Infinity'];
const TOO_BIG = '99999999999999999999';

interface Case {
  parser: (value: string) => unknown;
  accepts: [string, unknown][];
  refuses: string[];
  message: string;
}

/** Each parser: what it accepts (and gives back), what it refuses, and the literal message. */
const CASES: Record<string, Case> = {
  'positiveInteger (--count, --time)': {
    parser: positiveInteger,
    accepts: [
      ['1', 1],
      ['03', 3],
      ['250', 250],
    ],
    refuses: [...NOT_PLAIN_DIGITS, '0', TOO_BIG],
    message: 'needs a whole number of 1 or more, in digits (such as 3)',
  },
  'nonNegativeInteger (--max-warnings, --followups, --seed: 0 means something)': {
    parser: nonNegativeInteger,
    accepts: [
      ['0', 0],
      ['12', 12],
    ],
    refuses: [...NOT_PLAIN_DIGITS, TOO_BIG],
    message: 'needs a whole number of 0 or more, in digits (such as 3)',
  },
  'integerBetween(1, 6) (a bounded whole number)': {
    parser: integerBetween(1, 6),
    accepts: [
      ['1', 1],
      ['4', 4],
      ['6', 6],
    ],
    refuses: [...NOT_PLAIN_DIGITS, '0', '7', TOO_BIG],
    message: 'needs a whole number from 1 to 6, in digits',
  },
  'level (--level)': {
    parser: level,
    accepts: [
      ['L5', 'L5'],
      ['l7', 'L7'],
      ['L8', 'L8'],
    ],
    refuses: ['L4', 'L9', '7', 'L 7', ' L7', 'L7x', ''],
    message: 'needs a level from L5 to L8 (any case, such as L7)',
  },
  'calendarDate (--date, --since): the shape, but not a day': {
    parser: calendarDate,
    accepts: [
      ['2024-02-29', '2024-02-29'],
      ['2026-12-31', '2026-12-31'],
    ],
    refuses: ['2024-02-30', '2023-02-29', '2024-13-45', '2024-00-10', '2024-04-31'],
    message: 'needs a day that is on the calendar (YYYY-MM-DD)',
  },
  'calendarDate (--date, --since): not YYYY-MM-DD': {
    parser: calendarDate,
    accepts: [['2000-01-01', '2000-01-01']],
    refuses: ['2024-2-3', '20240203', '2024/02/03', ' 2024-02-03', '2024-02-03T00:00', 'today', ''],
    message: 'needs a date as YYYY-MM-DD (such as 2024-02-29)',
  },
  'percentScore (--fail-under)': {
    parser: percentScore,
    accepts: [
      ['0', 0],
      ['72.5', 72.5],
      ['100', 100],
    ],
    refuses: ['101', '100.5', '-1', '1e2', '0x10', ' 50', '+50', '50%', '.5', 'x', ''],
    message: 'needs an overall score from 0 to 100 (such as 70 or 72.5)',
  },
  'usd (--max-cost)': {
    parser: usd,
    accepts: [
      ['0.50', 0.5],
      ['$2', 2],
      ['0', 0],
      ['.25', 0.25],
      ['3.', 3],
    ],
    refuses: ['-1', '1e3', '0x2', ' 1', '$', '', 'USD 2', '2$', '1,50'],
    message: 'needs an amount in US dollars (such as 0.50 or 2)',
  },
  'timeoutSeconds (--timeout)': {
    parser: timeoutSeconds,
    accepts: [
      ['1', 1],
      ['2.5', 2.5],
      ['3600', 3600],
    ],
    refuses: ['0', '0.5', '3601', '1e3', '90s', ' 90', '+90', ''],
    message: 'needs a number of seconds from 1 to 3600 (such as 90)',
  },
};

describe.each(Object.entries(CASES))('%s', (_name, { parser, accepts, refuses, message }) => {
  it.each(accepts)('accepts %j as %j', (value, expected) => {
    expect(parser(value)).toBe(expected);
  });

  it.each(refuses)('refuses %j', (value) => {
    expect(refusal(parser, value)).toBe(message);
  });
});
