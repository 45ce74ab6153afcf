import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { peerTimer } from '../../src/ui/peer-timer.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';

// The interviewer's clock in-process, on a fake terminal and a fake clock: time is driven, not waited
// for (only the prompt's own 250 ms repaint tick runs in real time).

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('peer timer', () => {
  it('waits for Enter, counts down, shows overtime without stopping, and returns the time the answer took', async () => {
    const term = fakeTerminal();
    let now = 1_000;
    const promise = peerTimer(
      { limitSeconds: 120, clock: () => now, color: new Chalk({ level: 0 }) },
      { input: term.input, output: term.output },
    );
    await settle(30);
    expect(term.screen()).toContain('⏱ 2:00  Enter starts the clock');
    // Time before the start does not count.
    now += 50_000;
    term.input.write('\r');
    await settle();
    now += 30_000;
    await settle();
    expect(term.screen()).toContain('⏱ 1:30 left');
    now += 100_000;
    await settle();
    expect(term.screen()).toContain('⏱ +0:10 overtime');
    term.input.write('\r');
    await expect(promise).resolves.toEqual({ elapsedMs: 130_000 });
    expect(term.screen()).toContain('the answer took 2:10 of 2:00');
  });
});
