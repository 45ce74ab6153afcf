import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDuplicates } from '../../bench/corpus.mjs';
import { asksHypothetically } from '../../src/lint/hypothetical.js';
import type { Problem, RuleId, Severity } from '../../src/lint/problem.js';
import { RULES } from '../../src/lint/problem.js';
import { SHIPPED_RUBRICS_DIR } from '../../src/paths.js';
import { useTempDir, writeFiles, yaml } from '../helpers/fs.js';
import { aliasBomb, bankWithQuestions, lintIn, STAR_RUBRIC, where } from '../helpers/lint.js';

const tmp = useTempDir('coach-rules-');

/** Every rule a test below expects; the last test checks that no rule in RULES was left out. */
const covered = new Set<RuleId>();

/**
 * The exact problem expected: file, span (line, column, endLine, endColumn), severity and rule,
 * plus a fragment of the message (the message wording is not the point of these tests).
 */
function problem(
  file: string,
  [line, column, endLine, endColumn]: [number, number, number, number],
  severity: Severity,
  rule: RuleId,
  message: string | RegExp = '',
) {
  covered.add(rule);
  return {
    file,
    line,
    column,
    endLine,
    endColumn,
    severity,
    rule,
    message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message),
  };
}

async function lintFiles(files: Record<string, string | Uint8Array>, paths = ['.']): Promise<Problem[]> {
  writeFiles(tmp(), files);
  return (await lintIn(tmp(), paths)).problems;
}

/**
 * A valid one-question bank: each test below changes one thing in it. Line numbers, for reading
 * the expected positions:  3 title  6 "- id: q-one"  8 prompt  9 levels  10 principles  11 rubric
 * 12 timeLimitSeconds  13 followUps  14 signals  15 pitfalls.
 */
const VALID_BANK = yaml`
  kind: question-bank
  id: sample
  title: Sample bank
  description: A bank for tests.
  questions:
    - id: q-one
      category: testing
      prompt: Tell me about a time you migrated a payments database without downtime.
      levels: [L5]
      principles: [dive-deep]
      rubric: star
      timeLimitSeconds: 240
      followUps: [{kind: role, prompt: What did you do?}, {kind: data, prompt: How did you know?}, {kind: reflection, prompt: What went wrong?}]
      signals: [Numbers]
      pitfalls: [Vague]
`;

describe('the baseline fixtures', () => {
  it('a valid bank and rubric lint clean, so every finding below comes from the one change made', async () => {
    writeFiles(tmp(), { 'bank.yaml': VALID_BANK, 'star.yaml': STAR_RUBRIC });
    const result = await lintIn(tmp());
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ files: 2, questions: 1, rubrics: 1, errorCount: 0, warningCount: 0 });
  });
});

