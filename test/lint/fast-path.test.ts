import { describe, expect, it } from 'vitest';
import { isSimpleYaml } from '../../src/yaml/gate.js';
import { useTempDir, writeFiles, yaml } from '../helpers/fs.js';
import { lintIn, STAR_RUBRIC, where } from '../helpers/lint.js';

// analyze.ts loads files in the gate's plain subset with js-yaml (src/yaml/plain.ts, the fast path)
// and everything else with yaml v2 (the authority for syntax and positions). Whichever path a file
// takes, the verdict on it must be the same.

const tmp = useTempDir('coach-fastpath-');

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
      signals: [Numbers]
      pitfalls: [Vague]
      followUps:
        - kind: role
          prompt: What did you decide yourself?
        - kind: data
          prompt: How did you know it had worked?
        - kind: reflection
          prompt: What went wrong?
`;

/**
 * The same bank, sent down the full path: an anchor nothing refers to changes no data and no line,
 * but the fast path's gate only takes plain YAML (src/yaml/gate.ts). The asterisk in the
 * prompt (plain text that the old gate took for an alias) is kept as well.
 */
const viaFullPath = (text: string) =>
  text
    .replace('kind: question-bank', 'kind: &kind question-bank')
    .replace('without downtime', 'without *any* downtime');

describe('the fast path and the full parser agree', () => {
  it('the fixtures take the path they are meant to take', () => {
    expect(isSimpleYaml(BANK)).toBe(true);
    expect(isSimpleYaml(viaFullPath(BANK))).toBe(false);
  });

  it('a clean bank is clean on both paths', async () => {
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC, 'fast.yaml': BANK });
    expect((await lintIn(tmp())).problems).toEqual([]);
    writeFiles(tmp(), { 'fast.yaml': viaFullPath(BANK) });
    expect((await lintIn(tmp())).problems).toEqual([]);
  });

  it('anchors and a few aliases are allowed (they only take the slow path)', async () => {
    const text = yaml`
      kind: question-bank
      id: sample
      title: Sample bank
      description: A bank for tests.
      questions:
        - id: q-one
          category: testing
          prompt: Tell me about a time you migrated a payments database without downtime.
          levels: &levels [L5, L6]
          rubric: star
          timeLimitSeconds: 240
          followUps: &probes [{kind: role, prompt: Yours?}, {kind: data, prompt: Proof?}, {kind: reflection, prompt: Lessons?}]
          signals: [Numbers]
          pitfalls: [Vague]
        - id: q-two
          category: testing
          prompt: Design a global rate limiter for a public API with ten million clients.
          levels: *levels
          rubric: star
          timeLimitSeconds: 2400
          followUps: *probes
          signals: [Trade-offs]
          pitfalls: [No numbers]
    `;
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC, 'bank.yaml': text });
    const result = await lintIn(tmp());
    expect(result.problems).toEqual([]);
    expect(result.questions).toBe(2);
  });

  it('YAML that yaml v2 rejects is a yaml-syntax error even when the bank would validate', async () => {
    // No white space between a quoted scalar and "#" is a syntax error in YAML 1.2 (yaml-test-suite SU5Z).
    const text = BANK.replace('title: Sample bank', 'title: "Sample bank"# a comment');
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC, 'bank.yaml': text });
    expect(where((await lintIn(tmp())).problems)).toEqual(['bank.yaml:3:21 yaml-syntax']);
  });

  it('a YAML 1.1 binary integer (0b11110000) gets the same verdict on both paths', async () => {
    // YAML 1.2 core schema has no 0b integers: yaml v2 reads the value as text.
    const text = BANK.replace('timeLimitSeconds: 240', 'timeLimitSeconds: 0b11110000');
    writeFiles(tmp(), { 'star.yaml': STAR_RUBRIC, 'fast.yaml': text });
    const fast = (await lintIn(tmp(), ['fast.yaml', 'star.yaml'])).problems;
    writeFiles(tmp(), { 'slow.yaml': viaFullPath(text) });
    const slow = (await lintIn(tmp(), ['slow.yaml', 'star.yaml'])).problems;
    expect(where(slow)).toEqual(['slow.yaml:11:23 wrong-type']);
    expect(where(fast)).toEqual(['fast.yaml:11:23 wrong-type']);
  });
});
