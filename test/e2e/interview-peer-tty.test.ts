import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { overallScore } from '../../src/scoring/result.js';
import { HAS_TMUX, TmuxTerminal, terminalTestFile } from '../helpers/tmux.js';

// The peer screen end to end: the built bin in a real pseudo-terminal (tmux), keys typed, screen read,
// and the attempt it records read back from history.
const ROOT = join(import.meta.dirname, '..', '..');
const QUESTION = 'bhv-ownership-outside-your-area';

const tty = terminalTestFile();
let home: string | undefined;

describe.skipIf(!HAS_TMUX)('coach interview --peer in a terminal', () => {
  it('shows the sheet and a clock, takes a level and a note per criterion, and records a human-scored attempt', async () => {
    home = tty.tempHome('coach-peer-tty-');
    const t = new TmuxTerminal(`node bin/coach.js interview --peer ${QUESTION} --time 90`, {
      COACH_HOME: home,
      NO_COLOR: '',
      TERM: 'xterm-256color',
    });
    const sheet = await t.waitFor((s) => /Enter starts the clock/.test(s), 'the sheet and the idle clock');
    expect(sheet).toMatch(/Probes \(ask in this order\)/);
    expect(sheet).toMatch(/1\. \[role\]/);
    expect(sheet).toMatch(/Signals/);
    expect(sheet).toMatch(/Pitfalls/);
    expect(sheet).toMatch(/4 strong hire: /);
    expect(sheet).toMatch(/⏱ 1:30/);

    t.keys('Enter');
    await t.waitFor((s) => /⏱ \d:\d\d left/.test(s), 'the countdown');
    t.keys('Enter');

    const registry = await loadRegistry({ banks: [] }, ROOT);
    const star = registry.rubrics.get('star')!;
    const levels = [3, 4, 2, 3, 1, 3, 2];
    const notes = ['clear arc, quick setup', '', '', 'no before and after', '', '', ''];
    for (const [i, c] of star.criteria.entries()) {
      await t.waitFor((s) => s.includes(`${c.name} (${i + 1} of 7): level 1-4?`), `the level of ${c.id}`);
      t.type(String(levels[i]));
      t.keys('Enter');
      await t.waitFor((s) => s.includes(`Note on ${c.name} (optional`), `the note on ${c.id}`);
      t.type(notes[i]!);
      t.keys('Enter');
    }
    await t.waitFor((s) => s.includes('Overall note (optional'), 'the overall note');
    t.type('Owned it end to end; never measured the outcome.');
    t.keys('Enter');
    const end = await t.waitFor((s) => /EXIT=\d+/.test(s), 'the program to end');
    expect(end).toMatch(/EXIT=0/);
    expect(end).toMatch(/scored by a person/);

    const [record, ...more] = readFileSync(join(home, 'history', 'attempts.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(more).toEqual([]);
    const criteria = star.criteria.map((c, i) => ({ id: c.id, score: levels[i]! }));
    // The same weighted overall every scorer gets from these levels.
    const expected = overallScore(criteria, star);
    expect(record).toMatchObject({
      source: 'peer',
      questionId: QUESTION,
      scorer: 'human',
      model: null,
      rubric: 'star',
      overall: expected,
      answer: '',
      limitSeconds: 90,
      note: 'Owned it end to end; never measured the outcome.',
    });
    expect(record.promptVersion).toBeUndefined();
    expect(record.criteria).toEqual(criteria.map((c, i) => (notes[i] ? { ...c, note: notes[i] } : c)));
    expect(end).toContain(`Score  ${expected}/100`);
  });
  it('runs a plan round question by question; closing the terminal keeps what was judged and ends cleanly', async () => {
    home = tty.tempHome('coach-peer-tty-');
    const plan = {
      level: 'L6',
      seed: 1,
      job: null,
      rounds: [
        {
          id: 'r1',
          kind: 'behavioral',
          interviewer: 'Hiring manager',
          principles: ['ownership'],
          questions: ['bhv-ownership-inherited-fragile-system'],
          minutes: 5,
        },
        {
          id: 'r2',
          kind: 'behavioral',
          interviewer: 'Peer engineer',
          principles: ['dive-deep', 'customer-obsession'],
          questions: [QUESTION, 'bhv-customer-irreplaceable-data'],
          minutes: 6,
        },
      ],
    };
    writeFileSync(join(home, 'plan.json'), JSON.stringify(plan));
    const t = new TmuxTerminal(
      `node bin/coach.js interview --peer --plan '${join(home, 'plan.json')}' --round r2 2>'${join(home, 'stderr.txt')}'`,
      { COACH_HOME: home, NO_COLOR: '', TERM: 'xterm-256color' },
    );
    const first = await t.waitFor((s) => /Enter starts the clock/.test(s), 'the first sheet');
    expect(first).toContain('Round r2 · behavioral · Peer engineer · question 1 of 2');
    // The round's six minutes, shared by its two questions.
    expect(first).toMatch(/⏱ 3:00/);
    t.keys('Enter');
    await t.waitFor((s) => /⏱ \d:\d\d left/.test(s), 'the countdown');
    t.keys('Enter');
    for (let i = 1; i <= 7; i++) {
      await t.waitFor((s) => s.includes(`(${i} of 7): level 1-4?`), `level ${i}`);
      t.type('2');
      t.keys('Enter');
      await t.waitFor((s) => (s.match(/Note on .* \(optional/g) ?? []).length >= i, `note ${i}`);
      t.keys('Enter');
    }
    await t.waitFor((s) => s.includes('Overall note (optional'), 'the overall note');
    t.keys('Enter');
    await t.waitFor(
      (s) => s.includes('question 2 of 2') && /Enter starts the clock/.test(s),
      'the second sheet',
    );
    t.keys('Enter');
    await t.waitFor(
      (s) => /⏱ \d:\d\d left/.test(s.split('question 2 of 2')[1] ?? ''),
      'the second countdown',
    );
    t.hangUp();
    t.close();
    const stderr = readFileSync(join(home, 'stderr.txt'), 'utf8');
    expect(stderr).toContain('interview stopped; 1 of 2 question(s) recorded');
    expect(stderr).not.toMatch(/^\s+at /m);
    const records = readFileSync(join(home, 'history', 'attempts.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(records.map((r) => [r.questionId, r.scorer, r.level, r.limitSeconds])).toEqual([
      [QUESTION, 'human', 'L6', 180],
    ]);
    // Every level 2: the overall is a third of the way up the scale, whatever the weights.
    expect(records[0].overall).toBe(33);
  });
});
