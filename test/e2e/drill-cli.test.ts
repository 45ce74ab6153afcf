import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_TMUX, TmuxTerminal } from '../helpers/tmux.js';

const ROOT = join(import.meta.dirname, '..', '..');

function coach(home: string, args: string[], input = '') {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'coach.js'), ...args], {
    cwd: home,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, COACH_HOME: home, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ANSWER = `In 2024 I led the rebuild of our order pipeline after three outages in a quarter. I traced each outage
to a shared queue without back-pressure, proposed a per-tenant partitioning scheme, and wrote the migration plan.
I ran the cut-over over two weekends with a rollback switch. As a result incidents fell from three a quarter to
none in the next two quarters, and p99 latency dropped from 900 ms to 240 ms. I learned to insist on load tests
for every shared component; since then I add one to every design review I run.`;

describe('coach drill in scripts', () => {
  it("prints the day's questions as JSON, the same for the same date", () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-drill-'));
    const a = coach(home, ['drill', '--daily', '--date', '2026-11-22', '--json']);
    const b = coach(home, ['drill', '--date', '2026-11-22', '--json']);
    expect(a.status).toBe(0);
    const picks = JSON.parse(a.stdout) as Record<string, unknown>[];
    expect(picks).toHaveLength(3);
    for (const p of picks) expect(Object.keys(p)).toEqual(['id', 'category', 'prompt', 'timeLimitSeconds']);
    expect(b.stdout).toBe(a.stdout);
  });

  it('scores and records an answers file, then stats and history see it', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-drill-'));
    const picks = JSON.parse(
      coach(home, ['drill', '--date', '2026-11-22', '--json', '--bank', 'behavioral']).stdout,
    ) as { id: string }[];
    const answers = join(home, 'answers.json');
    writeFileSync(answers, JSON.stringify(Object.fromEntries(picks.map((p) => [p.id, ANSWER]))));
    const run = coach(home, ['drill', '--answers', answers, '--json', '--date', '2026-11-22']);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      date: string;
      results: { questionId: string; overall: number }[];
      averageOverall: number;
    };
    expect(out.date).toBe('2026-11-22');
    expect(out.results.map((r) => r.questionId)).toEqual(picks.map((p) => p.id));
    expect(out.averageOverall).toBe(
      Math.round(out.results.reduce((s, r) => s + r.overall, 0) / out.results.length),
    );

    const history = JSON.parse(coach(home, ['history', '--json']).stdout) as { source: string }[];
    expect(history).toHaveLength(3);
    expect(history.every((h) => h.source === 'drill')).toBe(true);
    const stats = JSON.parse(coach(home, ['stats', '--json']).stdout) as Record<string, unknown>;
    expect(Object.keys(stats)).toEqual(
      expect.arrayContaining([
        'attempts',
        'daysPractised',
        'streak',
        'byCategory',
        'byCriterion',
        'weakest',
        'costUsd',
      ]),
    );
    expect(stats.attempts).toBe(3);
    const csv = coach(home, ['history', 'export', '--format', 'csv']).stdout.trim().split('\r\n');
    expect(csv).toHaveLength(4);
    expect(csv[0]).toMatch(/^id,at,date,source,questionId/);
  });

  it('exits 1 under --fail-under, and takes answers on stdin', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-drill-'));
    const run = coach(
      home,
      ['drill', '--answers', '-', '--fail-under', '99'],
      `bhv-simplify-by-deleting: |\n  ${ANSWER.replace(/\n/g, '\n  ')}\n`,
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/under --fail-under 99/);
  });

  it('rejects unknown ids and malformed files with exit 2, recording nothing', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-drill-'));
    const bad = join(home, 'bad.yaml');
    writeFileSync(bad, `bhv-simplify-by-deleting: fine\nnot-a-question: hmm\nalso-not: no\n`);
    const unknown = coach(home, ['drill', '--answers', 'bad.yaml']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toEqual([
      'coach: bad.yaml: unknown question id "not-a-question"',
      'coach: bad.yaml: unknown question id "also-not"',
      'coach: nothing was scored or recorded',
    ]);
    writeFileSync(bad, 'this: [is not: valid');
    const malformed = coach(home, ['drill', '--answers', 'bad.yaml']);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/bad\.yaml:1:\d+: .*YAML or JSON/);
    expect(malformed.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(home, 'history', 'attempts.jsonl'))).toBe(false);
  });
});

describe.skipIf(!HAS_TMUX)('coach drill on a terminal', () => {
  it("runs the day's pick on the practice screen and records it as a drill", async () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-drill-'));
    const [pick] = JSON.parse(
      coach(home, ['drill', '--date', '2026-11-22', '--count', '1', '--json']).stdout,
    ) as {
      id: string;
      prompt: string;
    }[];
    const t = new TmuxTerminal('node bin/coach.js drill --date 2026-11-22 --count 1', {
      COACH_HOME: home,
      NO_COLOR: '1',
    });
    try {
      // The same question the script mode picks for that day, now with a timer.
      await t.waitFor((s) => /Question 1 of 1/.test(s) && /left/.test(s), 'the drill question');
      t.type(ANSWER.replace(/\n/g, ' '));
      await t.waitFor((s) => s.includes('review I run.'), 'the typed answer');
      t.keys('C-d');
      // The day's follow-ups (one or two) are skipped with Ctrl-N until the session ends.
      for (let skipped = 0; skipped < 3; skipped++) {
        const screen = await t.waitFor(
          (s) => /EXIT=\d+/.test(s) || (s.match(/Follow-up \d of \d/g) ?? []).length > skipped,
          'a follow-up or the end',
        );
        if (/EXIT=\d+/.test(screen)) break;
        t.keys('C-n');
      }
      const done = await t.waitFor((s) => /EXIT=\d+/.test(s), 'the drill to end');
      expect(done).toContain('EXIT=0');
      expect(done).toMatch(/Summary/);
    } finally {
      t.close();
    }
    const history = JSON.parse(coach(home, ['history', '--json']).stdout) as {
      source: string;
      questionId: string;
    }[];
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ source: 'drill', questionId: pick!.id });
  });
});
