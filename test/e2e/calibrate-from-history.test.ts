import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { assertBuilt, runCoach } from '../helpers/exec.js';
import { useTempDir } from '../helpers/fs.js';
import { repoRoot } from '../helpers/paths.js';

// `coach calibrate --from-history`: the answers people scored in peer mode (with a transcript) are a
// calibration set; the figures must be exactly those of the same answers and labels in a file.

assertBuilt();
const VERDICTS = ['strong-no-hire', 'no-hire', 'hire', 'strong-hire'] as const;
type Entry = {
  id: string;
  question?: string;
  label: string | number;
  criteria?: Record<string, number>;
  level?: string;
  answer: string;
};
const example = (
  parse(readFileSync(join(repoRoot, 'calibration', 'example.yaml'), 'utf8')) as Entry[]
).filter((e) => e.question);
const levelOf = (l: string | number) =>
  typeof l === 'number' ? l : VERDICTS.indexOf(l as (typeof VERDICTS)[number]) + 1;

/** A history record as `coach interview --peer --transcript` writes it, for one labelled answer. */
function humanAttempt(e: Entry, i: number, answer = e.answer) {
  const level = levelOf(e.label);
  return {
    v: 1,
    id: `peer-test-${i}`,
    at: `2026-03-0${1 + (i % 9)}T10:00:00.000Z`,
    date: `2026-03-0${1 + (i % 9)}`,
    source: 'peer',
    questionId: e.question,
    bank: null,
    category: null,
    principles: [],
    rubric: 'star',
    level: e.level ?? null,
    answer,
    elapsedMs: 180000,
    limitSeconds: 240,
    scorer: 'human',
    model: null,
    rubricVersion: 'x',
    // The middle of the verdict's quartile: the verdict is what calibrate reads as the label.
    overall: [10, 40, 60, 90][level - 1],
    verdict: VERDICTS[level - 1],
    criteria: Object.entries(e.criteria ?? {}).map(([id, score]) => ({ id, score })),
    costUsd: 0,
  };
}

describe('coach calibrate --from-history', () => {
  const tmp = useTempDir('coach-calibrate-history-');

  it('gives the same figures as a calibration file holding the same answers and labels', () => {
    const dir = tmp();
    const home = join(dir, 'home');
    mkdirSync(join(home, 'history'), { recursive: true });
    const offline = { ...humanAttempt(example[0]!, 99), id: 'drill-x', scorer: 'offline', source: 'drill' };
    const noTranscript = humanAttempt(example[1]!, 98, '');
    const records = [...example.map((e, i) => humanAttempt(e, i)), offline, noTranscript];
    writeFileSync(
      join(home, 'history', 'attempts.jsonl'),
      `${records.map((r) => JSON.stringify(r)).join('\n')}\n`,
    );
    const file = example.map((e) => ({
      question: e.question,
      label: e.label,
      ...(e.criteria ? { criteria: e.criteria } : {}),
      ...(e.level ? { level: e.level } : {}),
      mode: 'spoken',
      answer: e.answer,
    }));
    writeFileSync(join(dir, 'same.yaml'), stringify(file));

    const fromHistory = runCoach(['calibrate', '--from-history', '--json'], {
      cwd: dir,
      env: { COACH_HOME: home },
    });
    expect(fromHistory.status).toBe(0);
    expect(fromHistory.stderr.trim()).toBe(
      'coach: warning: left out 1 attempt(s) scored by a person without a transcript: there is no answer text to score',
    );
    const fromFile = runCoach(['calibrate', 'same.yaml', '--json'], { cwd: dir, env: { COACH_HOME: home } });
    expect(fromFile.status).toBe(0);
    const report = JSON.parse(fromHistory.stdout);
    expect(report.n).toBe(example.length);
    expect(report.scorer).toBe('offline');
    expect(report).toEqual(JSON.parse(fromFile.stdout));

    const text = runCoach(['calibrate', '--from-history'], { cwd: dir, env: { COACH_HOME: home } });
    expect(text.stdout).toContain(
      `against ${example.length} labelled answers in history (answers scored by a person)`,
    );
  });

  it('exits 2 with one line when no human-scored attempt has a transcript, or with both a file and the flag', () => {
    const dir = tmp();
    const home = join(dir, 'home');
    mkdirSync(join(home, 'history'), { recursive: true });
    writeFileSync(
      join(home, 'history', 'attempts.jsonl'),
      `${JSON.stringify(humanAttempt(example[0]!, 0, ''))}\n`,
    );
    const none = runCoach(['calibrate', '--from-history'], { cwd: dir, env: { COACH_HOME: home } });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(
      /no attempt in history was scored by a person with a transcript; record one with `coach interview --peer ID --transcript FILE`/,
    );
    for (const args of [['calibrate'], ['calibrate', 'x.yaml', '--from-history']]) {
      const run = runCoach(args, { cwd: dir, env: { COACH_HOME: home } });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