describe('file rules', () => {
  it('file-unreadable: a dangling symbolic link', async () => {
    symlinkSync('nowhere.yaml', join(tmp(), 'dangling.yaml'));
    const result = await lintIn(tmp());
    expect(result.problems).toEqual([
      problem('dangling.yaml', [1, 1, 1, 1], 'error', 'file-unreadable', 'broken symbolic link'),
    ]);
    expect(result.ioError).toBe(true);
  });

  it('file-unreadable: a FIFO (named pipe), which must not block the reader', async () => {
    execFileSync('mkfifo', [join(tmp(), 'pipe.yaml')]);
    const result = await lintIn(tmp());
    expect(result.problems).toEqual([
      problem('pipe.yaml', [1, 1, 1, 1], 'error', 'file-unreadable', 'not a regular file'),
    ]);
    expect(result.ioError).toBe(true);
  });

  const isRoot = process.getuid?.() === 0;
  it.skipIf(isRoot)(
    'file-unreadable: a directory that cannot be listed (skipped when running as root: root lists any directory)',
    async () => {
      const locked = join(tmp(), 'locked');
      mkdirSync(locked);
      writeFileSync(join(locked, 'a.yaml'), VALID_BANK);
      chmodSync(locked, 0o000);
      try {
        const result = await lintIn(tmp());
        expect(result.problems).toEqual([
          problem('locked', [1, 1, 1, 1], 'error', 'file-unreadable', 'cannot read directory'),
        ]);
        expect(result.ioError).toBe(true);
      } finally {
        chmodSync(locked, 0o755);
      }
    },
  );

  it('file-too-large: a file just over 2 MiB is refused without being parsed', async () => {
    const problems = await lintFiles({ 'big.yaml': `# ${'x'.repeat(2 * 1024 * 1024)}\n` });
    expect(problems).toEqual([problem('big.yaml', [1, 1, 1, 1], 'error', 'file-too-large', '2.0 MiB limit')]);
  });

  it('file-too-large: exactly 2 MiB is still read', async () => {
    const padding = 2 * 1024 * 1024 - VALID_BANK.length - 3;
    const problems = await lintFiles({ 'bank.yaml': `${VALID_BANK}# ${'x'.repeat(padding)}\n` });
    expect(problems.map((p) => p.rule)).toEqual(['unknown-rubric']);
  });

  it('file-encoding: NUL bytes mean a binary file', async () => {
    const problems = await lintFiles({ 'nul.yaml': Buffer.from('kind: rubric\n\0\0\0\n') });
    expect(problems).toEqual([problem('nul.yaml', [1, 1, 1, 1], 'error', 'file-encoding', 'NUL bytes')]);
  });

  it('file-encoding: bytes that are not UTF-8 (Latin-1 é)', async () => {
    const problems = await lintFiles({
      'latin1.yaml': Buffer.from('kind: rubric\nname: caf\xe9\n', 'latin1'),
    });
    expect(problems).toEqual([
      problem('latin1.yaml', [1, 1, 1, 1], 'error', 'file-encoding', 'not valid UTF-8'),
    ]);
  });
});

describe('YAML rules', () => {
  it('yaml-syntax: an unclosed flow sequence, reported where the parser gave up', async () => {
    const problems = await lintFiles({
      'broken.yaml': yaml`
        kind: rubric
        id: [star
      `,
    });
    expect(problems).toEqual([problem('broken.yaml', [3, 1, 3, 2], 'error', 'yaml-syntax', 'Flow sequence')]);
  });

  it('control-character: double-quoted escapes and raw characters that could drive a terminal', async () => {
    const problems = await lintFiles({
      'osc.yaml': VALID_BANK.replace('title: Sample bank', 'title: "Sample \\e]0;pwned\\a"'),
      'raw.yaml': VALID_BANK.replace('id: sample', 'id: raw')
        .replace('q-one', 'q-raw')
        .replace('title: Sample bank', 'title: Sample \u001b[2J bank'),
    });
    expect(problems.filter((p) => p.rule === 'control-character')).toEqual([
      problem('osc.yaml', [3, 16, 3, 18], 'error', 'control-character', 'escape \\e'),
      problem('osc.yaml', [3, 26, 3, 28], 'error', 'control-character', 'escape \\a'),
      problem('raw.yaml', [3, 15, 3, 16], 'error', 'control-character', 'U+001B'),
    ]);
    // A backslash outside double quotes is literal text, not an escape.
    const plain = await lintFiles({
      'plain.yaml': VALID_BANK.replace('title: Sample bank', "title: 'C:\\e\\path'"),
    });
    expect(plain.filter((p) => p.file === 'plain.yaml' && p.rule === 'control-character')).toEqual([]);
  });

  it('yaml-duplicate-key: the second occurrence is reported, in the same mapping', async () => {
    const problems = await lintFiles({
      'dup.yaml': yaml`
        kind: question-bank
        id: sample
        title: First
        description: A bank.
        title: Second
      `,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'dup.yaml', line: 5, column: 1, rule: 'yaml-duplicate-key' });
    covered.add('yaml-duplicate-key');
  });

  it('yaml-duplicate-key: the message names the whole key and the span covers it', async () => {
    const problems = await lintFiles({
      'dup.yaml': yaml`
        kind: question-bank
        id: sample
        title: First
        description: A bank.
        title: Second
      `,
    });
    expect(problems).toEqual([
      problem('dup.yaml', [5, 1, 5, 6], 'error', 'yaml-duplicate-key', 'duplicate key "title"'),
    ]);
  });

  it('yaml-unsafe: a custom tag', async () => {
    const problems = await lintFiles({
      'tag.yaml': yaml`
        kind: rubric
        id: !foo star
      `,
    });
    expect(problems).toEqual([problem('tag.yaml', [2, 5, 2, 9], 'error', 'yaml-unsafe', 'tag !foo')]);
  });

  it('yaml-unsafe: a YAML 1.1 tag such as !!binary', async () => {
    const problems = await lintFiles({
      'binary.yaml': yaml`
        kind: rubric
        id: !!binary aGVsbG8=
      `,
    });
    expect(problems).toEqual([problem('binary.yaml', [2, 5, 2, 13], 'error', 'yaml-unsafe', 'tag !!binary')]);
  });

  it('yaml-unsafe: an alias bomb (a billion laughs) is refused, not expanded', async () => {
    const problems = await lintFiles({ 'bomb.yaml': aliasBomb() });
    expect(problems).toEqual([
      problem('bomb.yaml', [1, 1, 1, 1], 'error', 'yaml-unsafe', 'too many aliases'),
    ]);
  });

  it('multiple-documents: a second document after ---', async () => {
    const problems = await lintFiles({
      'two.yaml': yaml`
        kind: rubric
        ---
        kind: rubric
      `,
    });
    expect(problems).toEqual([
      problem('two.yaml', [2, 1, 4, 1], 'error', 'multiple-documents', 'more than one YAML document'),
    ]);
  });
});

