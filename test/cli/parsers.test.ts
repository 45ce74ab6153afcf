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

describe('positiveInteger (--count, --time)', () => {
  it.each([
    ['1', 1],
    ['3', 3],
    ['03', 3],
    ['250', 250],
  ])('accepts %j as %d', (value, expected) => {
    expect(positiveInteger(value)).toBe(expected);
  });

  it.each([...NOT_PLAIN_DIGITS, '0', '99999999999999999999'])('refuses %j', (value) => {
    expect(refusal(positiveInteger, value)).toBe('needs a whole number of 1 or more, in digits (such as 3)');
  });
});

describe('nonNegativeInteger (--max-warnings, --followups, --seed)', () => {
  it('accepts 0, which these flags give a meaning', () => {
    expect(nonNegativeInteger('0')).toBe(0);
    expect(nonNegativeInteger('12')).toBe(12);
  });

  it.each(NOT_PLAIN_DIGITS)('refuses %j', (value) => {
    expect(refusal(nonNegativeInteger, value)).toBe(
      'needs a whole number of 0 or more, in digits (such as 3)',
    );
  });
});

describe('integerBetween (a bounded whole number)', () => {
  const rounds = integerBetween(1, 6);
  it('accepts both bounds and what lies between', () => {
    expect([rounds('1'), rounds('4'), rounds('6')]).toEqual([1, 4, 6]);
  });

  it.each([...NOT_PLAIN_DIGITS, '0', '7', '99999999999999999999'])('refuses %j', (value) => {
    expect(refusal(rounds, value)).toBe('needs a whole number from 1 to 6, in digits');
  });
});

describe('level (--level)', () => {
  it.each([
    ['L5', 'L5'],
    ['l7', 'L7'],
    ['L8', 'L8'],
  ])('accepts %j as %s', (value, expected) => {
    expect(level(value)).toBe(expected);
  });

  it.each(['L4', 'L9', '7', 'L 7', ' L7', 'L7x', ''])('refuses %j', (value) => {
    expect(refusal(level, value)).toBe('needs a level from L5 to L8 (any case, such as L7)');
  });
});

describe('calendarDate (--date, --since)', () => {
  it.each(['2024-02-29', '2026-12-31', '2000-01-01'])('accepts %j unchanged', (value) => {
    expect(calendarDate(value)).toBe(value);
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-45', '2024-00-10', '2024-04-31'])(
    'refuses %j, which has the shape but is not a day',
    (value) => {
      expect(refusal(calendarDate, value)).toBe('needs a day that is on the calendar (YYYY-MM-DD)');
    },
  );

  it.each(['2024-2-3', '20240203', '2024/02/03', ' 2024-02-03', '2024-02-03T00:00', 'today', ''])(
    'refuses %j, which is not YYYY-MM-DD',
    (value) => {
      expect(refusal(calendarDate, value)).toBe('needs a date as YYYY-MM-DD (such as 2024-02-29)');
    },
  );
});

describe('percentScore (--fail-under)', () => {
  it.each([
    ['0', 0],
    ['70', 70],
    ['72.5', 72.5],
    ['100', 100],
  ])('accepts %j as %d', (value, expected) => {
    expect(percentScore(value)).toBe(expected);
  });

  it.each(['101', '100.5', '-1', '1e2', '0x10', ' 50', '+50', '50%', '.5', 'x', ''])(
    'refuses %j',
    (value) => {
      expect(refusal(percentScore, value)).toBe('needs an overall score from 0 to 100 (such as 70 or 72.5)');
    },
  );
});

describe('usd (--max-cost)', () => {
  it.each([
    ['0.50', 0.5],
    ['$2', 2],
    ['0', 0],
    ['.25', 0.25],
    ['3.', 3],
  ])('accepts %j as %d', (value, expected) => {
    expect(usd(value)).toBe(expected);
  });

  it.each(['-1', '1e3', '0x2', ' 1', '$', '', 'USD 2', '2$', '1,50'])('refuses %j', (value) => {
    expect(refusal(usd, value)).toBe('needs an amount in US dollars (such as 0.50 or 2)');
  });
});

describe('timeoutSeconds (--timeout)', () => {
  it.each([
    ['1', 1],
    ['90', 90],
    ['2.5', 2.5],
    ['3600', 3600],
  ])('accepts %j as %d', (value, expected) => {
    expect(timeoutSeconds(value)).toBe(expected);
  });

  it.each(['0', '0.5', '3601', '1e3', '90s', ' 90', '+90', ''])('refuses %j', (value) => {
    expect(refusal(timeoutSeconds, value)).toBe('needs a number of seconds from 1 to 3600 (such as 90)');
  });
});
