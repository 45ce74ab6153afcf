import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach, stackLines } from '../helpers/exec.js';
import { mountSmallDisk, type SmallDisk } from '../helpers/tmpfs.js';

// A real full disk: COACH_HOME on a 64 KiB tmpfs, filled before the command runs.
const disk = mountSmallDisk(64);
const reason = 'reason' in disk ? disk.reason : undefined;
if (reason) console.warn(`full-disk tests skipped: ${reason}`);

const ANSWER = `In 2024 I led the rebuild of our order pipeline after three outages in a quarter. I traced each outage
to a shared queue without back-pressure, proposed per-tenant partitions, and wrote the migration plan. As a
result incidents fell from three a quarter to none, and p99 latency dropped from 900 ms to 240 ms.`;

describe.skipIf(reason !== undefined)('on a full disk', () => {
  const small = disk as SmallDisk;
  let work: string;
  beforeAll(() => {
    assertBuilt();
    work = mkdtempSync(join(tmpdir(), 'coach-full-disk-'));
  });
  afterAll(() => {
    small.unmount();
    rmSync(work, { recursive: true, force: true });
  });

  const env = () => ({ COACH_HOME: small.dir });

  it('drill --answers prints every score, then fails with the file and the cause and records no partial record', () => {
    const ids = (JSON.parse(runCoach(['questions', '--json'], { cwd: work }).stdout) as { id: string }[])
      .slice(0, 40)
      .map((q) => q.id);
    const answers = join(work, 'answers.json');
    writeFileSync(answers, JSON.stringify(Object.fromEntries(ids.map((id) => [id, ANSWER]))));
    small.fill(8 * 1024);
    const run = runCoach(['drill', '--answers', answers, '--json'], { cwd: work, env: env() });
    expect(run.stderr).toMatch(
      /^coach: cannot write .*history\/attempts\.jsonl: no space left on the device$/m,
    );
    expect(run.stderr).not.toMatch(/unexpected/);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.status).toBe(2);
    expect((JSON.parse(run.stdout) as { results: unknown[] }).results).toHaveLength(ids.length);
    // Nothing half-written: the batch did not fit, and the bytes that did were cut off again, so the
    // log (which the drill created) is left exactly as it was before: empty.
    const log = join(small.dir, 'history', 'attempts.jsonl');
    expect(existsSync(log)).toBe(true);
    expect(readFileSync(log, 'utf8')).toBe('');
  });

  it('score --save with the answer on stdin prints the score and keeps a copy of the answer elsewhere', () => {
    small.fill(0);
    const id = (
      JSON.parse(runCoach(['questions', '--json', '--bank', 'behavioral'], { cwd: work }).stdout) as {
        id: string;
      }[]
    )[0]!.id;
    const run = runCoach(['score', '-q', id, '--save'], { cwd: work, env: env(), input: ANSWER });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/\d+\/100/);
    expect(run.stderr).toMatch(/cannot write .*attempts\.jsonl: no space left on the device/);
    const copy = run.stderr.match(/a copy is in (\S+)/)?.[1];
    expect(copy, run.stderr).toBeDefined();
    expect(readFileSync(copy!, 'utf8')).toBe(ANSWER);
    rmSync(copy!);
    expect(stackLines(run.stderr)).toEqual([]);
  });
});
