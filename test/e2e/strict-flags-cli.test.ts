import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach, stackLines } from '../helpers/exec.js';
import { useSharedTempDir } from '../helpers/fs.js';

// Issue 18: flag values that Number() or Date.parse() used to let through. The built bin refuses each
// while parsing argv: exit 2, one line naming the flag, the value and the accepted form, no stack.

beforeAll(assertBuilt);
const work = useSharedTempDir('coach-strict-flags-');

describe('strict flag values (built bin)', () => {
  it.each([
    [
      ['drill', '--count', '0x2'],
      'coach: --count needs a whole number of 1 or more, in digits (such as 3), got "0x2"',
    ],
    [
      ['drill', '--date', '2024-02-30'],
      'coach: --date needs a day that is on the calendar (YYYY-MM-DD), got "2024-02-30"',
    ],
    [
      ['stats', '--since', '2024-13-45'],
      'coach: --since needs a day that is on the calendar (YYYY-MM-DD), got "2024-13-45"',
    ],
  ])('coach %j exits 2 with one line', (args, line) => {
    const run = runCoach(args, { cwd: work() });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${line}\n`);
    expect(stackLines(run.stderr)).toEqual([]);
  });

  it('takes the same flags in their plain forms', () => {
    const run = runCoach(['drill', '--count', '2', '--date', '2024-02-29', '--level', 'l7', '--json'], {
      cwd: work(),
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const picked = JSON.parse(run.stdout) as { id: string }[];
    expect(picked).toHaveLength(2);
    const stats = runCoach(['stats', '--since', '2024-02-29', '--json'], { cwd: work() });
    expect(stats.status).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ attempts: 0 });
  });
});
