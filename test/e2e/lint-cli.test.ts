import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach, stackLines } from '../helpers/exec.js';
import { useTempDir, writeFiles, yaml } from '../helpers/fs.js';
import { aliasBomb, bankWithQuestions, STAR_RUBRIC } from '../helpers/lint.js';
import { repoRoot, sharedPresent, yamlTestSuiteDir } from '../helpers/paths.js';

// These spawn the built bin (node scripts/build.mjs), with NO_COLOR=1 and a temporary COACH_HOME.

const tmp = useTempDir('coach-e2e-');

beforeAll(() => {
  assertBuilt();
});

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

/** A bank whose only finding is one near-duplicate-prompt warning (star is a shipped rubric). */
const ONE_WARNING = bankWithQuestions('warn', [
  { id: 'q-one', prompt: 'Tell me about a time you migrated a payments database without downtime.' },
  { id: 'q-two', prompt: 'Tell me about a time you migrated a payments database without any downtime.' },
]);

describe('coach lint exit codes', () => {
  it('0 for the shipped banks and rubrics (no paths), with the summary on stdout and nothing on stderr', () => {
    const run = runCoach(['lint'], { cwd: tmp() });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^✔ \d+ files \(\d+ questions, \d+ rubrics\): no problems\n$/);
    expect(run.status).toBe(0);
  });

  it('1 for errors; --format json prints only the JSON array on stdout', () => {
    writeFiles(tmp(), {
      'bank.yaml': bankWithQuestions('b', [{ id: 'Bad_Id', prompt: 'Design a chess engine for a phone.' }]),
    });
    const run = runCoach(['lint', '--format', 'json', 'bank.yaml'], { cwd: tmp() });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const problems = JSON.parse(run.stdout) as JsonProblem[];
    expect(run.stdout.trimStart().startsWith('[')).toBe(true);
    expect(problems).toEqual([
      {
        file: 'bank.yaml',
        line: 6,
        column: 9,
        endLine: 6,
        endColumn: 15,
        severity: 'error',
        rule: 'invalid-value',
        message: expect.stringContaining('questions[0].id'),
      },
    ]);
  });

  it('1 when warnings exceed --max-warnings, 0 when they are within it', () => {
    writeFiles(tmp(), { 'bank.yaml': ONE_WARNING });
    const over = runCoach(['lint', '--max-warnings', '0', 'bank.yaml'], { cwd: tmp() });
    expect(over.stdout).toContain('near-duplicate-prompt');
    expect(over.stdout).not.toContain('\u001b['); // NO_COLOR=1: no ANSI codes
    expect(over.stderr).toBe('coach lint: 1 warning, more than --max-warnings 0\n');
    expect(over.status).toBe(1);

    const within = runCoach(['lint', '--max-warnings', '1', 'bank.yaml'], { cwd: tmp() });
    expect(within.stdout).toContain('near-duplicate-prompt');
    expect(within.stderr).toBe('');
    expect(within.status).toBe(0);
  });

  it('2 for an unknown --format, with a short message and no stack trace', () => {
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC });
    const run = runCoach(['lint', '--format', 'xml', 'star.yaml'], { cwd: tmp() });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("'xml' is invalid");
    expect(run.stderr).toContain('stylish, json, github, sarif');
    expect(stackLines(run.stderr)).toEqual([]);
  });

  it('2 for a path that does not exist: one line on stderr, no stack trace', () => {
    const run = runCoach(['lint', 'no-such-dir'], { cwd: tmp() });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('coach: no such file or directory: no-such-dir\n');
    expect(stackLines(run.stderr)).toEqual([]);
  });

  it('2 when a file is unreadable (a dangling symbolic link), which is still reported', () => {
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC });
    symlinkSync('gone.yaml', join(tmp(), 'dangling.yaml'));
    const run = runCoach(['lint', '--format', 'json', '.'], { cwd: tmp() });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as JsonProblem[]).map((p) => `${p.file} ${p.rule}`)).toEqual([
      'dangling.yaml file-unreadable',
    ]);
  });

  it('2 for a malformed project config, naming file:line:col on one line', () => {
    writeFiles(tmp(), { '.interview-coach.yaml': 'banks: 5\n', 'star.yaml': STAR_RUBRIC });
    const run = runCoach(['lint', 'star.yaml'], { cwd: tmp() });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `coach: ${join(tmp(), '.interview-coach.yaml')}:1:8: banks must be a list, not a number\n`,
    );
  });
});

