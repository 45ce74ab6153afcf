import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lint/problem.js';
import { isSimpleYaml } from '../../src/yaml/gate.js';
import { useTempDir, writeFiles, yaml } from '../helpers/fs.js';
import { bankWithQuestions, lintIn, STAR_RUBRIC } from '../helpers/lint.js';

const tmp = useTempDir('coach-positions-');

const span = (p: Problem) => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.rule}`;

async function spans(files: Record<string, string | Uint8Array>, file: string): Promise<string[]> {
  writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC, ...files });
  const { problems } = await lintIn(tmp());
  return problems.filter((p) => p.file === file).map(span);
}

/** Schema problems (unknown key, bad value) and a cross-file one (duplicate id) in one bank. */
const BANK = yaml`
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
      levels: [L6, L10]
      rubric: star
      timeLimitSeconds: 2400
      followUps: [How does it fail?]
      signals: [Trade-offs]
      pitfalls: [No numbers]
      extra: true
`;

const EXPECTED = ['15:9-15:14 duplicate-id', '18:18-18:21 invalid-value', '24:5-24:10 unknown-key'];

describe('line and column are the same whatever the line endings and BOM', () => {
  it('LF', async () => {
    expect(await spans({ 'bank.yaml': BANK }, 'bank.yaml')).toEqual(EXPECTED);
  });

  it('CRLF', async () => {
    expect(await spans({ 'bank.yaml': BANK.replace(/\n/g, '\r\n') }, 'bank.yaml')).toEqual(EXPECTED);
  });

  it('a UTF-8 byte order mark does not shift columns on line 1', async () => {
    const rubric = yaml`
      kind: rubric
      id: Star
      appliesTo: design
    `;
    expect(await spans({ 'r.yaml': `\ufeff${rubric}` }, 'r.yaml')).toEqual([
      '1:1-1:5 missing-key',
      '1:1-1:5 missing-key',
      '2:5-2:9 invalid-value',
    ]);
    expect(await spans({ 'bank.yaml': `\ufeff${BANK}` }, 'bank.yaml')).toEqual(EXPECTED);
  });

  it('columns count characters, not bytes, after multi-byte text on the same line', async () => {
    // "é€" is 2 characters but 5 bytes in UTF-8; byte columns would put L10 at 18:27.
    const text = BANK.replace('levels: [L6, L10]', 'levels: [L6, "é€", L10]');
    expect(await spans({ 'bank.yaml': text }, 'bank.yaml')).toEqual([
      '15:9-15:14 duplicate-id',
      '18:18-18:22 invalid-value',
      '18:24-18:27 invalid-value',
      '24:5-24:10 unknown-key',
    ]);
  });
});

describe('where a problem points', () => {
  it('an unknown key in a nested mapping points at the key, with a suggestion from that mapping', async () => {
    const rubric = yaml`
      kind: rubric
      id: star
      name: STAR
      appliesTo: behavioral
      criteria:
        - id: structure
          name: Structure
          weight: 1
          description: Clear story.
          levels: {1: a, 2: b, 3: c, 4: d}
          hints:
            phrase: [first, then]
    `;
    writeFiles(tmp(), { 'star.yaml': rubric });
    const { problems } = await lintIn(tmp());
    expect(problems.map(span)).toEqual(['12:7-12:13 unknown-key']);
    expect(problems[0]!.message).toBe('unknown key "phrase" in criteria[0].hints; did you mean "phrases"?');
  });

  it('a key missing from a flow mapping points at the start of that mapping', async () => {
    const r = STAR_RUBRIC.replace(
      'levels: {1: none, 2: weak, 3: clear, 4: crisp}',
      'levels: {1: none, 2: weak, 3: clear}',
    );
    expect(await spans({ 'star.yaml': r }, 'star.yaml')).toEqual(['10:13-10:15 missing-key']);
  });

  it('an item of a sequence points at that item', async () => {
    const bank = BANK.replace('followUps: [How does it fail?]', 'followUps: [How does it fail?, "  "]');
    expect(await spans({ 'bank.yaml': bank }, 'bank.yaml')).toEqual([
      '15:9-15:14 duplicate-id',
      '18:18-18:21 invalid-value',
      '21:36-21:40 invalid-value',
      '24:5-24:10 unknown-key',
    ]);
  });

  it('a block scalar prompt is reported from its indicator', async () => {
    const bank = yaml`
      kind: question-bank
      id: sample
      title: Sample bank
      description: A bank for tests.
      questions:
        - id: q-one
          category: testing
          prompt: >-
            Tell me about a time you migrated a payments
            database without downtime.
          levels: [L5]
          rubric: star
          timeLimitSeconds: 240
          followUps: [{kind: role, prompt: What did you do?}, {kind: data, prompt: How did you know?}, {kind: reflection, prompt: What went wrong?}]
          signals: [Numbers]
          pitfalls: [Vague]
        - id: q-two
          category: testing
          prompt: >-
            Tell me about a time you migrated a payments
            database without any downtime at all.
          levels: [L5]
          rubric: star
          timeLimitSeconds: 240
          followUps: [{kind: role, prompt: What did you do?}, {kind: data, prompt: How did you know?}, {kind: reflection, prompt: What went wrong?}]
          signals: [Numbers]
          pitfalls: [Vague]
    `;
    const found = await spans({ 'bank.yaml': bank }, 'bank.yaml');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^19:13-\d+:\d+ near-duplicate-prompt$/);
  });

  it('a folded prompt that ends the file without a final line break ends on its last line', async () => {
    // The hand-written position finder this replaced put the end of such a span at the start of a
    // line after the file (7:1 for a six-line text); yaml v2 ends it after the last character.
    const first = bankWithQuestions('tail', [
      { id: 'q-one', prompt: 'Tell me about a time you migrated a payments database without downtime.' },
    ]);
    const second = first.slice(first.indexOf('  - id: q-one')).replace('q-one', 'q-two');
    const text = `${first}${second.replace(/ {4}prompt: .*\n/, '')}    prompt: >-
      Tell me about a time you migrated a payments
      database without any downtime`;
    expect(text.endsWith('downtime')).toBe(true);
    expect(isSimpleYaml(text)).toBe(true); // loaded by the fast path, so positioned by a re-parse
    const lines = text.split('\n');
    const promptLine = lines.findIndex((l) => l.endsWith('prompt: >-')) + 1;
    const found = await spans({ 'bank.yaml': text }, 'bank.yaml');
    expect(found).toEqual([
      `${promptLine}:${lines[promptLine - 1]!.indexOf('>') + 1}-${lines.length}:${lines.at(-1)!.length + 1} near-duplicate-prompt`,
    ]);
  });

  it('problems deep in a long file are on the right line', async () => {
    const questions = Array.from({ length: 40 }, (_, i) => ({
      id: `q-${i}`,
      prompt: `Topic alpha${i} beta${i} gamma${i}`,
    }));
    const text = bankWithQuestions('long', questions).replace('id: q-33\n', 'id: q-33\n    surprise: 1\n');
    const lines = text.split('\n');
    const expectedLine = lines.indexOf('    surprise: 1') + 1;
    expect(expectedLine).toBeGreaterThan(300);
    expect(await spans({ 'long.yaml': text }, 'long.yaml')).toEqual([
      `${expectedLine}:5-${expectedLine}:13 unknown-key`,
    ]);
  });
});

describe('order of problems', () => {
  it('sorted by file, then line, then column, whichever rule found them', async () => {
    writeFiles(tmp(), {
      'star.yaml': STAR_RUBRIC,
      'b.yaml': BANK.replace('id: sample', 'id: other'),
      'a.yaml': BANK,
    });
    const { problems } = await lintIn(tmp());
    const keys = problems.map((p) => [p.file, p.line, p.column] as const);
    const sorted = [...keys].sort((x, y) =>
      x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2],
    );
    expect(keys).toEqual(sorted);
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['a.yaml', 'b.yaml']));
    expect(problems.length).toBeGreaterThan(6);
  });

  it('files in subdirectories are shown relative to the working directory', async () => {
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC, 'nested/deeper/bank.yaml': BANK });
    const { problems } = await lintIn(tmp());
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set(['nested/deeper/bank.yaml']));
  });

  it('files outside the working directory are shown with their absolute path', async () => {
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC, 'elsewhere/bank.yaml': BANK, 'cwd/.keep': '' });
    const { problems } = await lintIn(`${tmp()}/cwd`, [`${tmp()}/elsewhere`, `${tmp()}/star.yaml`]);
    expect(new Set(problems.map((p) => p.file))).toEqual(new Set([`${tmp()}/elsewhere/bank.yaml`]));
  });
});