describe('unknown-kind', () => {
  it.each([
    ['an empty file', '', [1, 1, 1, 1], 'empty document'],
    ['only a comment', '# nothing here\n', [1, 1, 1, 1], 'empty document'],
    ['a list document', '- a\n- b\n', [1, 1, 1, 1], 'the document is a list'],
    ['a plain scalar', 'just text\n', [1, 1, 1, 1], 'the document is a string'],
    ['a mapping without kind', 'id: x\nname: y\n', [1, 1, 1, 1], 'no `kind:` key'],
    [
      'kind: something-else',
      'title: t\nkind: something-else\n',
      [2, 7, 2, 21],
      'unknown kind "something-else"',
    ],
  ] as const)('%s', async (_name, text, span, message) => {
    const problems = await lintFiles({ 'x.yaml': text });
    expect(problems).toEqual([problem('x.yaml', [...span], 'error', 'unknown-kind', message)]);
  });
});

describe('schema rules', () => {
  it('missing-key: points at the first line of the mapping where the key must be added', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('    timeLimitSeconds: 240\n', ''),
    });
    expect(problems).toEqual([
      problem('bank.yaml', [6, 5, 6, 7], 'error', 'missing-key', 'missing required key "timeLimitSeconds"'),
    ]);
  });

  it('missing-key: a missing top-level key points at the first key of the file', async () => {
    const problems = await lintFiles({
      'r.yaml': yaml`
        kind: rubric
        id: star
        appliesTo: behavioral
        criteria:
          - id: structure
            name: Structure
            weight: 1
            description: Clear story.
            levels: {1: a, 2: b, 3: c, 4: d}
      `,
    });
    expect(problems).toEqual([
      problem('r.yaml', [1, 1, 1, 5], 'error', 'missing-key', 'missing required key "name"'),
    ]);
  });

  it('missing-key: a missing enum value (appliesTo) is a missing key, not an invalid value', async () => {
    const problems = await lintFiles({
      'r.yaml': yaml`
        kind: rubric
        id: star
        name: STAR
        criteria:
          - id: structure
            name: Structure
            weight: 1
            description: Clear story.
            levels: {1: a, 2: b, 3: c, 4: d}
      `,
    });
    expect(problems).toEqual([
      problem('r.yaml', [1, 1, 1, 5], 'error', 'missing-key', 'missing required key "appliesTo"'),
    ]);
  });

  it('unknown-key: points at the key and suggests the close known key', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('    followUps:', '    followUp:'),
    });
    expect(problems).toEqual([
      problem('bank.yaml', [6, 5, 6, 7], 'error', 'missing-key', 'missing required key "followUps"'),
      problem(
        'bank.yaml',
        [13, 5, 13, 13],
        'error',
        'unknown-key',
        'unknown key "followUp" in questions[0]; did you mean "followUps"?',
      ),
    ]);
  });

  it('unknown-key: with no close match, lists the allowed keys', async () => {
    const problems = await lintFiles({
      'bank.yaml': `${VALID_BANK.replace('questions:', 'zzz: 1\nquestions:')}`,
    });
    expect(problems).toContainEqual(
      problem(
        'bank.yaml',
        [5, 1, 5, 4],
        'error',
        'unknown-key',
        'unknown key "zzz"; allowed keys: kind, id, title, description, questions',
      ),
    );
  });

  it('wrong-type: text where a number belongs', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('timeLimitSeconds: 240', 'timeLimitSeconds: "240"'),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [12, 23, 12, 28],
        'error',
        'wrong-type',
        'questions[0].timeLimitSeconds must be a number, not text',
      ),
    ]);
  });

  it('wrong-type: a number where a list belongs', async () => {
    const problems = await lintFiles({
      'bank.yaml': yaml`
        kind: question-bank
        id: sample
        title: Sample bank
        description: A bank for tests.
        questions: 5
      `,
    });
    expect(problems).toEqual([
      problem('bank.yaml', [5, 12, 5, 13], 'error', 'wrong-type', 'questions must be a list, not a number'),
    ]);
  });

  it('wrong-type: a key with no value points at the key', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('pitfalls: [Vague]', 'pitfalls:'),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [15, 5, 15, 13],
        'error',
        'wrong-type',
        'questions[0].pitfalls is empty; expected a list',
      ),
    ]);
  });

  it('invalid-value: a level that does not exist (L9)', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('levels: [L5]', 'levels: [L5, L9]'),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [9, 18, 9, 20],
        'error',
        'invalid-value',
        'questions[0].levels[1] is "L9"; expected one of: L5, L6, L7, L8',
      ),
    ]);
  });

  it('invalid-value: an id that is not lower-case words joined by hyphens', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('id: q-one', 'id: Q_One'),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [6, 9, 6, 14],
        'error',
        'invalid-value',
        'questions[0].id: must be lower-case words',
      ),
    ]);
  });

  it('invalid-value: blank text', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('title: Sample bank', 'title: "   "'),
    });
    expect(problems).toEqual([
      problem('bank.yaml', [3, 8, 3, 13], 'error', 'invalid-value', 'title must not be empty'),
    ]);
  });

  it('invalid-value: a zero time limit is rejected with a message that is true of 0', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('timeLimitSeconds: 240', 'timeLimitSeconds: 0'),
    });
    expect(problems).toEqual([
      problem('bank.yaml', [12, 23, 12, 24], 'error', 'invalid-value', 'timeLimitSeconds'),
    ]);
    // "must be at least 0" would be false of the value 0: the bound is exclusive.
    expect(problems[0]!.message).not.toMatch(/at least 0\b/);
  });

  it('invalid-value: a number over its maximum says so in words', async () => {
    const problems = await lintFiles({ 'r.yaml': STAR_RUBRIC.replace('weight: 0.6', 'weight: 1.5') });
    expect(problems).toContainEqual(
      problem('r.yaml', [13, 13, 13, 16], 'error', 'invalid-value', 'criteria[1].weight must be at most 1'),
    );
  });

  it('empty-list: signals: []', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('signals: [Numbers]', 'signals: []'),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [14, 14, 14, 16],
        'error',
        'empty-list',
        'questions[0].signals needs at least 1 entry',
      ),
    ]);
  });

  it('empty-list: a bank without questions', async () => {
    const problems = await lintFiles({
      'bank.yaml': yaml`
        kind: question-bank
        id: sample
        title: Sample bank
        description: A bank for tests.
        questions: []
      `,
    });
    expect(problems).toEqual([
      problem('bank.yaml', [5, 12, 5, 14], 'error', 'empty-list', 'questions needs at least 1 entry'),
    ]);
  });
});

