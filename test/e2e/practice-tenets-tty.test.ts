import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_TMUX, TmuxTerminal, terminalTestFile } from '../helpers/tmux.js';

// A principal question on the practice screen names the tenets it tests beside its principles.
const ROOT = join(import.meta.dirname, '..', '..');
let terminal: TmuxTerminal | undefined;
const tty = terminalTestFile();
let home: string | undefined;

describe.skipIf(!HAS_TMUX)('coach practice --tenet in a terminal', () => {
  it('asks only a question tagged with the tenet and shows the tenet in its header', async () => {
    expect(existsSync(join(ROOT, 'dist', 'cli.js')), 'run `npm run build` first').toBe(true);
    home = tty.tempHome('coach-e2e-tenets-');
    terminal = new TmuxTerminal(
      'node bin/coach.js practice --bank principal-engineering --tenet flexible-in-approach --count 1 --seed 5 --no-followups',
      { COACH_HOME: home, NO_COLOR: '', TERM: 'xterm-256color' },
    );
    const screen = await terminal.waitFor((s) => /Question 1 of 1/.test(s) && /left/.test(s), 'the question');
    const header = screen.split('\n').find((line) => line.includes('Question 1 of 1')) ?? '';
    expect(header).toMatch(/tenets: [^·]*Flexible in Approach/);
  });
});