describe('configured banks', () => {
  it('rubrics from --banks count as known in explicit-paths mode', () => {
    writeFiles(tmp(), {
      'bank.yaml': bankWithQuestions('b', [
        { id: 'q-one', prompt: 'Design a chess engine for a phone.' },
      ]).replace('rubric: star', 'rubric: house-style'),
      'extra/house.yaml': STAR_RUBRIC.replace('id: star', 'id: house-style'),
    });
    // Without --banks the same bank gets unknown-rubric: see rules.test.ts.
    const run = runCoach(['lint', '--banks', 'extra', 'bank.yaml'], { cwd: tmp() });
    expect(run.stdout).toMatch(/no problems/);
    expect(run.status).toBe(0);
  });
});

describe('hostile inputs through the bin', () => {
  it('every kind of bad file is reported with its rule; nothing crashes', () => {
    writeFiles(tmp(), {
      'empty.yaml': '',
      'binary.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]),
      'latin1.yaml': Buffer.from('kind: rubric\nname: Jürgen\n', 'latin1'),
      'bomb.yaml': aliasBomb(),
      'deep.yaml': `${'['.repeat(20000)}${']'.repeat(20000)}\n`,
    });
    writeFileSync(join(tmp(), 'huge.yaml'), Buffer.alloc(10 * 1024 * 1024, 'a'));
    symlinkSync('gone.yaml', join(tmp(), 'dangling.yaml'));
    execFileSync('mkfifo', [join(tmp(), 'pipe.yaml')]);

    const run = runCoach(['lint', '--format', 'json', '.'], { cwd: tmp() });
    expect(run.stderr).toBe('');
    expect(run.signal).toBeNull();
    expect(run.status).toBe(2); // unreadable files make it an I/O error
    const problems = JSON.parse(run.stdout) as JsonProblem[];
    const rulesOf = (file: string) => [
      ...new Set(problems.filter((p) => p.file === file).map((p) => p.rule)),
    ];
    expect(rulesOf('empty.yaml')).toEqual(['unknown-kind']);
    expect(rulesOf('binary.yaml')).toEqual(['file-encoding']);
    expect(rulesOf('latin1.yaml')).toEqual(['file-encoding']);
    expect(rulesOf('bomb.yaml')).toEqual(['yaml-unsafe']);
    expect(rulesOf('deep.yaml')).toEqual(['yaml-syntax']);
    expect(rulesOf('huge.yaml')).toEqual(['file-too-large']);
    expect(rulesOf('dangling.yaml')).toEqual(['file-unreadable']);
    expect(rulesOf('pipe.yaml')).toEqual(['file-unreadable']);
  });
});

describe('output formats through the bin', () => {
  it('sarif: the log carries the package version and relative URIs', () => {
    writeFiles(tmp(), {
      'team/bank.yaml': yaml`
        kind: rubric
        id: [star
      `,
    });
    const run = runCoach(['lint', '--format', 'sarif', 'team'], { cwd: tmp() });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.version).toBe(version);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['yaml-syntax']);
    expect(log.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'team/bank.yaml' },
      region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 2 },
    });
  });
});

describe.skipIf(!sharedPresent)('yaml-test-suite through the bin', () => {
  it('lints valid/ and invalid/ in one run with JSON on stdout and nothing on stderr', () => {
    const run = runCoach(['lint', '--format', 'json', 'valid', 'invalid'], { cwd: yamlTestSuiteDir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const problems = JSON.parse(run.stdout) as JsonProblem[];
    const files = new Set(problems.map((p) => p.file));
    const expected = ['valid', 'invalid'].flatMap((d) =>
      readdirSync(join(yamlTestSuiteDir, d))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => `${d}/${f}`),
    );
    expect([...expected].filter((f) => !files.has(f))).toEqual([]);
  });
});
if (!sharedPresent) {
  it.skip(`skipped: ../shared not present (${yamlTestSuiteDir} is missing), so the bin is not run over it`, () => {});
}
