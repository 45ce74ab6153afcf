import { describe, expect, it } from 'vitest';
import type { Attempt } from '../../src/history/attempt.js';
import { assertBuilt, runCoach, stackLines } from '../helpers/exec.js';
import { useTempDir } from '../helpers/fs.js';
import { HOSTILE_ID, writeKnownHistory } from '../report/history-fixture.js';

const tmp = useTempDir('coach-compare-');
const QUESTION = 'bhv-ownership-outside-your-area';

function compare(args: string[], home: string) {
  assertBuilt();
  return runCoach(['compare', ...args], { cwd: home, env: { COACH_HOME: home } });
}

const byId = (attempts: Attempt[], id: string) => attempts.find((a) => a.id === id)!;

describe('coach compare (built CLI)', () => {
  it('--json is exactly {question, before, after, criteria: [{id, before, after, delta}]}, oldest first', async () => {
    const attempts = await writeKnownHistory(tmp());
    const [older, newer] = [byId(attempts, 'drill-fixture-01'), byId(attempts, 'drill-fixture-02')];
    // Given newest first, still compared in time order.
    const run = compare(['drill-fixture-02', 'drill-fixture-01', '--json'], tmp());
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['question', 'before', 'after', 'criteria']);
    expect(out.question).toBe(QUESTION);
    expect(out.before).toMatchObject({ id: older.id, overall: older.overall, answer: older.answer });
    expect(out.after).toMatchObject({ id: newer.id, overall: newer.overall, scorer: 'offline' });
    expect(out.criteria).toEqual(
      older.criteria.map((c) => {
        const after = newer.criteria.find((n) => n.id === c.id)!.score;
        return { id: c.id, before: c.score, after, delta: after! - c.score! };
      }),
    );
    for (const c of out.criteria) expect(Object.keys(c)).toEqual(['id', 'before', 'after', 'delta']);
  });

  it('text: per-criterion changes, the evidence that appeared and disappeared, and a word diff', async () => {
    const attempts = await writeKnownHistory(tmp());
    const [older, newer] = [byId(attempts, 'drill-fixture-01'), byId(attempts, 'drill-fixture-02')];
    const run = compare(['drill-fixture-01', 'drill-fixture-02'], tmp());
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain(`Question ${QUESTION}`);
    expect(out).toMatch(new RegExp(`Before\\s+drill-fixture-01\\s+2026-11-01\\s+${older.overall}/100`));
    expect(out).toMatch(/CRITERION\s+BEFORE\s+AFTER\s+CHANGE/);
    const delta = newer.overall! - older.overall!;
    expect(out).toMatch(
      new RegExp(`Overall\\s+${older.overall}\\s+${newer.overall}\\s+${delta > 0 ? '\\+' : ''}${delta}`),
    );
    // Evidence: every quote the older attempt had for ownership and the newer lacks is listed as gone.
    const quotes = (a: Attempt, id: string) => a.criteria.find((c) => c.id === id)?.evidence ?? [];
    const gone = quotes(older, 'ownership').filter((q) => !quotes(newer, 'ownership').includes(q));
    expect(gone.length).toBeGreaterThan(0);
    for (const q of gone) expect(out).toContain(`    - "${q}"`);
    const came = quotes(newer, 'ownership').filter((q) => !quotes(older, 'ownership').includes(q));
    for (const q of came) expect(out).toContain(`    + "${q}"`);
    // The word diff, in the plain notation without colour.
    expect(out).toContain('Answer, word by word ([-removed-] {+added+})');
    expect(out).toMatch(/\[-[^\]]+-\]/);
    expect(out).toMatch(/\{\+[^}]+\+\}/);
  });

  it('--question takes the latest two scored attempts, and warns when their judges differ', async () => {
    await writeKnownHistory(tmp());
    const run = compare(['--question', QUESTION, '--json'], tmp());
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    // The unscored attempt of 2026-11-22 is passed over.
    expect([out.before.id, out.after.id]).toEqual(['score-llm-judged', HOSTILE_ID]);
    expect(run.stderr).toBe(
      'coach: warning: different judges: anthropic claude-sonnet-5-5 before, offline after\n',
    );
  });

  it('an unscored attempt named by id: one warning that it was never scored, no judge or rubric alarms', async () => {
    await writeKnownHistory(tmp());
    const run = compare(['score-llm-judged', 'drill-never-scored', '--json'], tmp());
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('coach: warning: the after attempt (drill-never-scored) was never scored\n');
  });

  it('text: an answer with escape sequences and control characters cannot drive the terminal', async () => {
    await writeKnownHistory(tmp());
    const run = compare(['--question', QUESTION], tmp());
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('red');
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });

  it('one id: it and the latest other scored attempt at its question; a unique prefix is enough', async () => {
    await writeKnownHistory(tmp());
    const out = JSON.parse(compare(['drill-fixture-02', '--json'], tmp()).stdout);
    expect([out.before.id, out.after.id]).toEqual(['drill-fixture-02', HOSTILE_ID]);
    const prefix = JSON.parse(compare(['score-llm', 'drill-fixture-01', '--json'], tmp()).stdout);
    expect([prefix.before.id, prefix.after.id]).toEqual(['drill-fixture-01', 'score-llm-judged']);
  });

  it('bad requests are one line, exit 2', async () => {
    await writeKnownHistory(tmp());
    const cases: [string[], string][] = [
      [['nope'], 'coach: no attempt "nope" in history; `coach history` lists attempt ids'],
      [
        ['drill-fixture-0'],
        'coach: attempt id "drill-fixture-0" is ambiguous: drill-fixture-01, drill-fixture-02',
      ],
      [
        ['drill-fixture-01', 'drill-fixture-03'],
        'coach: attempts drill-fixture-01 and drill-fixture-03 answer different questions (bhv-ownership-outside-your-area, bhv-customer-pain-before-complaints)',
      ],
      [[], 'coach: give one or two attempt ids, or --question ID for its latest two attempts'],
      [['a', 'b', 'c'], 'coach: compare takes at most two attempt ids'],
      [
        ['--question', 'no-such-question'],
        'coach: no-such-question has no scored attempts; compare needs two',
      ],
    ];
    for (const [args, message] of cases) {
      const run = compare(args, tmp());
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')[0]!.startsWith(message), run.stderr).toBe(true);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(stackLines(run.stderr)).toEqual([]);
      expect(run.stdout).toBe('');
    }
  });
});
