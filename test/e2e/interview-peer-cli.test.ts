import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach, stackLines } from '../helpers/exec.js';

// `coach interview --peer` without a terminal: the built bin, stdin not a TTY.

beforeAll(assertBuilt);

const PLAN = {
  level: 'L6',
  seed: 7,
  job: null,
  rounds: [
    {
      id: 'r1',
      kind: 'behavioral',
      interviewer: 'Hiring manager',
      principles: ['ownership', 'dive-deep'],
      questions: ['bhv-ownership-outside-your-area', 'aiml-silent-model-decay'],
      minutes: 8,
    },
    {
      id: 'r2',
      kind: 'system-design',
      interviewer: 'Senior engineer',
      principles: [],
      questions: ['css-lambda-p99-init-latency'],
      minutes: 20,
    },
    {
      id: 'r3',
      kind: 'bar-raiser',
      interviewer: 'Bar raiser',
      principles: ['deliver-results'],
      questions: ['aiml-bolt-ml-onto-legacy'],
      minutes: 5,
    },
  ],
};

function dirWithPlan(plan: unknown = PLAN): string {
  const dir = mkdtempSync(join(tmpdir(), 'coach-peer-'));
  writeFileSync(join(dir, 'plan.json'), `${JSON.stringify(plan, null, 2)}\n`);
  return dir;
}

interface Sheet {
  round: { id: string; kind: string; interviewer: string } | null;
  question: { id: string; timeLimitSeconds: number };
  probes: { kind: string | null; prompt: string }[];
  rubric: {
    id: string;
    focusCriteria: string[] | null;
    criteria: { id: string; weight: number; levels: Record<string, string> }[];
  };
  signals: string[];
  pitfalls: string[];
}

const sheets = (stdout: string) => JSON.parse(stdout) as Sheet[];

describe('coach interview --peer without a terminal', () => {
  it('exits 2 with one line naming --json when asked to run the interactive screen', () => {
    const run = runCoach(['interview', '--peer', 'bhv-ownership-outside-your-area'], { cwd: dirWithPlan() });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/interactive and needs a terminal; --json prints the interviewer's sheet/);
  });

  it("prints the interviewer's sheet with --json: probes in interview order, every level descriptor", () => {
    const run = runCoach(['interview', '--peer', 'bhv-ownership-outside-your-area', '--json'], {
      cwd: dirWithPlan(),
    });
    expect(run.status).toBe(0);
    const [sheet, ...rest] = sheets(run.stdout);
    expect(rest).toEqual([]);
    expect(sheet!.round).toBeNull();
    expect(sheet!.question).toMatchObject({ id: 'bhv-ownership-outside-your-area', timeLimitSeconds: 240 });
    // role first, then the evidence, the push-back, and the reflection last.
    const kinds = sheet!.probes.map((p) => p.kind);
    expect(kinds[0]).toBe('role');
    expect(kinds.at(-1)).toBe('reflection');
    expect(kinds.indexOf('challenge')).toBeGreaterThan(kinds.lastIndexOf('data'));
    expect(sheet!.rubric.id).toBe('star');
    expect(sheet!.rubric.criteria).toHaveLength(7);
    for (const c of sheet!.rubric.criteria) expect(Object.keys(c.levels)).toEqual(['1', '2', '3', '4']);
    expect(sheet!.signals.length).toBeGreaterThan(0);
    expect(sheet!.pitfalls.length).toBeGreaterThan(0);
  });

  it('--plan FILE --round r2 gives that round’s question, with its share of the round’s minutes and its focus', () => {
    const run = runCoach(['interview', '--peer', '--plan', 'plan.json', '--round', 'r2', '--json'], {
      cwd: dirWithPlan(),
    });
    expect(run.status).toBe(0);
    const list = sheets(run.stdout);
    expect(list.map((s) => s.question.id)).toEqual(['css-lambda-p99-init-latency']);
    expect(list[0]!.round).toMatchObject({ id: 'r2', kind: 'system-design', interviewer: 'Senior engineer' });
    expect(list[0]!.question.timeLimitSeconds).toBe(20 * 60);
    // A focused deep-dive: the interviewer judges only its focus criteria, weights summing to 1.
    const focus = list[0]!.rubric.focusCriteria!;
    expect(list[0]!.rubric.criteria.map((c) => c.id)).toEqual(focus);
    expect(list[0]!.rubric.criteria.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 2);
  });

  it('--round r1 splits the round’s minutes between its questions; no --round runs every round in order', () => {
    const cwd = dirWithPlan();
    const r1 = sheets(
      runCoach(['interview', '--peer', '--plan', 'plan.json', '--round', 'r1', '--json'], { cwd }).stdout,
    );
    expect(r1.map((s) => [s.question.id, s.question.timeLimitSeconds])).toEqual([
      ['bhv-ownership-outside-your-area', 240],
      ['aiml-silent-model-decay', 240],
    ]);
    const all = sheets(runCoach(['interview', '--peer', '--plan', 'plan.json', '--json'], { cwd }).stdout);
    expect(all.map((s) => `${s.round!.id}:${s.question.id}`)).toEqual([
      'r1:bhv-ownership-outside-your-area',
      'r1:aiml-silent-model-decay',
      'r2:css-lambda-p99-init-latency',
      'r3:aiml-bolt-ml-onto-legacy',
    ]);
  });

  it('refuses a round the plan lacks, a question the banks lack, and misplaced flags, one line each', () => {
    const cwd = dirWithPlan();
    const noRound = runCoach(['interview', '--peer', '--plan', 'plan.json', '--round', 'r9', '--json'], {
      cwd,
    });
    expect(noRound.status).toBe(2);
    expect(noRound.stderr.trim()).toBe('coach: plan.json has no round "r9"; its rounds: r1, r2, r3');

    const broken = structuredClone(PLAN);
    broken.rounds[1]!.questions = ['no-such-question'];
    const unknown = runCoach(['interview', '--peer', '--plan', 'plan.json', '--json'], {
      cwd: dirWithPlan(broken),
    });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(
      /^coach: plan\.json:\d+:\d+: round r2 asks unknown question "no-such-question"/,
    );

    for (const args of [
      ['interview', 'bhv-ownership-outside-your-area', '--json'],
      ['interview', '--peer', '--round', 'r1', '--json'],
      ['interview', '--peer', '--plan', 'plan.json', '--round', 'r1', '--transcript', 'plan.json'],
    ]) {
      const run = runCoach(args, { cwd });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(stackLines(run.stderr)).toEqual([]);
    }
  });

  it('reads back exactly what `coach loop --plan --json` prints, every round in order', () => {
    const cwd = dirWithPlan();
    const loop = runCoach(['loop', '--plan', '--json', '--seed', '11', '--rounds', '3'], { cwd });
    expect(loop.status).toBe(0);
    writeFileSync(join(cwd, 'loop.json'), loop.stdout);
    const plan = JSON.parse(loop.stdout) as { rounds: { id: string; questions: string[] }[] };
    const run = runCoach(['interview', '--peer', '--plan', 'loop.json', '--json'], { cwd });
    expect(run.status).toBe(0);
    expect(sheets(run.stdout).map((s) => `${s.round!.id}:${s.question.id}`)).toEqual(
      plan.rounds.flatMap((r) => r.questions.map((q) => `${r.id}:${q}`)),
    );
  });
});
