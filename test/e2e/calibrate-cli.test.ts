import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spearman } from '../../src/scoring/agreement.js';
import type { CalibrationReport } from '../../src/scoring/calibration.js';
import { countWords } from '../../src/text/tokens.js';
import { startAnthropicServer } from '../helpers/anthropic-server.js';
import { assertBuilt, runCoach, runCoachAsync, stackLines } from '../helpers/exec.js';
import { useTempDir, writeFiles, yaml } from '../helpers/fs.js';
import { starJudgement, useLocalServer } from '../helpers/local-server.js';
import { repoRoot } from '../helpers/paths.js';

assertBuilt();
const EXAMPLE = join(repoRoot, 'calibration', 'example.yaml');
const VERDICTS = ['strong-no-hire', 'no-hire', 'hire', 'strong-hire'] as const;
const example = parse(readFileSync(EXAMPLE, 'utf8')) as { label: string | number; answer: string }[];
const labelLevel = (l: string | number) =>
  typeof l === 'number' ? l : VERDICTS.indexOf(l as (typeof VERDICTS)[number]) + 1;

/** What --json prints: the report type itself, so the test and the code cannot drift apart. */
type Report = CalibrationReport;

describe('coach calibrate', () => {
  const tmp = useTempDir('coach-calibrate-');

  it('--json on the shipped example prints the documented object, every answer in the confusion', () => {
    const run = runCoach(['calibrate', EXAMPLE, '--json'], { cwd: tmp() });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(Object.keys(report)).toEqual([
      'scorer',
      'n',
      'pairwiseAgreement',
      'spearman',
      'quadraticKappa',
      'baseline',
      'confusion',
      'fallbacks',
      'criteria',
    ]);
    expect(report).toMatchObject({ scorer: 'offline', n: example.length, fallbacks: 0 });
    for (const x of [report.pairwiseAgreement, report.baseline.pairwiseAgreement]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    for (const x of [report.spearman, report.quadraticKappa, report.baseline.spearman]) {
      expect(Math.abs(x!)).toBeLessThanOrEqual(1);
    }
    // The README quotes these (0.87 and 0.80; word count 0.57 and 0.13): a scorer change that moves
    // them updates the README too.
    expect([report.pairwiseAgreement, report.spearman]).toEqual([0.868, 0.799]);
    expect([report.baseline.pairwiseAgreement, report.baseline.spearman]).toEqual([0.568, 0.125]);
    // Each row of the confusion holds exactly the answers the file labels with that verdict.
    expect(Object.keys(report.confusion)).toEqual(VERDICTS);
    for (const [i, verdict] of VERDICTS.entries()) {
      const row = Object.values(report.confusion[verdict]!).reduce((s, n) => s + n, 0);
      expect(row, verdict).toBe(example.filter((e) => labelLevel(e.label) === i + 1).length);
    }
    expect(report.criteria!.map((c) => c.criterion)).toContain('star/ownership');
  });

  it('ships an example whose labels do not follow length, so the word-count baseline is weak', () => {
    const levels = example.map((e) => labelLevel(e.label));
    const words = example.map((e) => countWords(e.answer));
    expect(example.length).toBeGreaterThanOrEqual(12);
    expect(new Set(levels).size).toBe(4);
    expect(Math.abs(spearman(levels, words)!)).toBeLessThan(0.3);
  });

  it('prints a table beside the word-count baseline, the verdicts and what the figures mean', () => {
    const run = runCoach(['calibrate', EXAMPLE], { cwd: tmp() });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Calibration of the offline scorer against 16 labelled answers in /);
    expect(run.stdout).toMatch(/Pairwise agreement +\d\.\d{3} +\d\.\d{3}/);
    expect(run.stdout).toMatch(/Quadratic kappa +-?\d\.\d{3} +-/);
    expect(run.stdout).toMatch(/strong-no-hire +[\d.]+ +[\d.]+/);
    expect(run.stdout).toContain('0.5 is chance');
  });

  it('reports every schema problem on its own line with its position, exit 2, nothing scored', () => {
    writeFiles(tmp(), {
      'set.yaml': yaml`
        - question: bhv-ownership-outside-your-area
          answer: I fixed it.
          label: maybe
        - answer: no question here
          label: 2
        - rubric: star
          prompt: Tell me about a time.
          answer: text
          label: 5
          critera: {results: 2}
      `,
    });
    const run = runCoach(['calibrate', 'set.yaml'], { cwd: tmp() });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(stackLines(run.stderr)).toEqual([]);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      'coach: set.yaml:3:10: [0].label is "maybe"; expected one of: 1, 2, 3, 4, strong-no-hire, no-hire, hire, strong-hire',
      'coach: set.yaml:4:3: [1] needs question, or rubric with prompt',
      'coach: set.yaml:9:10: [2].label is 5; expected one of: 1, 2, 3, 4, strong-no-hire, no-hire, hire, strong-hire',
      'coach: set.yaml:10:3: unknown key "critera" in [2]; did you mean "criteria"?',
    ]);
  });

  it('checks ids against the banks: unknown question, rubric and criterion, each at its place', () => {
    writeFiles(tmp(), {
      'set.json': JSON.stringify(
        [
          { question: 'no-such-question', answer: 'a', label: 1 },
          { rubric: 'nope', prompt: 'p', answer: 'a', label: 'hire' },
          {
            id: 'x',
            question: 'bhv-ownership-outside-your-area',
            answer: 'a',
            label: 3,
            criteria: { resultz: 2 },
          },
        ],
        null,
        1,
      ),
    });
    const run = runCoach(['calibrate', 'set.json'], { cwd: tmp() });
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^coach: set\.json:3:\d+: answer 1: unknown question "no-such-question"/);
    expect(lines[1]).toMatch(
      /^coach: set\.json:8:\d+: answer 2: unknown rubric "nope"; choose one of: .*star/,
    );
    expect(lines[2]).toMatch(
      /^coach: set\.json:19:\d+: answer "x": rubric "star" has no criterion "resultz"/,
    );
    expect(lines[3]).toBe('coach: nothing was scored');
  });

  it('refuses an empty file with one line', () => {
    writeFiles(tmp(), { 'empty.yaml': '# nothing yet\n' });
    const run = runCoach(['calibrate', 'empty.yaml'], { cwd: tmp() });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('coach: empty.yaml:1:1: the calibration file needs at least 1 entry\n');
  });

  it('refuses a missing file, a third scorer and the same scorer twice with one line, exit 2', () => {
    const missing = runCoach(['calibrate', 'missing.yaml'], { cwd: tmp() });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(
      /^coach: cannot read the calibration file missing\.yaml: no such file[^\n]*\n$/,
    );
    const three = runCoach(
      ['calibrate', EXAMPLE, '--scorer', 'offline', '--scorer', 'anthropic', '--scorer', 'offline'],
      { cwd: tmp() },
    );
    expect(three.status).toBe(2);
    expect(three.stderr).toMatch(/^coach: calibrate compares at most two scorers/);
    const twice = runCoach(['calibrate', EXAMPLE, '--scorer', 'offline', '--scorer', 'offline'], {
      cwd: tmp(),
    });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/--scorer offline is given twice/);
  });
});

