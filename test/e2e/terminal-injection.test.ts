import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach } from '../helpers/exec.js';
import { writeFiles, yaml } from '../helpers/fs.js';

// Issue 17, case 5: a user's bank is untrusted; nothing in it (or in arguments) may reach the
// terminal as an escape sequence. Colour is off (NO_COLOR), so no ESC at all may appear.
const ESC = '\u001b';
const BEL = '\u0007';

let dir: string;
beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'coach-inject-'));
  writeFiles(dir, {
    // String.raw: the YAML itself holds the double-quoted escapes \e and \a.
    'banks/hostile.yaml': yaml`${String.raw`
      kind: question-bank
      id: hostile
      title: "Hostile \e]0;pwned\a bank \e]52;c;ZXZpbA==\a"
      description: A bank that tries to drive the terminal.
      questions:
        - id: hostile-clear-screen
          category: ownership
          prompt: "Tell me about a time you cleared the screen \e[2J\e[H of a terminal you did not own, and why."
          levels: [L6]
          principles: [ownership]
          rubric: star
          timeLimitSeconds: 180
          followUps: ["What was your role?"]
          signals: ["owns it"]
          pitfalls: ["blames others"]
    `}`,
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const clean = (text: string) => !text.includes(ESC) && !text.includes(BEL) && !text.includes('\u009b');

describe('bank text and arguments never reach the terminal as control characters', () => {
  it.each([[['banks']], [['questions', '--bank', 'hostile']], [['show', 'hostile-clear-screen']]])(
    'coach %j',
    (args) => {
      const run = runCoach([...args, '--banks', join(dir, 'banks')], { cwd: dir });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/hostile/i);
      expect(clean(run.stdout)).toBe(true);
      expect(clean(run.stderr)).toBe(true);
    },
  );

  it('error messages do not echo control characters from arguments', () => {
    const id = `no-such${ESC}]0;pwned${BEL}`;
    const run = runCoach(['show', id], { cwd: dir });
    expect(run.status).toBe(2);
    // The whole OSC sequence is dropped, not only its ESC.
    expect(run.stderr).toContain('unknown question "no-such"');
    expect(clean(run.stderr)).toBe(true);
    const option = runCoach(['banks', `--x${ESC}[2J`], { cwd: dir });
    expect(option.status).toBe(2);
    expect(clean(option.stderr)).toBe(true);
  });

  it('lint reports the control characters as errors with positions', () => {
    const run = runCoach(['lint', join(dir, 'banks'), '--format', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout) as { problems?: unknown[] } & Record<
      string,
      unknown
    >[] as unknown;
    const text = JSON.stringify(findings);
    expect(text).toContain('control-character');
    expect(clean(run.stdout)).toBe(true);
  });
});