describe('cross-file rules', () => {
  const TWO_QUESTIONS = yaml`
    kind: question-bank
    id: sample
    title: Sample bank
    description: A bank for tests.
    questions:
      - id: q-one
        category: testing
        prompt: Tell me about a time you migrated a payments database without downtime.
        levels: [L5]
        rubric: star
        timeLimitSeconds: 240
        followUps: [{kind: role, prompt: What did you do?}, {kind: data, prompt: How did you know?}, {kind: reflection, prompt: What went wrong?}]
        signals: [Numbers]
        pitfalls: [Vague]
      - id: q-one
        category: testing
        prompt: Design a global rate limiter for a public API with ten million clients.
        levels: [L6]
        rubric: star
        timeLimitSeconds: 2400
        followUps: [{kind: role, prompt: What did you do?}, {kind: data, prompt: How did you know?}, {kind: reflection, prompt: How does it fail?}]
        signals: [Trade-offs]
        pitfalls: [No numbers]
  `;

  it('duplicate-id: the same question id twice in one file, reported at the second', async () => {
    const problems = await lintFiles({ 'star.yaml': STAR_RUBRIC, 'bank.yaml': TWO_QUESTIONS });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [15, 9, 15, 14],
        'error',
        'duplicate-id',
        'question id "q-one" is already used (earlier in this file, questions[0])',
      ),
    ]);
  });

  it('duplicate-id: the same question id in two files, naming the first file', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'a.yaml': VALID_BANK,
      'b.yaml': bankWithQuestions('other', [{ id: 'q-one', prompt: 'Design a chess engine for a phone.' }]),
    });
    expect(problems).toEqual([
      problem(
        'b.yaml',
        [6, 9, 6, 14],
        'error',
        'duplicate-id',
        'question id "q-one" is already used (a.yaml, questions[0])',
      ),
    ]);
  });

  it('duplicate-id: two banks with the same bank id', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'a.yaml': VALID_BANK,
      'b.yaml': bankWithQuestions('sample', [{ id: 'q-two', prompt: 'Design a chess engine for a phone.' }]),
    });
    expect(problems).toEqual([
      problem('b.yaml', [2, 5, 2, 11], 'error', 'duplicate-id', 'bank id "sample" is already used by a.yaml'),
    ]);
  });

  it('duplicate-id: a criterion id used twice in one rubric', async () => {
    const problems = await lintFiles({
      'r.yaml': yaml`
        kind: rubric
        id: star
        name: STAR
        appliesTo: behavioral
        criteria:
          - id: structure
            name: Structure
            weight: 0.5
            description: Clear story.
            levels: {1: a, 2: b, 3: c, 4: d}
          - id: structure
            name: Structure again
            weight: 0.5
            description: Clear story.
            levels: {1: a, 2: b, 3: c, 4: d}
      `,
    });
    expect(problems).toEqual([
      problem('r.yaml', [11, 9, 11, 18], 'error', 'duplicate-id', 'criterion id "structure" appears twice'),
    ]);
  });

  it('unknown-rubric: suggests the close rubric id and lists the known ones', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('rubric: star', 'rubric: strr'),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [11, 13, 11, 17],
        'error',
        'unknown-rubric',
        'rubric "strr" does not exist; did you mean "star"?; known rubrics: star',
      ),
    ]);
  });

  it('unknown-principle: each unknown entry is reported at its own position', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace(
        'principles: [dive-deep]',
        'principles: [dive-deep, dive-deeper, customer-obsesion]',
      ),
    });
    expect(problems).toEqual([
      problem('bank.yaml', [10, 29, 10, 40], 'error', 'unknown-principle', 'did you mean "dive-deep"?'),
      problem(
        'bank.yaml',
        [10, 42, 10, 59],
        'error',
        'unknown-principle',
        'did you mean "customer-obsession"?',
      ),
    ]);
  });

  it('unknown-focus-criterion: each id its rubric lacks is reported at its own position', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace(
        'rubric: star',
        'rubric: star\n    focusCriteria: [impact, strcture, results]',
      ),
    });
    expect(problems).toEqual([
      problem('bank.yaml', [12, 29, 12, 37], 'error', 'unknown-focus-criterion', 'did you mean "structure"?'),
      problem(
        'bank.yaml',
        [12, 39, 12, 46],
        'error',
        'unknown-focus-criterion',
        'criterion "results" is not in rubric "star"; its criteria: structure, impact',
      ),
    ]);
  });

  it('unknown-focus-criterion: focus ids resolve against a rubric outside the linted paths', async () => {
    writeFiles(tmp(), {
      'rubrics/star.yaml': STAR_RUBRIC,
      'banks/bank.yaml': VALID_BANK.replace(
        'rubric: star',
        'rubric: star\n    focusCriteria: [impact, reach]',
      ),
    });
    const { problems } = await lintIn(tmp(), ['banks'], { referencePaths: ['rubrics'] });
    expect(where(problems)).toEqual(['banks/bank.yaml:12:29 unknown-focus-criterion']);
  });

  it('a focus naming only criteria the rubric has lints clean', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('rubric: star', 'rubric: star\n    focusCriteria: [impact]'),
    });
    expect(problems).toEqual([]);
  });

  it.each([
    [29, true],
    [30, false],
    [3600, false],
    [3601, true],
  ])('time-limit-range: %i seconds is %s', async (seconds, flagged) => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('timeLimitSeconds: 240', `timeLimitSeconds: ${seconds}`),
    });
    const end = 23 + String(seconds).length;
    expect(problems).toEqual(
      flagged
        ? [problem('bank.yaml', [12, 23, 12, end], 'error', 'time-limit-range', `time limit of ${seconds} s`)]
        : [],
    );
  });

  it('rubric-weights: weights that do not sum to 1, reported at the criteria key', async () => {
    const problems = await lintFiles({ 'star.yaml': STAR_RUBRIC.replace('weight: 0.6', 'weight: 0.5') });
    expect(problems).toEqual([
      problem('star.yaml', [5, 1, 5, 9], 'error', 'rubric-weights', 'criterion weights sum to 0.9, not 1'),
    ]);
  });

  it('rubric-weights: floating-point sums such as 0.2 + 0.7 + 0.1 count as 1', async () => {
    const rubric = yaml`
      kind: rubric
      id: star
      name: STAR
      appliesTo: behavioral
      criteria:
        - {id: a, name: A, weight: 0.2, description: d, levels: {1: a, 2: b, 3: c, 4: d}}
        - {id: b, name: B, weight: 0.7, description: d, levels: {1: a, 2: b, 3: c, 4: d}}
        - {id: c, name: C, weight: 0.1, description: d, levels: {1: a, 2: b, 3: c, 4: d}}
    `;
    expect(0.2 + 0.7 + 0.1).not.toBe(1); // the case the tolerance exists for
    expect(await lintFiles({ 'star.yaml': rubric })).toEqual([]);
  });

  it('near-duplicate-prompt: a warning at the later prompt, naming the earlier question and file', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'a.yaml': VALID_BANK,
      'b.yaml': bankWithQuestions('other', [
        {
          id: 'q-two',
          prompt: 'Tell me about a time you migrated a payments database without any downtime.',
        },
      ]),
    });
    expect(problems).toEqual([
      problem(
        'b.yaml',
        [8, 13, 8, 90],
        'warning',
        'near-duplicate-prompt',
        'prompt of "q-two" is 100% similar to "q-one" (a.yaml)',
      ),
    ]);
  });

  it('near-duplicate-prompt and duplicate-id: copies are each reported once against the first, with a count', async () => {
    writeDuplicates(tmp(), { copies: 300, sameId: true });
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC });
    const problems = await lintFiles({});
    for (const rule of ['near-duplicate-prompt', 'duplicate-id'] as const) {
      const found = problems.filter((p) => p.rule === rule);
      // Linear in the questions: one finding per copy after the first, never one per pair.
      expect(found).toHaveLength(299);
      expect(new Set(found.map((p) => p.line)).size).toBe(299);
      expect(found.every((p) => p.message.includes('300 questions'))).toBe(true);
    }
    const first = problems.find((p) => p.rule === 'duplicate-id')!;
    // Positions: the second copy's id (each copy is 10 lines; the list starts on line 6).
    expect([first.line, first.column]).toEqual([16, 9]);
    expect(first.message).toContain('questions[0]');
  });
});

