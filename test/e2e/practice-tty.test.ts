import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import { startAnthropicServer } from '../helpers/anthropic-server.js';
import { HAS_TMUX, TmuxTerminal, terminalTestFile } from '../helpers/tmux.js';

// End-to-end in a real pseudo-terminal: the built bin under tmux, keys typed, screen read.
const BIN = 'node bin/coach.js';
const ROOT = join(import.meta.dirname, '..', '..');

let terminal: TmuxTerminal | undefined;
const tty = terminalTestFile();
let home: string;

function start(args: string, env: Record<string, string> = {}, width?: number): TmuxTerminal {
  home = tty.tempHome('coach-e2e-');
  terminal = new TmuxTerminal(
    `${BIN} ${args}`,
    {
      COACH_HOME: home,
      NO_COLOR: '',
      TERM: 'xterm-256color',
      ...env,
    },
    width,
  );
  return terminal;
}

function journalEvents(): { type: string; text?: string; status?: string }[] {
  const dir = join(home, 'sessions');
  const file = readdirSync(dir).find((f) => f.endsWith('.jsonl'))!;
  return readFileSync(join(dir, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

function draft(): { text: string } | undefined {
  const dir = join(home, 'sessions');
  const file = readdirSync(dir).find((f) => f.endsWith('.draft.json'));
  return file ? JSON.parse(readFileSync(join(dir, file), 'utf8')) : undefined;
}

const GOOD_LINES = [
  'In 2023 I was the tech lead for checkout when p99 latency reached 1.8 seconds during peak sales.',
  'I pulled a week of traces and found that 60% of the time went into three calls to the pricing service.',
  'I proposed a per-cart price cache, wrote the design, and agreed invalidation rules with the pricing team.',
  'I rolled it out to 5% of traffic first. As a result p99 dropped from 1.8 s to 420 ms and conversion rose 2%.',
  'I learned to bring the owning team in early; since then I write the dependency section with them.',
];

describe.skipIf(!HAS_TMUX)('coach practice in a terminal', () => {
  it('takes a multi-line answer, shows a ticking countdown, submits on Ctrl-D and prints the score', async () => {
    const t = start('practice --count 1 --seed 3 --time 120 --no-followups --bank behavioral');
    await t.waitFor((s) => /Question 1 of 1/.test(s) && /left/.test(s), 'the first question');
    for (const line of GOOD_LINES) {
      t.type(line);
      t.keys('Enter');
    }
    const first = await t.waitFor((s) => s.includes('since then I write'), 'the typed answer');
    const clock = (s: string) => s.match(/⏱ (\d+):(\d\d) left/)!;
    const before = clock(first);
    const later = await t.waitFor((s) => clock(s)[0] !== before[0], 'the countdown to tick');
    expect(Number(clock(later)[1]) * 60 + Number(clock(later)[2])).toBeLessThan(
      Number(before[1]) * 60 + Number(before[2]),
    );
    // Every finished line is on screen and in the draft on disk before submitting.
    expect(draft()?.text).toContain('I proposed a per-cart price cache');
    t.keys('C-d');
    const done = await t.waitFor((s) => /EXIT=\d+/.test(s), 'the session to end');
    expect(done).toMatch(/Score +\d+\/100/);
    expect(done).toMatch(/Summary/);
    expect(done).toContain('EXIT=0');
    const answer = journalEvents().find((e) => e.type === 'answer')!;
    expect(answer.status).toBe('submitted');
    expect(answer.text).toBe(GOOD_LINES.join('\n'));
    expect(journalEvents().at(-1)!.type).toBe('end');
  });

  it('keeps the cursor at the end of a typed line that wraps, and after moving it back', async () => {
    // 40 columns: "› " and this line take 58, so it wraps once. The terminal breaks it at the edge and
    // readline counts the cursor that way; a word moved to the next row would leave the cursor behind.
    const t = start('practice --count 1 --seed 3 --time 300 --no-followups --bank behavioral', {}, 40);
    await t.waitFor((s) => /Question 1 of 1/.test(s) && /left/.test(s), 'the first question');
    t.type('alpha beta gamma delta epsilon zeta eta theta iota kappa');
    await t.waitFor((s) => s.includes('kappa'), 'the typed line');
    const cursor = t.cursor();
    expect(t.row(cursor.y).trimEnd().endsWith('kappa')).toBe(true);
    expect(cursor.x).toBe(t.row(cursor.y).trimEnd().length);
    t.keys('Left', 'Left', 'Left', 'Left', 'Left');
    t.type('X');
    await t.waitFor((s) => s.includes('Xkappa'), 'the inserted letter');
    expect(t.cursor().x).toBe(t.row(cursor.y).indexOf('Xkappa') + 1);
    t.keys('C-n');
    await t.waitFor((s) => /EXIT=\d+/.test(s), 'the session to end');
    expect(journalEvents().find((e) => e.type === 'answer')!.text).toBe(
      'alpha beta gamma delta epsilon zeta eta theta iota Xkappa',
    );
  });

  it('asks a chain of follow-ups in interview order, naming the kind of each, bounded by --followups', async () => {
    const t = start('practice --count 1 --seed 3 --time 120 --bank behavioral --followups 2');
    await t.waitFor((s) => /Question 1 of 1/.test(s) && /left/.test(s), 'the first question');
    t.type(GOOD_LINES[0]!);
    await t.waitFor((s) => s.includes('peak sales.'), 'the typed answer');
    t.keys('C-d');
    // A behavioral chain opens on the candidate's own part.
    await t.waitFor((s) => /Follow-up 1 of 2 \(question 1\) +role/.test(s), 'the role probe');
    t.keys('C-n');
    const second = await t.waitFor((s) => /Follow-up 2 of 2/.test(s), 'the closing probe');
    expect(second).toMatch(/Follow-up 2 of 2 \(question 1\) +(reflection|second-example)/);
    t.keys('C-n');
    const done = await t.waitFor((s) => /EXIT=\d+/.test(s), 'the session to end');
    expect(done).toContain('EXIT=0');
    const planned = journalEvents()[0] as unknown as { questions: { followUps: { kind?: string }[] }[] };
    expect(planned.questions[0]!.followUps.map((f) => f.kind)).toEqual([
      'role',
      expect.stringMatching(/^(reflection|second-example)$/),
    ]);
  });

  it('turns the countdown yellow at a quarter of the time left, then auto-submits at zero', async () => {
    const t = start('practice --count 1 --seed 5 --time 8 --no-followups');
    await t.waitFor((s) => /left/.test(s), 'the question');
    t.type('I started by measuring the problem before changing anything in the system.');
    // Green while more than a quarter remains; yellow (SGR 33) once two seconds or less are left.
    const green = await t.waitFor(
      (s) => /\u001b\[32m⏱ 0:0[3-8] left/.test(s),
      'a green countdown',
      10_000,
      true,
    );
    expect(green).toMatch(/\u001b\[32m⏱/);
    const yellow = await t.waitFor(
      (s) => /\u001b\[33m⏱ 0:0[0-2] left/.test(s),
      'a yellow countdown',
      15_000,
      true,
    );
    expect(yellow).toMatch(/\u001b\[33m⏱/);
    const done = await t.waitFor((s) => /EXIT=\d+/.test(s), 'the auto-submit');
    expect(done).toMatch(/time's up, submitted/);
    expect(journalEvents().find((e) => e.type === 'answer')).toMatchObject({
      status: 'timeout',
      text: 'I started by measuring the problem before changing anything in the system.',
    });
  });

  it('keeps the typed text through kill -9, and coach resume offers it back', async () => {
    const t = start('practice --count 1 --seed 9 --time 300 --no-followups');
    await t.waitFor((s) => /left/.test(s), 'the question');
    t.type(GOOD_LINES[0]!);
    t.keys('Enter');
    t.type(GOOD_LINES[1]!);
    // A new line writes the draft at once; the line being typed is written within a few seconds.
    await t.waitFor(
      () => draft()?.text.includes('three calls to the pricing service') ?? false,
      'the periodic draft',
      10_000,
    );
    process.kill(t.programPid(), 'SIGKILL');
    await t.waitFor((s) => s.includes('EXIT=137'), 'the killed process');
    expect(draft()!.text).toBe(`${GOOD_LINES[0]}\n${GOOD_LINES[1]}`);
    expect(journalEvents().some((e) => e.type === 'end')).toBe(false);

    t.close();
    terminal = new TmuxTerminal(`${BIN} resume`, { COACH_HOME: home, NO_COLOR: '1' });
    const resumed = await terminal.waitFor(
      (s) => s.includes('three calls to the pricing service') && /left/.test(s),
      'the resumed draft',
    );
    expect(resumed).toContain(GOOD_LINES[0]!);
    terminal.type(' It was the pricing service.');
    terminal.keys('C-d');
    const done = await terminal.waitFor((s) => /EXIT=\d+/.test(s), 'the resumed session to end');
    expect(done).toContain('EXIT=0');
    const answer = journalEvents().find((e) => e.type === 'answer')!;
    expect(answer.text).toBe(`${GOOD_LINES[0]}\n${GOOD_LINES[1]} It was the pricing service.`);
  });

  it('asks before quitting on Ctrl-C, and a second Ctrl-C pauses with the answer saved', async () => {
    const t = start('practice --count 1 --seed 11 --time 300 --no-followups');
    await t.waitFor((s) => /left/.test(s), 'the question');
    t.type('My first point is about the data.');
    await t.waitFor((s) => s.includes('about the data.'), 'the typed text');
    t.keys('C-c');
    await t.waitFor((s) => /Pause here\?/.test(s), 'the pause question');
    t.keys('n', 'Enter');
    await t.waitFor(
      (s) =>
        (s.match(/about the data\./g) ?? []).length >= 1 && /left\s/.test(s.split('Pause here?').at(-1)!),
      'the answer screen again',
    );
    t.type(' And a second.');
    await t.waitFor((s) => s.includes('And a second.'), 'more text');
    t.keys('C-c');
    await t.waitFor((s) => (s.match(/Pause here\?/g) ?? []).length >= 2, 'the second pause question');
    t.keys('C-c');
    const done = await t.waitFor((s) => /EXIT=\d+/.test(s), 'the pause');
    expect(done).toContain('EXIT=130');
    expect(done).toMatch(/coach resume \S+/);
    expect(draft()!.text).toBe('My first point is about the data. And a second.');
  });
});

describe.skipIf(!HAS_TMUX)('coach practice with the LLM scorer, in a terminal', () => {
  it('scores through the Messages API, asks the follow-up it wrote, and counts its cost', async () => {
    const server = await startAnthropicServer();
    try {
      const star = (await loadRegistry({ banks: [] }, ROOT)).rubrics.get('star')!;
      const judgement = JSON.stringify({
        criteria: Object.fromEntries(
          star.criteria.map((c) => [
            c.id,
            { evidence: [], level: c.id === 'results' ? 2 : 3, feedback: `Feedback on ${c.name}.` },
          ]),
        ),
        warnings: [],
      });
      // One million input tokens each: the costs are then the model's per-million prices, easy to tell apart.
      server.enqueue({ kind: 'sse', text: judgement, usage: { input_tokens: 1_000_000, output_tokens: 0 } });
      server.enqueue({
        kind: 'json',
        text: JSON.stringify({
          followUps: [{ kind: 'data', prompt: 'Which number told you the cache was worth it?' }],
        }),
        usage: { input_tokens: 1_000_000, output_tokens: 0 },
      });
      const t = start('practice --count 1 --seed 3 --time 120 --bank behavioral --scorer anthropic', {
        ANTHROPIC_API_KEY: 'sk-ant-test-e2e',
        ANTHROPIC_BASE_URL: server.url,
      });
      await t.waitFor((s) => /Question 1 of 1/.test(s) && /left/.test(s), 'the first question');
      for (const line of GOOD_LINES) {
        t.type(line);
        t.keys('Enter');
      }
      await t.waitFor((s) => s.includes('since then I write'), 'the typed answer');
      t.keys('C-d');
      await t.waitFor(
        (s) => s.includes('Which number told you the cache was worth it?'),
        'the written follow-up',
      );
      t.type('The p99 in the traces, before and after the 5% rollout.');
      await t.waitFor((s) => s.includes('before and after the 5% rollout.'), 'the follow-up answer');
      t.keys('C-d');
      const done = await t.waitFor((s) => /EXIT=\d+/.test(s), 'the session to end');
      expect(done).toContain('EXIT=0');
      expect(done).toMatch(/LLM scoring and follow-ups: 2000000 tokens, about \$\d+\.\d{4}/);
      // The scoring request streamed; the follow-up request named the weakest criterion.
      const posts = server.requests.filter((r) => r.path.startsWith('/v1/messages') && r.method === 'POST');
      expect(posts).toHaveLength(2);
      expect(posts[1]!.body.messages[0].content).toContain('Weakest criterion: ');
      // History holds one attempt whose cost covers both calls: written unscored before the scoring
      // call, then completed under the same id.
      const records = readFileSync(join(home, 'history', 'attempts.jsonl'), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
      expect(records.map((r) => r.status)).toEqual(['unscored', undefined]);
      expect(records[1].id).toBe(records[0].id);
      const attempts = records.slice(1);
      const events = journalEvents() as {
        type: string;
        result?: { usage?: { costUsd: number } };
        usage?: { costUsd: number };
      }[];
      // The session journal records what produced the score, as history does.
      expect(events.find((e) => e.type === 'score')!.result).toMatchObject({
        scorer: 'anthropic',
        model: 'claude-sonnet-5-5',
        promptVersion: expect.stringMatching(/^[0-9a-f]{10}$/),
        rubricVersion: expect.stringMatching(/^[0-9a-f]{10}$/),
      });
      expect(attempts[0]).toMatchObject({ model: 'claude-sonnet-5-5', promptVersion: expect.any(String) });
      const scoring = events.find((e) => e.type === 'score')!.result!.usage!.costUsd;
      const followUps = events.find((e) => e.type === 'followups')!.usage!.costUsd;
      expect(scoring).toBeGreaterThan(0);
      expect(followUps).toBeGreaterThan(0);
      expect(attempts[0].costUsd).toBeCloseTo(scoring + followUps, 9);
    } finally {
      await server.close();
    }
  });
});

describe('coach practice without a terminal', () => {
  it('exits 2 and points to coach drill', () => {
    const result = spawnSync(process.execPath, ['bin/coach.js', 'practice'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, COACH_HOME: tty.tempHome('coach-e2e-'), NO_COLOR: '1' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/needs a terminal; for scripts use `coach drill`/);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
