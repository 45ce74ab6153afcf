import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { startAnthropicServer } from '../helpers/anthropic-server.js';
import { HAS_TMUX, TmuxTerminal, terminalTestFile } from '../helpers/tmux.js';

// A whole loop in a real pseudo-terminal: the built bin under tmux, answers typed, screen and journal read.
const BIN = 'node bin/coach.js';
const ROOT = join(import.meta.dirname, '..', '..');
// Two rounds (a behavioral round and the bar raiser), each main answer a minute: short, and reproducible.
const LOOP = 'loop --rounds 2 --time 60 --seed 4 --level L6';

let terminal: TmuxTerminal | undefined;
const tty = terminalTestFile();
let home: string;

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
  /** Follow-ups chosen after a main answer (the LLM scorer writes them from it). */
  followUps: { question: number; followUps: { kind?: string; prompt: string }[]; source: string }[];
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
    followUps: events.filter((e) => e.type === 'followups'),
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

/** The probes a question asks: those chosen after its answer when there are any, else the planned ones. */
function probesOf(j: Journal, question: number): { kind?: string }[] {
  return (
    j.followUps.find((f) => f.question === question)?.followUps ?? j.start.questions[question]!.followUps
  );
}

/** The answer box's title for a part, as the screen shows it. */
function title(j: Journal, question: number, part: number): string {
  const total = j.start.questions.length;
  return part === 0
    ? `Question ${question + 1} of ${total}`
    : `Follow-up ${part} of ${probesOf(j, question).length} (question ${question + 1})`;
}

/** The next part the loop asks that the journal has no answer for, or undefined when all are answered. */
function nextPart(j: Journal): { question: number; part: number } | undefined {
  for (let question = 0; question < j.start.questions.length; question++) {
    for (let part = 0; part <= probesOf(j, question).length; part++) {
      if (!j.answers.some((a) => a.question === question && a.part === part)) return { question, part };
      // A skipped main answer has no probes.
      if (part === 0 && j.answers.find((a) => a.question === question && a.part === 0)!.status === 'skipped')
        break;
    }
  }
  return undefined;
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

/**
 * Answers every part not yet in the journal: a story for main answers, a sentence for probes. With an
 * LLM scorer (`written`), a question's probes are known only once they are written from its answer.
 */
async function answerTheRest(t: TmuxTerminal, written = false): Promise<void> {
  for (let at = nextPart(journal()); at; at = nextPart(journal())) {
    const { question, part } = at;
    if (written && part === 1)
      await t.waitFor(() => journal().followUps.some((f) => f.question === question), 'the written probes');
    const j = journal();
    await waitForBox(t, j, at);
    t.type(
      part === 0 ? STORY : `For probe ${part} of question ${question + 1}: I checked the numbers myself.`,
    );
    t.keys('C-d');
    const before = j.answers.length;
    await t.waitFor(() => journal().answers.length > before, `answer ${question}.${part} in the journal`);
  }
}

describe.skipIf(!HAS_TMUX)('coach loop in a terminal', () => {
  it('runs a two-round loop round by round to its debrief, and records the attempts', async () => {
    home = tty.tempHome('coach-loop-');
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
    home = tty.tempHome('coach-loop-');
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

describe.skipIf(!HAS_TMUX)('coach loop paused with Ctrl-C', () => {
  it('asks first, pauses with the answer saved (exit 130), and resume reopens the round with it', async () => {
    home = tty.tempHome('coach-loop-');
    const t = open(LOOP);
    await t.waitFor((s) => /Round 1 of 2/.test(s) && /left/.test(s), 'the first round');
    t.type('Half of my first story');
    await t.waitFor((s) => s.includes('Half of my first story'), 'the typed text');
    t.keys('C-c');
    await t.waitFor((s) => /Pause here\?/.test(s), 'the pause question');
    t.keys('C-c');
    const paused = await t.waitFor((s) => /EXIT=\d+/.test(s), 'the pause');
    expect(paused).toContain('EXIT=130');
    expect(paused).toContain(`coach resume ${journal().id}`);
    expect(draft()).toMatchObject({ question: 0, part: 0, text: 'Half of my first story' });
    t.close();

    const r = open('resume');
    const resumed = await r.waitFor(
      (s) => s.includes('Half of my first story') && /left/.test(s),
      'the resumed answer',
    );
    expect(resumed).toMatch(/Round 1 of 2: .* resumed at question 1/);
    expect(resumed).toMatch(/Question 1 of \d+/);
  });
});

describe.skipIf(!HAS_TMUX)('coach loop with the LLM scorer, in a terminal', () => {
  it("scores each story through the Messages API and has the bar raiser's written probes end on a second example", async () => {
    const server = await startAnthropicServer();
    try {
      const star = (await loadRegistry({ banks: [] }, ROOT)).rubrics.get('star')!;
      const judgement = JSON.stringify({
        criteria: Object.fromEntries(
          star.criteria.map((c) => [c.id, { evidence: [], level: 3, feedback: `Feedback on ${c.name}.` }]),
        ),
        warnings: [],
      });
      // One round, the bar raiser's: two stories, each scored, then its probes written from the answer.
      for (const n of [1, 2]) {
        server.enqueue({ kind: 'sse', text: judgement, usage: { input_tokens: 1000, output_tokens: 200 } });
        server.enqueue({
          kind: 'json',
          text: JSON.stringify({
            followUps: [
              { kind: 'role', prompt: `Story ${n}: which call was yours alone?` },
              { kind: 'second-example', prompt: `Story ${n}: give me a second example of the same.` },
            ],
          }),
          usage: { input_tokens: 1000, output_tokens: 100 },
        });
      }
      home = tty.tempHome('coach-loop-');
      terminal = new TmuxTerminal(`${BIN} loop --rounds 1 --time 60 --seed 4 --level L6 --scorer anthropic`, {
        COACH_HOME: home,
        NO_COLOR: '1',
        TERM: 'xterm-256color',
        ANTHROPIC_API_KEY: 'sk-ant-test-e2e',
        ANTHROPIC_BASE_URL: server.url,
      });
      await terminal.waitFor((s) => /Round 1 of 1: Bar raiser/.test(s) && /left/.test(s), 'the bar raiser');
      await answerTheRest(terminal, true);
      const done = await terminal.waitFor((s) => /EXIT=\d+/.test(s), 'the loop to end');
      expect(done).toContain('EXIT=0');
      expect(done).toContain('Story 2: give me a second example of the same.');
      // The model was asked for the bar raiser's chain, in order, closing on a second example.
      const posts = server.requests.filter((r) => r.path.startsWith('/v1/messages') && r.method === 'POST');
      expect(posts).toHaveLength(4);
      expect(JSON.stringify(posts[1]!.body)).toContain(
        'in this order of kinds: role, data, challenge, second-example.',
      );
      expect(journal().followUps.map((f) => f.source)).toEqual(['generated', 'generated']);
      // The debrief names the judge behind the votes.
      const debrief = done.slice(done.lastIndexOf('Debrief'));
      expect(debrief).toMatch(/r1 Bar raiser, Bar raiser: hire \(/);
      expect(debrief).toMatch(/by anthropic claude-sonnet-5-5/);
    } finally {
      await server.close();
    }
  });
});
