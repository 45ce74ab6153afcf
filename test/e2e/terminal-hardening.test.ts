import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from '../helpers/exec.js';
import { startLine, writeJournal } from '../helpers/journal.js';
import { mountSmallDisk, type SmallDisk } from '../helpers/tmpfs.js';
import { HAS_TMUX, TmuxTerminal } from '../helpers/tmux.js';

// The answer screen when the terminal goes away, when the user sits idle, and when the disk fills.
const BIN = 'node bin/coach.js';
const PRACTICE = 'practice --count 1 --seed 3 --time 120 --no-followups --bank behavioral';

let terminal: TmuxTerminal | undefined;
let home: string | undefined;
let disk: SmallDisk | undefined;

beforeAll(() => assertBuilt());

afterEach(() => {
  terminal?.close();
  terminal = undefined;
  if (home) rmSync(home, { recursive: true, force: true });
  home = undefined;
  disk = undefined;
});

/** Runs coach with stderr and the exit code in files, in a shell that survives the hang-up to write them. */
function start(args: string, coachHome: string): TmuxTerminal {
  const out = mkdtempSync(join(tmpdir(), 'coach-term-out-'));
  home ??= out;
  terminal = new TmuxTerminal(`trap '' HUP; ${BIN} ${args} 2>'${out}/stderr'; echo $? >'${out}/status'`, {
    COACH_HOME: coachHome,
    NO_COLOR: '1',
    TERM: 'xterm-256color',
  });
  Object.assign(terminal, { out });
  return terminal;
}

const outDir = (t: TmuxTerminal) => (t as unknown as { out: string }).out;

async function waitForFile(file: string, what: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      if (text.trim()) return text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (${file})`);
}

function draftIn(coachHome: string): { text: string; elapsedMs: number } | undefined {
  const dir = join(coachHome, 'sessions');
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.draft.json')) : undefined;
  return file ? JSON.parse(readFileSync(join(dir, file), 'utf8')) : undefined;
}

describe.skipIf(!HAS_TMUX)('the answer screen, hardened', () => {
  it('closing the terminal saves the answer, including a line not yet ended, and exits 129', async () => {
    const coachHome = mkdtempSync(join(tmpdir(), 'coach-hup-'));
    const t = start(PRACTICE, coachHome);
    try {
      await t.waitFor((s) => /Question 1 of 1/.test(s) && /left/.test(s), 'the question');
      t.type('The first line of my answer.');
      t.keys('Enter');
      t.type('A second line, not yet ended');
      await t.waitFor((s) => s.includes('not yet ended'), 'the typed text');
      t.hangUp();
      const status = await waitForFile(join(outDir(t), 'status'), 'the exit status');
      const stderr = readFileSync(join(outDir(t), 'stderr'), 'utf8');
      expect(stderr).not.toMatch(/Assertion failed|Unhandled|EIO|at /);
      expect(status.trim()).toBe('129');
      expect(draftIn(coachHome)?.text).toBe('The first line of my answer.\nA second line, not yet ended');
    } finally {
      rmSync(coachHome, { recursive: true, force: true });
    }
  });

  it('time spent without typing is saved, so a resumed answer does not get it back', async () => {
    const coachHome = mkdtempSync(join(tmpdir(), 'coach-idle-'));
    try {
      const t = start(PRACTICE, coachHome);
      await t.waitFor((s) => /Question 1 of 1/.test(s), 'the question');
      // Nothing typed: wait for a draft that records at least 3 s spent on the question.
      const deadline = Date.now() + 20_000;
      while ((draftIn(coachHome)?.elapsedMs ?? 0) < 3000 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      const idle = draftIn(coachHome);
      expect(idle?.text).toBe('');
      expect(idle!.elapsedMs).toBeGreaterThanOrEqual(3000);
      process.kill(t.programPid(), 'SIGKILL');
      await waitForFile(join(outDir(t), 'status'), 'the killed process');
      t.close();

      const r = start('resume', coachHome);
      const screen = await r.waitFor((s) => /⏱ \d+:\d\d left/.test(s), 'the resumed countdown');
      const [, m, s] = screen.match(/⏱ (\d+):(\d\d) left/)!;
      expect(Number(m) * 60 + Number(s)).toBeLessThanOrEqual(120 - 3);
    } finally {
      rmSync(coachHome, { recursive: true, force: true });
    }
  });

  it('Ctrl-C at the resume picker is an interruption (exit 130), not an error', async () => {
    const coachHome = mkdtempSync(join(tmpdir(), 'coach-picker-'));
    try {
      // Two interrupted sessions, so resume asks which.
      for (const id of ['2026-11-01-10-00-00-aaaa', '2026-11-02-10-00-00-bbbb'])
        writeJournal(coachHome, id, `${startLine(id)}\n`);
      const t = start('resume', coachHome);
      await t.waitFor((s) => s.includes('Resume which session?'), 'the picker');
      t.keys('C-c');
      const status = await waitForFile(join(outDir(t), 'status'), 'the exit status');
      expect(status.trim()).toBe('130');
      expect(readFileSync(join(outDir(t), 'stderr'), 'utf8')).not.toMatch(/unexpected error/);
    } finally {
      rmSync(coachHome, { recursive: true, force: true });
    }
  });

  const small = mountSmallDisk(64);
  afterAll(() => {
    if (!('reason' in small)) small.unmount();
  });
  it.skipIf('reason' in small)(
    `the disk filling while typing ends the answer with the file and the cause, and keeps a copy of the text${'reason' in small ? ` (skipped: ${small.reason})` : ''}`,
    async () => {
      disk = small as SmallDisk;
      const t = start(PRACTICE, disk.dir);
      await t.waitFor((s) => /Question 1 of 1/.test(s) && /left/.test(s), 'the question');
      t.type('Written while there was room.');
      t.keys('Enter');
      await t.waitFor(() => draftIn(disk!.dir)?.text.includes('while there was room') === true, 'a draft');
      disk.fill(0);
      t.type('Written after the disk filled.');
      t.keys('Enter');
      const status = await waitForFile(join(outDir(t), 'status'), 'the exit status');
      const stderr = readFileSync(join(outDir(t), 'stderr'), 'utf8');
      expect(stderr).toMatch(/^coach: cannot write .*\.draft\.json: no space left on the device$/m);
      expect(stderr).not.toMatch(/^\s+at /m);
      expect(status.trim()).toBe('2');
      const copy = stderr.match(/a copy is in (\S+)/)?.[1];
      expect(copy, stderr).toBeDefined();
      expect(readFileSync(copy!, 'utf8')).toContain('Written after the disk filled.');
      rmSync(copy!);
      // The previous draft is whole and no temporary file is left behind.
      expect(draftIn(disk.dir)?.text).toContain('Written while there was room.');
      expect(readdirSync(join(disk.dir, 'sessions')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );
});