describe('follow-up kinds and STAR prompts', () => {
  const PROBES =
    '[{kind: role, prompt: What did you do?}, {kind: data, prompt: How did you know?}, {kind: reflection, prompt: What went wrong?}]';

  it('invalid-value: an unknown follow-up kind points at the kind and lists the kinds', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('kind: data', 'kind: metrics'),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [13, 64, 13, 71],
        'error',
        'invalid-value',
        'questions[0].followUps[1].kind is "metrics"; expected one of: role, data, challenge, reflection, second-example, deep-dive, trade-off',
      ),
    ]);
  });

  it('invalid-value: a blank follow-up prompt points at followUps[i].prompt', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('prompt: What did you do?', 'prompt: ""'),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [13, 38, 13, 40],
        'error',
        'invalid-value',
        'questions[0].followUps[0].prompt must not be empty',
      ),
    ]);
  });

  it('a follow-up that is neither text nor {kind, prompt} is one wrong-type, not "invalid input"', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace('{kind: data, prompt: How did you know?}', '42'),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [13, 57, 13, 59],
        'error',
        'wrong-type',
        'questions[0].followUps[1] must be text or a mapping, not a number',
      ),
    ]);
  });

  it('star-follow-ups: a STAR question with one plain probe lacks three, a role and a closing probe', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace(PROBES, '[What went wrong?]'),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [13, 5, 13, 14],
        'warning',
        'star-follow-ups',
        '"q-one" uses the star rubric but its follow-ups lack at least 3 follow-ups (has 1), one of kind role, one of kind reflection or second-example',
      ),
    ]);
  });

  it('star-follow-ups: three probes with a role and a second example are enough; a missing role alone is named', async () => {
    const example = PROBES.replace('kind: reflection', 'kind: second-example');
    expect(
      await lintFiles({ 'star.yaml': STAR_RUBRIC, 'bank.yaml': VALID_BANK.replace(PROBES, example) }),
    ).toEqual([]);
    const noRole = PROBES.replace('kind: role', 'kind: challenge');
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace(PROBES, noRole),
    });
    expect(problems.map((p) => p.message)).toEqual([
      '"q-one" uses the star rubric but its follow-ups lack one of kind role',
    ]);
  });

  it('star-follow-ups: questions scored by another rubric are not held to it', async () => {
    const rubric = STAR_RUBRIC.replace('id: star', 'id: system-design');
    const bank = VALID_BANK.replace('rubric: star', 'rubric: system-design').replace(
      PROBES,
      '[Why not a queue?]',
    );
    expect(await lintFiles({ 'design.yaml': rubric, 'bank.yaml': bank })).toEqual([]);
  });

  it('hypothetical-star-prompt: a STAR prompt that asks what the candidate would do', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': VALID_BANK.replace(
        'Tell me about a time you migrated a payments database without downtime.',
        'How would you migrate a payments database without downtime?',
      ),
    });
    expect(problems).toEqual([
      problem(
        'bank.yaml',
        [8, 13, 8, 72],
        'warning',
        'hypothetical-star-prompt',
        '"q-one" uses the star rubric but asks what the candidate would do',
      ),
    ]);
  });

  it.each([
    ['What would you do if a peer team missed a deadline that your launch depended on?', true],
    ['Imagine your best engineer wants to leave. What do you say?', true],
    ['Describe how you would run an incident review.', true],
    ['Tell me about a time you missed a deadline. What would you do differently now?', false],
    ['Give an example of a decision you reversed, and what you would keep the same.', false],
    ['Describe a time you changed your mind after hearing a junior engineer out.', false],
  ])('asksHypothetically(%j) is %s', (prompt, expected) => {
    expect(asksHypothetically(prompt)).toBe(expected);
  });
});

