import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach, stackLines } from '../helpers/exec.js';
import { startLine, writeJournal } from '../helpers/journal.js';
import { binPath } from '../helpers/paths.js';
import { mountSmallDisk } from '../helpers/tmpfs.js';

// Issue 17: inputs that hung, filled memory, crashed or misreported. Each runs the built bin and
// expects one line per problem on stderr, exit 2, and no stack trace.

let work: string;
beforeAll(() => {
  assertBuilt();
  work = mkdtempSync(join(tmpdir(), 'coach-bad-input-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Like runCoach, but with a bound so a hang fails the test instead of blocking it. */
function coach(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string | Buffer } = {},
) {
  const home = options.env?.COACH_HOME ?? mkdtempSync(join(tmpdir(), 'coach-bad-home-'));
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? work,
    env: { PATH: process.env.PATH, HOME: home, COACH_HOME: home, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function expectOneLineError(run: { status: number | null; stderr: string }, pattern: RegExp) {
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/unexpected error|Maximum call stack/);
  expect(stackLines(run.stderr)).toEqual([]);
  expect(run.status).toBe(2);
}

function firstQuestionId(): string {
  return (
    JSON.parse(runCoach(['questions', '--json', '--bank', 'behavioral'], { cwd: work }).stdout) as {
      id: string;
    }[]
  )[0]!.id;
}

describe('files that are not what a file should be (case 3)', () => {
  it('refuses a character device as the stories file instead of reading it forever', () => {
    expectOneLineError(
      coach(['stories', 'check', '--stories', '/dev/zero']),
      /^coach: \/dev\/zero:1:1: not a regular file$/m,
    );
  });

  it('reads at most the limit from /dev/zero as an answer or answers file', () => {
    const id = firstQuestionId();
    expectOneLineError(
      coach(['score', '-q', id, '--answer-file', '/dev/zero']),
      /^coach: cannot read answer file \/dev\/zero: over the 256 KiB limit$/m,
    );
    expectOneLineError(
      coach(['drill', '--answers', '/dev/zero']),
      /^coach: cannot read answers file \/dev\/zero: over the 4\.0 MiB limit$/m,
    );
  });

  it('refuses a 1 GiB answer file by its size, before reading it', () => {
    const big = join(work, 'big-answer.txt');
    writeFileSync(big, '');
    truncateSync(big, 1024 ** 3); // sparse: takes no disk space
    try {
      expectOneLineError(
        coach(['score', '-q', firstQuestionId(), '--answer-file', big]),
        /cannot read answer file .*big-answer\.txt: over the 256 KiB limit/,
      );
    } finally {
      rmSync(big);
    }
  });

  it('does not hang on a FIFO named like the project config file or given as the stories file', () => {
    const dir = mkdtempSync(join(work, 'fifo-'));
    spawnSync('mkfifo', [join(dir, '.interview-coach.yaml'), join(dir, 'stories.yaml')]);
    expectOneLineError(
      coach(['banks'], { cwd: dir }),
      /^coach: cannot read the config file .*\.interview-coach\.yaml: not a regular file \(a FIFO\)$/m,
    );
    rmSync(join(dir, '.interview-coach.yaml'));
    expectOneLineError(
      coach(['stories', 'coverage', '--stories', join(dir, 'stories.yaml')], { cwd: dir }),
      /stories\.yaml:1:1: not a regular file$/m,
    );
  });
});

describe('damaged session journals (case 7)', () => {
  it('lists the good sessions and names each damaged journal in a warning', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-journals-'));
    const good = '2026-11-01-10-00-00-aaaa';
    writeJournal(home, good, `${startLine(good)}\n`);
    // A malformed event, and a start line cut short.
    const bad = '2026-11-02-10-00-00-bbbb';
    writeJournal(home, bad, `${startLine(bad)}\n{"type":"score","question":0}\n`);
    writeJournal(home, '2026-11-03-10-00-00-cccc', startLine('x').slice(0, 40));
    const list = coach(['sessions'], { env: { COACH_HOME: home } });
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(good);
    expect(list.stdout).toContain('2026-11-02-10-00-00-bbbb');
    expect(list.stderr).toMatch(
      /^coach: warning: skipped .*2026-11-03-10-00-00-cccc\.jsonl: no valid start event \(damaged journal\)$/m,
    );
    expectOneLineError(
      coach(['sessions', 'show', '2026-11-03-10-00-00-cccc'], { env: { COACH_HOME: home } }),
      /^coach: cannot show session .*cccc\.jsonl: no valid start event \(damaged journal\)$/m,
    );
    rmSync(home, { recursive: true, force: true });
  });

  it('a FIFO left in the data directory does not hang sessions, history or stats', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-data-fifo-'));
    const good = '2026-11-01-10-00-00-aaaa';
    writeJournal(home, good, `${startLine(good)}\n`);
    const fifo = '2026-11-04-10-00-00-dddd';
    expect(spawnSync('mkfifo', [join(home, 'sessions', `${fifo}.jsonl`)]).status).toBe(0);
    const env = { COACH_HOME: home };
    const list = coach(['sessions'], { env });
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(good);
    expect(list.stderr).toMatch(/^coach: warning: skipped .*dddd\.jsonl: not a regular file \(a FIFO\)$/m);
    expectOneLineError(
      coach(['sessions', 'show', fifo], { env }),
      /^coach: cannot show session .*dddd\.jsonl: not a regular file \(a FIFO\)$/m,
    );
    mkdirSync(join(home, 'history'));
    expect(spawnSync('mkfifo', [join(home, 'history', 'attempts.jsonl')]).status).toBe(0);
    for (const args of [['history'], ['stats']]) {
      expectOneLineError(
        coach(args, { env }),
        /^coach: cannot read data file .*attempts\.jsonl: not a regular file \(a FIFO\)$/m,
      );
    }
    rmSync(home, { recursive: true, force: true });
  });
});

describe('a reader that closes the pipe early (case 8)', () => {
  /** Runs coach with stdout read by nobody: the read end is closed at once, so writes fail with EPIPE. */
  function closedPipe(args: string[], home: string): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [binPath, ...args], {
        cwd: work,
        env: { PATH: process.env.PATH, HOME: home, COACH_HOME: home, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  it('ends quietly for questions, schema, history and history export', async () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-epipe-'));
    const answers = join(home, 'answers.json');
    writeFileSync(
      answers,
      JSON.stringify({ [firstQuestionId()]: 'I led the migration and cut p99 by 40%.' }),
    );
    expect(coach(['drill', '--answers', answers], { env: { COACH_HOME: home } }).status).toBe(0);
    for (const args of [
      ['questions', '--json'],
      ['schema', 'question-bank'],
      ['history', '--json'],
      ['history', 'export'],
    ]) {
      const run = await closedPipe(args, home);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.code, args.join(' ')).toBe(0);
    }
    rmSync(home, { recursive: true, force: true });
  });
});

describe('ordinary I/O errors are one line with the path and the reason (case 9)', () => {
  it('names the output file and why it cannot be written', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-output-'));
    writeJournal(home, '2026-11-01-10-00-00-aaaa', `${startLine('2026-11-01-10-00-00-aaaa')}\n`);
    const env = { COACH_HOME: home };
    expectOneLineError(
      coach(['sessions', 'show', '2026-11-01-10-00-00-aaaa', '-o', '/nonexistent/x.md'], { env }),
      /^coach: cannot write \/nonexistent\/x\.md: no such file or directory/m,
    );
    expectOneLineError(
      coach(['sessions', 'show', '2026-11-01-10-00-00-aaaa', '-o', work], { env }),
      /^coach: cannot write .*: is a directory$/m,
    );
    expectOneLineError(
      coach(['history', 'export', '-o', '/nonexistent/x'], { env }),
      /^coach: cannot write \/nonexistent\/x: no such file or directory/m,
    );
    rmSync(home, { recursive: true, force: true });
  });

  const readOnly = mountSmallDisk(64);
  it.skipIf('reason' in readOnly)(
    `a read-only data directory is reported as such, after the scores are printed${'reason' in readOnly ? ` (skipped: ${readOnly.reason})` : ''}`,
    () => {
      if ('reason' in readOnly) return;
      try {
        expect(spawnSync('mount', ['-o', 'remount,ro', readOnly.dir]).status).toBe(0);
        const answers = join(work, 'ro-answers.json');
        writeFileSync(
          answers,
          JSON.stringify({ [firstQuestionId()]: 'I led the migration and cut p99 by 40%.' }),
        );
        const run = coach(['drill', '--answers', answers, '--json'], { env: { COACH_HOME: readOnly.dir } });
        expectOneLineError(run, /^coach: cannot write .*attempts\.jsonl: read-only file system$/m);
        expect((JSON.parse(run.stdout) as { results: unknown[] }).results).toHaveLength(1);
        expect(readdirSync(readOnly.dir)).toEqual([]);
      } finally {
        readOnly.unmount();
      }
    },
  );
});

describe('silently accepted input (case 12)', () => {
  it('reports dangling and looping config links, and invalid UTF-8 in config and answers', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-links-'));
    const config = join(home, 'config.yaml');
    symlinkSync(join(home, 'nothing-here.yaml'), config);
    expectOneLineError(
      coach(['banks'], { env: { COACH_HOME: home } }),
      /^coach: cannot read the config file .*config\.yaml: no such file or directory \(or a broken symbolic link\)$/m,
    );
    rmSync(config);
    symlinkSync(join(home, 'loop.yaml'), config);
    symlinkSync(config, join(home, 'loop.yaml'));
    expectOneLineError(
      coach(['banks'], { env: { COACH_HOME: home } }),
      /^coach: cannot read the config file .*config\.yaml: too many levels of symbolic links$/m,
    );
    rmSync(config);
    writeFileSync(config, Buffer.from('scorer: off\xffline\n', 'latin1'));
    expectOneLineError(
      coach(['banks'], { env: { COACH_HOME: home } }),
      /^coach: cannot read the config file .*config\.yaml: not valid UTF-8 text \(at byte 11\)$/m,
    );
    rmSync(config);
    const answers = join(home, 'answers.yaml');
    writeFileSync(
      answers,
      Buffer.concat([Buffer.from(`${firstQuestionId()}: I led it `), Buffer.from([0xc3, 0x28])]),
    );
    expectOneLineError(
      coach(['drill', '--answers', answers], { env: { COACH_HOME: home } }),
      /^coach: cannot read answers file .*answers\.yaml: not valid UTF-8 text \(at byte \d+\)$/m,
    );
    expectOneLineError(
      coach(['score', '-q', firstQuestionId()], { env: { COACH_HOME: home }, input: Buffer.from([0xff]) }),
      /not valid UTF-8/,
    );
    rmSync(home, { recursive: true, force: true });
  });

  it('lint of a directory with nothing to lint is a usage error, not a pass', () => {
    const empty = mkdtempSync(join(work, 'empty-'));
    expectOneLineError(coach(['lint', empty]), /^coach: no \*\.yaml or \*\.yml files to lint in .*empty-/m);
  });

  const root = process.getuid?.() === 0;
  it.skipIf(!root)(
    `a --banks directory that cannot be listed is named in a warning${root ? '' : ' (skipped: needs root to run coach as another user)'}`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'coach-locked-'));
      chmodSync(dir, 0o755);
      const locked = join(dir, 'locked');
      const home = join(dir, 'home');
      mkdirSync(locked, { mode: 0o000 });
      mkdirSync(home, { mode: 0o777 });
      chmodSync(home, 0o777);
      // As root every directory can be listed; as nobody this one cannot.
      const run = spawnSync(process.execPath, [binPath, 'banks', '--banks', locked], {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: home, COACH_HOME: home, NO_COLOR: '1' },
        encoding: 'utf8',
        uid: 65534,
        gid: 65534,
        timeout: 30_000,
      });
      rmSync(dir, { recursive: true, force: true });
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/^coach: warning: .*locked: cannot read directory: permission denied$/m);
    },
  );

  it('says "nested too deeply" instead of a stack overflow for answers and config files', () => {
    const home = mkdtempSync(join(tmpdir(), 'coach-deep-'));
    const deep = `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    writeFileSync(join(home, 'answers.yaml'), deep);
    expectOneLineError(
      coach(['drill', '--answers', join(home, 'answers.yaml')], { env: { COACH_HOME: home } }),
      /nested too deeply to read/,
    );
    writeFileSync(join(home, 'config.yaml'), deep);
    expectOneLineError(coach(['banks'], { env: { COACH_HOME: home } }), /nested too deeply to read/);
    rmSync(home, { recursive: true, force: true });
  });
});
