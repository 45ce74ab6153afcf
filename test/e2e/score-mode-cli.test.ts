import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach, stackLines } from '../helpers/exec.js';
import { useTempDir } from '../helpers/fs.js';

const tmp = useTempDir('coach-e2e-');
beforeAll(assertBuilt);

describe('coach score --mode', () => {
  it('exits 2 with one line naming the choices for an unknown mode', () => {
    const run = runCoach(
      ['score', '--rubric', 'star', '--prompt', 'Tell me about a time.', '--mode', 'sung'],
      {
        cwd: tmp(),
        input: 'an answer',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("'sung' is invalid");
    expect(run.stderr).toContain('typed, spoken');
    expect(stackLines(run.stderr)).toEqual([]);
  });
});
