import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HAS_TMUX, TmuxTerminal } from '../helpers/tmux.js';

// A whole loop in a real pseudo-terminal: the built bin under tmux, answers typed, screen and journal read.
const BIN = 'node bin/coach.js';
const ROOT = join(import.meta.dirname, '..', '..');
// Two rounds (a behavioral round and the bar raiser), each main answer a minute: short, and reproducible.
const LOOP = 'loop --rounds 2 --time 60 --seed 4 --level L6';

let terminal: TmuxTerminal | undefined;
let home: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
});

afterEach(() => {
  terminal?.close();
  terminal = undefined;
  if (home) rmSync(home, { recursive: true, force: true });
});

function open(command: string): TmuxTerminal {
  terminal = new TmuxTerminal(`${BIN} ${command}`, {
    COACH_HOME: home,
    NO_COLOR: '1',
    TERM: 'xterm-256color',
  });
  return terminal;
}

interface Journal {
  id: string;
  start: {
    loop: { rounds: { id: string; kind: string; interviewer: string; questions: string[] }[] };
    questions: { id: string; round: string; followUps: { kind?: string; timeLimitSeconds: number }[] }[];
  };
  answers: { question: number; part: number; text: string; status: string; elapsedMs: number }[];
  ended: boolean;
}

function journal(): Journal {
  const dir = join(home, 'sessions');
  const file = readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
  const events = readFileSync(join(dir, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  return {
    id: file.slice(0, -'.jsonl'.length),
    start: events[0],
    answers: events.filter((e) => e.type === 'answer'),
    ended: events.some((e) => e.type === 'end'),
  };
}

function draft(): { question: number; part: number; text: string; elapsedMs: number } | undefined {
  const dir = join(home, 'sessions');
  const file = readdirSync(dir).find((f) => f.endsWith('.draft.json'));
  return file ? JSON.parse(readFileSync(join(dir, file), 'utf8')) : undefined;
}

const STORY =
  'In 2024 I owned the upload service when failed uploads reached 4% after a storage migration. ' +
  'I traced the failures to a retry bug, wrote the fix and rolled it out to 5% of users first. ' +
  'As a result failures fell from 4% to 0.3% within a week, and I learned to canary migrations.';

/** The answer box's title for a part, as the screen shows it. */
function title(j: Journal, question: number, part: number): string {
  const total = j.start.questions.length;
  return part === 0
    ? `Question ${question + 1} of ${total}`
    : `Follow-up ${part} of ${j.start.questions[question]!.followUps.length} (question ${question + 1})`;
}

/** Every part the loop asks, in order. */
function parts(j: Journal): { question: number; part: number }[] {
  return j.start.questions.flatMap((q, question) =>
    Array.from({ length: q.followUps.length + 1 }, (_, part) => ({ question, part })),
  );
}

/** Waits until the answer box of `part` is the one on screen (its title last, its countdown under it). */
async function waitForBox(t: TmuxTerminal, j: Journal, at: { question: number; part: number }) {
  const wanted = title(j, at.question, at.part);
  return t.waitFor((s) => {
    const i = s.lastIndexOf(wanted);
    return (
      i >= 0 &&
      /left/.test(s.slice(i)) &&
      !/Question \d+ of|Follow-up \d+ of/.test(s.slice(i + wanted.length))
    );
  }, wanted);
}

/** Answers every part not yet in the journal: a story for main answers, a sentence for probes. */
async function answerTheRest(t: TmuxTerminal): Promise<void> {
  for (const at of parts(journal())) {
    const j = journal();
    if (j.answers.some((a) => a.question === at.question && a.part === at.part)) continue;
    await waitForBox(t, j, at);
    t.type(
      at.part === 0
        ? STORY
        : `For probe ${at.part} of question ${at.question + 1}: I checked the numbers myself.`,
    );
    t.keys('C-d');
    const before = j.answers.length;
    await t.waitFor(
      () => journal().answers.length > before,
      `answer ${at.question}.${at.part} in the journal`,
    );
  }
}

describe.skipIf(!HAS_TMUX)('coach loop in a terminal', () => {
  it('runs a two-round loop round by round to its debrief, and records the attempts', async () => {
    home = mkdtempSync(join(tmpdir(), 'coach-loop-'));
    const t = open(LOOP);
    const first = await t.waitFor((s) => /Round 1 of 2/.test(s) && /left/.test(s), 'the first round');
    const j = journal();
    expect(j.start.loop.rounds.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(j.start.loop.rounds[1]!.kind).toBe('bar-raiser');
    expect(first).toContain(j.start.loop.rounds[0]!.interviewer);
    await answerTheRest(t);
    const done = await t.waitFor((s) => /EXIT=\d+/.test(s), 'the loop to end');
    expect(done).toContain('EXIT=0');
    // The bar raiser's round was announced, and its last probe asked for a second example.
    expect(done).toMatch(/Round 2 of 2: Bar raiser/);
    const barRaiser = journal().start.questions.filter((q) => q.round === 'r2');
    for (const q of barRaiser) expect(q.followUps.at(-1)!.kind).toBe('second-example');
    // The debrief: the recommendation, then a vote per round (the bar raiser's last) and its summary.
    const debrief = done.slice(done.lastIndexOf('Debrief'));
    expect(debrief).toMatch(/Recommendation: (Strong hire|Hire|No hire)/);
    expect(debrief).toMatch(/r1 Behavioral, [^:]+: (strong no hire|no hire|hire|strong hire) \(/);
    expect(debrief).toMatch(/r2 Bar raiser, Bar raiser: (strong no hire|no hire|hire|strong hire) \(/);
    expect(debrief).toMatch(/The bar raiser's summary/);
    expect(debrief).toMatch(/coach sessions show \S+ --format md/);
    expect(journal().ended).toBe(true);
    // History: one attempt per question (its unscored record completed under the same id), source 'loop'.
    const records = readFileSync(join(home, 'history', 'attempts.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const scored = [...new Map(records.map((a) => [a.id, a])).values()];
    expect(scored.length).toBe(journal().start.questions.length);
    expect(scored.every((a) => a.status !== 'unscored' && typeof a.overall === 'number')).toBe(true);
    expect(new Set(scored.map((a) => a.source))).toEqual(new Set(['loop']));
  });

  it('survives a kill mid-answer: coach resume gives the draft back, finishes, and the debrief follows', async () => {
    home = mkdtempSync(join(tmpdir(), 'coach-loop-'));
    const t = open(LOOP);
    await t.waitFor((s) => /Round 1 of 2/.test(s) && /left/.test(s), 'the first round');
    const j = journal();
    await waitForBox(t, j, { question: 0, part: 0 });
    t.type(STORY);
    t.keys('C-d');
    await waitForBox(t, j, { question: 0, part: 1 });
    t.type('The decision to roll back was mine.');
    t.keys('Enter');
    t.type('I made it at 2am');
    // The draft is saved every two seconds, typed or not: wait until it holds the text and some time spent.
    await t.waitFor(
      () => (draft()?.text.includes('I made it at 2am') ?? false) && draft()!.elapsedMs >= 3000,
      'the draft on disk',
      15_000,
    );
    process.kill(t.programPid(), 'SIGKILL');
    await t.waitFor((s) => s.includes('EXIT=137'), 'the killed process');
    expect(journal().ended).toBe(false);
    t.close();

    const r = open('resume');
    const saved = draft()!;
    const resumed = await r.waitFor(
      (s) => s.includes('I made it at 2am') && /left/.test(s),
      'the resumed draft',
    );
    expect(resumed).toContain('The decision to roll back was mine.');
    // The round is announced again, saying where the loop picks up, and the probe's clock goes on
    // from the time that was left rather than from its full minute.
    expect(resumed).toMatch(/Round 1 of 2: .* resumed at question 1/);
    const [, minutes, seconds] = resumed.match(/⏱ (\d+):(\d\d) left/)!;
    const limit = j.start.questions[0]!.followUps[0]!.timeLimitSeconds;
    expect(Number(minutes) * 60 + Number(seconds)).toBeLessThanOrEqual(
      limit - Math.floor(saved.elapsedMs / 1000),
    );
    r.type(', with the on-call lead.');
    r.keys('C-d');
    await r.waitFor(() => journal().answers.length === 2, 'the resumed answer in the journal');
    expect(journal().answers[1]!.elapsedMs).toBeGreaterThanOrEqual(saved.elapsedMs);
    expect(journal().answers[1]!.text).toBe(
      'The decision to roll back was mine.\nI made it at 2am, with the on-call lead.',
    );
    await answerTheRest(r);
    const done = await r.waitFor((s) => /EXIT=\d+/.test(s), 'the resumed loop to end');
    expect(done).toContain('EXIT=0');
    expect(done.slice(done.lastIndexOf('Debrief'))).toMatch(/Recommendation: (Strong hire|Hire|No hire)/);

    const coach = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/coach.js', ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, COACH_HOME: home, HOME: home, NO_COLOR: '1' },
        encoding: 'utf8',
      });
    expect(JSON.parse(coach('sessions', '--json').stdout)).toMatchObject([
      { id: journal().id, kind: 'loop', status: 'complete' },
    ]);
    // The finished loop's debrief in Markdown.
    const shown = coach('sessions', 'show', journal().id, '--format', 'md');
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/^# Interview loop /);
    // The debrief first, then every answer marked with its round.
    expect(shown.stdout.indexOf('## Debrief')).toBeGreaterThan(0);
    expect(shown.stdout.indexOf('## Debrief')).toBeLessThan(shown.stdout.indexOf('## 1. '));
    expect(shown.stdout).toMatch(/\*\*Recommendation: /);
    expect(shown.stdout).toMatch(/\*Round 2, Bar raiser · /);
    expect(shown.stdout).toContain('I made it at 2am, with the on-call lead.');
  });
});
