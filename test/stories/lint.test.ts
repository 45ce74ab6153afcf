import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../src/banks/analyze.js';
import { ConfigError, UsageError } from '../../src/errors.js';
import type { Problem } from '../../src/lint/problem.js';
import { loadStories } from '../../src/stories/load.js';
import { isSimpleYaml } from '../../src/yaml/gate.js';
import { useTempDir, writeFiles, yaml } from '../helpers/fs.js';
import { lintIn } from '../helpers/lint.js';
import { FIXTURE } from './helpers.js';

const tmp = useTempDir('coach-stories-lint-');

const span = (p: Problem) => `${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.rule}`;

/**
 * One problem per story: 3 "- id: no-principles" (no principles), 8 an unknown principle at
 * column 29, 14 `star:` beside `text:`, 19 the first story's id again, 23 a story with neither.
 */
const MALFORMED = yaml`
  kind: stories
  stories:
    - id: no-principles
      title: Missing principles
      text: I moved our builds to a shared cache and cut them from 20 minutes to 6.
    - id: bad-principle
      title: Unknown principle
      principles: [ownership, dive-deeper]
      text: I traced a memory leak to a logging library and fixed it.
    - id: both-forms
      title: Both text and star
      principles: [ownership]
      text: I took over an orphaned service.
      star:
        situation: The service had no owner.
        task: I had to make it safe.
        action: I wrote a runbook and set up on-call.
        result: Incidents fell from 11 a year to 1.
    - id: no-principles
      title: Duplicate id
      principles: [dive-deep]
      text: I found the root cause of a latency spike.
    - id: neither
      title: No story at all
      principles: [earn-trust]
`;

const EXPECTED = [
  '3:5-3:7 missing-key',
  '8:29-8:40 unknown-principle',
  '14:5-14:9 invalid-value',
  '19:9-19:22 duplicate-id',
  '23:5-23:7 missing-key',
];

describe('coach lint on a stories file', () => {
  it('reports every problem at its exact line and column', async () => {
    writeFiles(tmp(), { 'stories.yaml': MALFORMED });
    const { problems } = await lintIn(tmp());
    expect(problems.map(span)).toEqual(EXPECTED);
    expect(problems.map((p) => p.message)).toEqual([
      'missing required key "principles"',
      '"dive-deeper" is not a Leadership Principle id; did you mean "dive-deep"? (see `coach principles`)',
      'stories[2] has both `text` and `star`: tell the story one way, keep one of them',
      'story id "no-principles" is already used by stories[0]; ids must be unique in the file',
      'stories[4] has no story: add `text` (free text) or `star` (situation, task, action and result parts)',
    ]);
  });

  it('gives the same positions on the full parser path (an anchor keeps it off the fast path)', async () => {
    const full = MALFORMED.replace('kind: stories', 'kind: &kind stories');
    expect(isSimpleYaml(full)).toBe(false);
    writeFiles(tmp(), { 'stories.yaml': full });
    expect((await lintIn(tmp())).problems.map(span)).toEqual(EXPECTED);
  });

  it('a clean stories file gives the same data on the fast path and the full path', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const full = text.replace('kind: stories', 'kind: &kind stories');
    expect(isSimpleYaml(text)).toBe(true);
    expect(isSimpleYaml(full)).toBe(false);
    const fast = analyzeSource('s.yaml', { ok: true, text });
    const slow = analyzeSource('s.yaml', { ok: true, text: full });
    expect(fast.problems).toEqual([]);
    expect(fast.stories?.length).toBe(6);
    expect(slow).toEqual(fast);
  });

  it('a wrong type and an unknown key point at the value and the key', async () => {
    writeFiles(tmp(), {
      'stories.yaml': yaml`
        kind: stories
        stories:
          - id: one
            title: One
            principles: ownership
            text: I did it.
            level: L9
            scope: org
            metric: [a]
      `,
    });
    const { problems } = await lintIn(tmp());
    expect(problems.map((p) => `${span(p)} ${p.message}`)).toEqual([
      '5:17-5:26 wrong-type stories[0].principles must be a list, not text',
      '7:12-7:14 invalid-value stories[0].level is "L9"; expected one of: L5, L6, L7, L8',
      '8:12-8:15 invalid-value stories[0].scope is "org"; expected one of: team, multi-team, organisation',
      '9:5-9:11 unknown-key unknown key "metric" in stories[0]; did you mean "metrics"?',
    ]);
  });
});

describe('loading a stories file for the stories commands', () => {
  it('turns every lint problem into one file:line:col line of a ConfigError (exit 2)', () => {
    writeFiles(tmp(), { 'stories.yaml': MALFORMED });
    let error: unknown;
    try {
      loadStories(join(tmp(), 'stories.yaml'), { cwd: tmp() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    expect((error as ConfigError).problems.map((l) => l.split(': ')[0])).toEqual([
      'stories.yaml:3:5',
      'stories.yaml:8:29',
      'stories.yaml:14:5',
      'stories.yaml:19:9',
      'stories.yaml:23:5',
    ]);
  });

  it('refuses a question bank given as a stories file', () => {
    writeFiles(tmp(), { 'bank.yaml': 'kind: rubric\nid: star\n' });
    expect(() => loadStories(join(tmp(), 'bank.yaml'), { cwd: tmp() })).toThrow(
      'bank.yaml:1:7: this is a rubric file, not a stories file (expected `kind: stories`)',
    );
  });

  it('a missing file is a usage error naming `coach stories init`', () => {
    const missing = () => loadStories(join(tmp(), 'nope.yaml'), { cwd: tmp(), explicit: true });
    expect(missing).toThrow(UsageError);
    expect(missing).toThrow(
      'no stories file at nope.yaml; create it with `coach stories init --stories nope.yaml`',
    );
  });

  it('loads a clean file in order', () => {
    const { stories } = loadStories(FIXTURE, { cwd: tmp() });
    expect(stories.map((s) => s.id)).toEqual([
      'billing-migration',
      'pushed-back-on-kafka',
      'weak-team-story',
      'cloud-bill-cut',
      'mentored-new-lead',
      'support-tickets-to-self-serve',
    ]);
  });
});