describe('coach calibrate with an LLM scorer (local Messages API stand-in)', () => {
  const tmp = useTempDir('coach-calibrate-llm-');
  const server = useLocalServer(startAnthropicServer);
  const env = () => ({ ANTHROPIC_API_KEY: 'sk-ant-test-KEY-0123456789', ANTHROPIC_BASE_URL: server().url });

  // Long enough to be judged (the offline guards keep answers too thin to judge from the model).
  const SET = yaml`
    - question: bhv-ownership-outside-your-area
      label: 4
      answer: >-
        Last spring our nightly index build kept failing because the export job another team owned wrote
        partial files. Their backlog had it at low priority, so I spent a week on it with my manager's
        agreement, wrote a fix with a checksum manifest, and asked their lead to review it. Failed builds
        fell from three a week to none, and my own work shipped one sprint late.
    - question: bhv-ownership-outside-your-area
      label: 2
      answer: >-
        Our pipeline was slow and flaky and everybody complained about it in the channels. We talked about
        it in team meetings and in the wider engineering meetings, tried caching and splitting the test
        suites over a few weeks, and some of it helped. In the end things got somewhat better and people
        were generally happier with it.
    - question: bhv-ownership-outside-your-area
      label: 1
      answer: >-
        There was a problem with a shared service that belonged to some other team, and it caused issues
        for a lot of people for quite a while. I mentioned it to my manager a few times during our one to
        ones. Eventually somebody on the other team looked into it and fixed it, so it was fine in the end
        and nobody had to worry about it any more.
  `;

  it('compares two scorers: each against the labels, then with each other', async () => {
    writeFiles(tmp(), { 'set.yaml': SET });
    server().enqueue(
      { kind: 'sse', text: starJudgement(4) },
      { kind: 'sse', text: starJudgement(2) },
      { kind: 'sse', text: starJudgement(1) },
    );
    const run = await runCoachAsync(
      ['calibrate', 'set.yaml', '--scorer', 'offline', '--scorer', 'anthropic', '--json'],
      { cwd: tmp(), env: env() },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      scorers: Report[];
      comparison: { scorers: string[]; n: number; confusion: Record<string, Record<string, number>> };
    };
    expect(out.scorers.map((r) => r.scorer)).toEqual(['offline', 'anthropic']);
    // Levels 4, 2, 1 on every criterion: overall 100, 33, 0, the labels' own order and verdicts.
    expect(out.scorers[1]).toMatchObject({
      n: 3,
      pairwiseAgreement: 1,
      spearman: 1,
      quadraticKappa: 1,
      fallbacks: 0,
    });
    expect(out.scorers[1]!.confusion['strong-hire']!['strong-hire']).toBe(1);
    expect(out.comparison.scorers).toEqual(['offline', 'anthropic']);
    expect(out.comparison.n).toBe(3);
    expect(server().requests.filter((r) => r.path === '/v1/messages')).toHaveLength(3);
  });

  it('counts and warns about answers that fell back to the offline scorer', async () => {
    writeFiles(tmp(), { 'set.yaml': SET });
    server().setFallback({ kind: 'error', status: 500, retryAfterMs: 10 });
    const run = await runCoachAsync(['calibrate', 'set.yaml', '--scorer', 'anthropic', '--json'], {
      cwd: tmp(),
      env: env(),
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: 3 of 3 answers fell back to the offline scorer/);
    expect((JSON.parse(run.stdout) as Report).fallbacks).toBe(3);
  });
});
