import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll } from 'vitest';

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;
const ROOT = join(import.meta.dirname, '..', '..');

/**
 * A program running in a real pseudo-terminal inside a private tmux server: keys go in with
 * send-keys, the screen comes out with capture-pane. Nothing here asserts on timing: tests wait
 * for the screen to reach a state, with a generous bound.
 */
export class TmuxTerminal {
  private readonly socket = `coach-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(
    command: string,
    env: Record<string, string>,
    readonly width = 160,
    readonly height = 40,
  ) {
    opened.add(this);
    const exports = Object.entries({ ...env, CI: '' })
      .map(([k, v]) => (v === '' ? `unset ${k};` : `export ${k}='${v.replace(/'/g, "'\\''")}';`))
      .join(' ');
    // The shell stays after the program ends so its exit code can be read from the screen.
    const script = `${exports} cd '${ROOT}' && ${command}; echo "EXIT=$?"; sleep 600`;
    this.tmux('new-session', '-d', '-s', 'main', '-x', String(width), '-y', String(height), script);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Types text literally (no key names), then optional named keys such as Enter or C-d. */
  type(text: string): void {
    if (text) this.tmux('send-keys', '-t', 'main', '-l', text);
  }

  keys(...names: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...names);
  }

  /**
   * The screen as plain text; with escapes: true, including colour codes (SGR). No-break spaces read
   * as the spaces a person sees (the answer box draws an over-long typed line with them).
   */
  screen(escapes = false): string {
    return this.tmux('capture-pane', '-p', '-t', 'main', ...(escapes ? ['-e'] : []), '-S', '-200').replaceAll(
      '\u00a0',
      ' ',
    );
  }

  /** Where the terminal's cursor is: column and row, from 0, as tmux reports it. */
  cursor(): { x: number; y: number } {
    const [x, y] = this.tmux('display-message', '-p', '-t', 'main', '#{cursor_x},#{cursor_y}')
      .trim()
      .split(',');
    return { x: Number(x), y: Number(y) };
  }

  /** One row of the visible screen (from 0), as plain text. */
  row(y: number): string {
    return this.tmux('capture-pane', '-p', '-t', 'main', '-S', String(y), '-E', String(y))
      .replace(/\n$/, '')
      .replaceAll('\u00a0', ' ');
  }

  async waitFor(
    predicate: (screen: string) => boolean,
    what: string,
    timeoutMs = 20_000,
    escapes = false,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen(escapes);
      if (predicate(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}; screen was:\n${last}`);
  }

  /** The pid of the program (the shell's child), for killing it like a crash would. */
  programPid(): number {
    const shell = this.tmux('list-panes', '-t', 'main', '-F', '#{pane_pid}').trim();
    const children = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n');
    return Number(
      children.find(
        (pid) => execFileSync('ps', ['-o', 'comm=', '-p', pid], { encoding: 'utf8' }).trim() === 'node',
      ),
    );
  }

  /** Closes the terminal as a user closing the window would: the pseudo-terminal hangs up. */
  hangUp(): void {
    this.tmux('kill-session', '-t', 'main');
  }

  /**
   * Ends the terminal and waits (bounded) for the programs in it to exit: a hung-up coach saves its
   * draft on the way out, and a test removing its data directory must not race with that write.
   */
  close(): void {
    const panes = spawnSync('tmux', ['-L', this.socket, 'list-panes', '-a', '-F', '#{pane_pid}'], {
      encoding: 'utf8',
    }).stdout;
    const pids = (panes ?? '')
      .split('\n')
      .filter(Boolean)
      .flatMap((shell) => [
        Number(shell),
        ...(spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' }).stdout ?? '')
          .split('\n')
          .filter(Boolean)
          .map(Number),
      ]);
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 5000;
    while (pids.some(alive) && Date.now() < deadline)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

/** Terminals opened in the current test, closed after it by the hook terminalTestFile() adds. */
const opened = new Set<TmuxTerminal>();

/**
 * What every terminal test file shares: it checks the built bin exists, and after each test closes the
 * terminals the test opened and removes the COACH_HOME directories it made with `tempHome`.
 */
export function terminalTestFile(): { tempHome(prefix: string): string } {
  const homes: string[] = [];
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js')))
      throw new Error('dist/ is missing: run `npm run build` first');
  });
  afterEach(() => {
    for (const terminal of opened) terminal.close();
    opened.clear();
    for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
  });
  return {
    tempHome(prefix) {
      const home = mkdtempSync(join(tmpdir(), prefix));
      homes.push(home);
      return home;
    },
  };
}