describe('a question with schema errors still takes part in the cross-file rules', () => {
  it('reports duplicate-id, unknown-rubric, unknown-principle and time-limit-range next to the schema errors', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': yaml`
        kind: question-bank
        id: sample
        title: Sample bank
        description: A bank for tests.
        questions:
          - id: q-one
            category: testing
            prompt: Tell me about a time you migrated a payments database without downtime.
            levels: [L5]
            rubric: star
            timeLimitSeconds: 240
            followUps: [{kind: role, prompt: What did you do?}, {kind: data, prompt: How did you know?}, {kind: reflection, prompt: What went wrong?}]
            signals: [Numbers]
            pitfalls: [Vague]
          - id: q-one
            category: Not A Slug
            prompt: Design a global rate limiter for a public API with ten million clients.
            levels: [L9]
            principles: [frugal]
            rubric: system-desing
            timeLimitSeconds: 5
            followUps: []
            signals: [Trade-offs]
            pitfalls: [No numbers]
      `,
    });
    expect(where(problems)).toEqual([
      'bank.yaml:15:9 duplicate-id',
      'bank.yaml:16:15 invalid-value',
      'bank.yaml:18:14 invalid-value',
      'bank.yaml:19:18 unknown-principle',
      'bank.yaml:20:13 unknown-rubric',
      'bank.yaml:21:23 time-limit-range',
      'bank.yaml:22:16 empty-list',
    ]);
  });

  it('a question whose id is itself invalid is not reported as a duplicate', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC,
      'bank.yaml': `${VALID_BANK}${VALID_BANK.split('questions:\n')[1]!.replace('id: q-one', 'id: 42')}`,
    });
    expect(where(problems)).toEqual(['bank.yaml:16:9 wrong-type', 'bank.yaml:18:13 near-duplicate-prompt']);
  });
});

describe('a rubric with schema errors keeps its id', () => {
  const BROKEN_STAR = STAR_RUBRIC.replace('appliesTo: behavioral', 'appliesTo: speech');

  it('questions that use it do not get a spurious unknown-rubric', async () => {
    const problems = await lintFiles({ 'star.yaml': BROKEN_STAR, 'bank.yaml': VALID_BANK });
    expect(where(problems)).toEqual(['star.yaml:4:12 invalid-value']);
  });

  it('a second rubric with the same id is still a duplicate', async () => {
    const problems = await lintFiles({ 'a.yaml': BROKEN_STAR, 'b.yaml': STAR_RUBRIC });
    expect(where(problems)).toEqual(['a.yaml:4:12 invalid-value', 'b.yaml:2:5 duplicate-id']);
    expect(problems[1]!.message).toBe('rubric id "star" is already used by a.yaml');
  });

  it('a rubric whose id itself is invalid is not known', async () => {
    const problems = await lintFiles({
      'star.yaml': STAR_RUBRIC.replace('id: star\n', 'id: Star Rubric\n'),
      'bank.yaml': VALID_BANK,
    });
    expect(where(problems)).toEqual(['bank.yaml:11:13 unknown-rubric', 'star.yaml:2:5 invalid-value']);
  });

  it('a reference rubric with schema errors still counts as known', async () => {
    writeFiles(tmp(), { 'bank.yaml': VALID_BANK, 'ref/star.yaml': BROKEN_STAR });
    const result = await lintIn(tmp(), ['bank.yaml'], { referencePaths: ['ref'] });
    expect(result.problems).toEqual([]);
  });
});

describe('explicit paths and reference rubrics', () => {
  it('a user bank referring to the shipped rubric "star" is clean when the shipped rubrics are a reference', async () => {
    writeFiles(tmp(), { 'bank.yaml': VALID_BANK });
    const result = await lintIn(tmp(), ['bank.yaml'], { referencePaths: [SHIPPED_RUBRICS_DIR] });
    expect(result.problems).toEqual([]);
    // Reference files are not linted themselves.
    expect(result).toMatchObject({ files: 1, rubrics: 0, questions: 1 });
  });

  it('the same bank without the reference gets unknown-rubric', async () => {
    writeFiles(tmp(), { 'bank.yaml': VALID_BANK });
    const result = await lintIn(tmp(), ['bank.yaml']);
    expect(result.problems).toEqual([
      problem('bank.yaml', [11, 13, 11, 17], 'error', 'unknown-rubric', 'rubric "star" does not exist'),
    ]);
  });

  it('a reference file that is also linted is linted once (no duplicate-id with itself)', async () => {
    writeFiles(tmp(), { 'bank.yaml': VALID_BANK, 'rubrics/star.yaml': STAR_RUBRIC });
    const result = await lintIn(tmp(), ['.'], { referencePaths: ['rubrics'] });
    expect(result.problems).toEqual([]);
    expect(result.rubrics).toBe(1);
  });

  it('a path that does not exist is a usage error, not a finding', async () => {
    await expect(lintIn(tmp(), ['missing.yaml'])).rejects.toMatchObject({
      name: 'UsageError',
      exitCode: 2,
      message: 'no such file or directory: missing.yaml',
    });
  });
});

describe('rule coverage', () => {
  it('every rule in RULES has a test above with an exact position', () => {
    const untested = (Object.keys(RULES) as RuleId[]).filter((rule) => !covered.has(rule));
    expect(untested).toEqual([]);
  });
});
