import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach } from '../helpers/exec.js';
import { useTempDir } from '../helpers/fs.js';
import { HAS_TMUX, TmuxTerminal } from '../helpers/tmux.js';

// These spawn the built bin (node scripts/build.mjs), with NO_COLOR=1 and a temporary COACH_HOME.

const tmp = useTempDir('coach-e2e-stories-');
const FIXTURE = join(import.meta.dirname, '..', 'stories', 'fixtures', 'stories.yaml');

beforeAll(() => {
  assertBuilt();
});

describe('coach stories', () => {
  it('coverage --json prints only the JSON: 16 entries of {principle, stories, count}', () => {
    const run = runCoach(['stories', 'coverage', '--json', '--stories', FIXTURE], { cwd: tmp() });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const rows = JSON.parse(run.stdout) as { principle: string; stories: string[]; count: number }[];
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['principle', 'stories', 'count']);
      expect(row.stories).toHaveLength(row.count);
    }
    expect(rows[0]).toEqual({
      principle: 'customer-obsession',
      stories: ['cloud-bill-cut', 'support-tickets-to-self-serve'],
      count: 2,
    });
  });

  it('without a stories file: exit 2, one line naming `coach stories init`; after init it works', () => {
    const missing = runCoach(['stories', 'coverage'], { cwd: tmp(), env: { COACH_HOME: tmp() } });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(
      'coach: no stories file yet (looked for stories.yaml); create one with `coach stories init`, or pass --stories FILE\n',
    );
    const init = runCoach(['stories', 'init'], { cwd: tmp(), env: { COACH_HOME: tmp() } });
    expect(init.status).toBe(0);
    expect(runCoach(['stories', 'init'], { cwd: tmp(), env: { COACH_HOME: tmp() } }).status).toBe(2);
    const lint = runCoach(['lint'], { cwd: tmp(), env: { COACH_HOME: tmp() } });
    expect(lint.stdout).toMatch(/, 2 stories\): no problems\n$/);
    expect(lint.status).toBe(0);
  });

  it('a stories file nested too deeply to read: exit 2, one line that calls it a stories file', () => {
    const file = join(tmp(), 'deep.yaml');
    writeFileSync(file, `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    const run = runCoach(['stories', 'check', '--stories', file], { cwd: tmp() });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/nested more deeply than a bank, rubric or stories file can be read/);
  });
});

describe.skipIf(!HAS_TMUX)('coach practice --stories in a terminal', () => {
  let terminal: TmuxTerminal | undefined;
  afterEach(() => {
    terminal?.close();
    terminal = undefined;
  });

  it('shows the fitting stories under a behavioral question before its timer starts', async () => {
    terminal = new TmuxTerminal(
      `node bin/coach.js practice --count 1 --seed 1 --no-followups --bank behavioral --principle dive-deep --stories '${FIXTURE}'`,
      { COACH_HOME: tmp(), NO_COLOR: '', TERM: 'xterm-256color' },
    );
    const screen = await terminal.waitFor((s) => /Question 1 of 1/.test(s) && /left/.test(s), 'the question');
    const lines = screen.split('\n');
    const title = lines.findIndex((l) => l.includes('Question 1 of 1'));
    const hint = lines.findIndex((l) => l.startsWith('Your stories: '));
    expect(hint).toBeGreaterThan(title);
    expect(lines[hint]).toMatch(/^Your stories: [a-z0-9-]+ \(.+\)/);
  });
});
