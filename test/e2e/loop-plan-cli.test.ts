import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoopPlan } from '../../src/loop/plan.js';
import { loopPlanSchema } from '../../src/loop/plan-schema.js';
import { assertBuilt, runCoach } from '../helpers/exec.js';

/** A working directory with the files a test writes (postings, config). */
function workdir(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'coach-loop-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function planOf(stdout: string): LoopPlan {
  return loopPlanSchema.parse(JSON.parse(stdout));
}

const PAYMENTS = `# Senior Software Engineer, Payments Security

You will build secure payment processing for card transactions: PCI DSS compliance, encryption of
card data at rest and in transit, key management and rotation, fraud detection, threat modeling,
audit logging and least privilege access. Salary and benefits; equal opportunity employer.
`;

beforeAll(() => assertBuilt());

describe('coach loop without running it (spawned, no terminal)', () => {
  it('--plan --json prints exactly the LoopPlan, the same for the same seed', () => {
    const cwd = workdir();
    const a = runCoach(['loop', '--plan', '--json', '--seed', '21'], { cwd });
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    const plan = planOf(a.stdout);
    expect(Object.keys(plan)).toEqual(['level', 'seed', 'job', 'rounds']);
    expect(plan).toMatchObject({ level: 'L6', seed: 21, job: null });
    for (const round of plan.rounds)
      expect(Object.keys(round)).toEqual(['id', 'kind', 'interviewer', 'principles', 'questions', 'minutes']);
    const principles = plan.rounds.flatMap((r) => r.principles);
    expect(new Set(principles).size).toBe(principles.length);
    expect(plan.rounds.at(-1)!.kind).toBe('bar-raiser');
    expect(runCoach(['loop', '--plan', '--json', '--seed', '21'], { cwd }).stdout).toBe(a.stdout);
    expect(runCoach(['loop', '--plan', '--json', '--seed', '22'], { cwd }).stdout).not.toBe(a.stdout);
  });

  it('without a terminal, plain `coach loop` prints the plan as --plan does', () => {
    const cwd = workdir();
    const json = planOf(runCoach(['loop', '--json', '--seed', '4'], { cwd }).stdout);
    const run = runCoach(['loop', '--seed', '4'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Loop for L6, seed 4: 5 rounds, /);
    // Every round and every question of the JSON plan is on the page, with the principle names.
    for (const round of json.rounds) {
      expect(run.stdout).toContain(`${round.id}  `);
      expect(run.stdout).toContain(round.interviewer);
      for (const id of round.questions) expect(run.stdout).toContain(id);
    }
    expect(run.stdout).toContain('Bar raiser');
    expect(run.stdout).toMatch(/Minutes are each round's main answers/);
  });

  it('--rounds, --time and --level are honoured; the level falls back to the config file', () => {
    const cwd = workdir({ '.interview-coach.yaml': 'level: L7\n' });
    const plan = planOf(
      runCoach(['loop', '--plan', '--json', '--seed', '8', '--rounds', '2', '--time', '30'], { cwd }).stdout,
    );
    expect(plan.level).toBe('L7');
    expect(plan.rounds.map((r) => r.kind)).toEqual(['behavioral', 'bar-raiser']);
    for (const round of plan.rounds) expect(round.minutes).toBe(round.questions.length / 2);
    const l5 = planOf(runCoach(['loop', '--plan', '--json', '--seed', '8', '--level', 'l5'], { cwd }).stdout);
    expect(l5.level).toBe('L5');
  });

  it('--job steers the plan and names the terms that steered it', () => {
    const cwd = workdir({ 'payments.md': PAYMENTS });
    const plain = planOf(runCoach(['loop', '--plan', '--json', '--seed', '3'], { cwd }).stdout);
    const run = runCoach(['loop', '--plan', '--json', '--seed', '3', '--job', 'payments.md'], { cwd });
    expect(run.status).toBe(0);
    const tailored = planOf(run.stdout);
    expect(tailored.job?.file).toBe('payments.md');
    expect(tailored.job?.terms).toContain('security');
    expect(tailored.rounds).not.toEqual(plain.rounds);
    const text = runCoach(['loop', '--plan', '--seed', '3', '--job', 'payments.md'], { cwd }).stdout;
    expect(text).toMatch(/Tailored to payments\.md: steered most by .*security/);
  });

  it.each([
    [
      'a missing posting',
      ['--job', 'nope.md'],
      /^coach: cannot read job posting nope\.md: no such file or directory/,
    ],
    [
      'a binary posting',
      ['--job', 'photo.png'],
      /^coach: cannot read job posting photo\.png: not valid UTF-8 text \(at byte \d+\)$/,
    ],
    [
      'a NUL-padded posting',
      ['--job', 'padded.txt'],
      /^coach: cannot read job posting padded\.txt: not text \(a NUL byte at character 5\)$/,
    ],
    ['an empty posting', ['--job', 'empty.txt'], /^coach: cannot read job posting empty\.txt: is empty$/],
    ['a directory', ['--job', '.'], /^coach: cannot read job posting \.: is a directory$/],
    [
      'a huge posting',
      ['--job', 'huge.txt'],
      /^coach: cannot read job posting huge\.txt: over the 256 KiB limit$/,
    ],
    [
      '--rounds 0',
      ['--rounds', '0'],
      /^coach: --rounds needs a whole number from 1 to 8, in digits, got "0"$/,
    ],
    [
      '--rounds 9',
      ['--rounds', '9'],
      /^coach: --rounds needs a whole number from 1 to 8, in digits, got "9"$/,
    ],
    [
      '--time 2.5',
      ['--time', '2.5'],
      /^coach: --time needs a whole number from 1 to 10800, in digits, got "2.5"$/,
    ],
    ['--seed x1', ['--seed', 'x1'], /^coach: --seed needs .*, got "x1"$/],
    ['--level L9', ['--level', 'L9'], /^coach: --level .*, got "L9"$/],
  ])('%s is one line on stderr, exit 2, nothing on stdout', (_name, args, message) => {
    const cwd = workdir({
      'photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xd8, 0x00, 0x10]),
      'padded.txt': 'hello\0\0\0world',
      'empty.txt': '  \n',
      'huge.txt': 'storage '.repeat(40_000),
    });
    const run = runCoach(['loop', '--plan', '--json', ...args], { cwd });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
