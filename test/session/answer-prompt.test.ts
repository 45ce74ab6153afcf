import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { answerPrompt } from '../../src/ui/answer-prompt.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';

// The answer prompt in-process, on a fake terminal and a fake clock: timing is driven, not waited for
// (only the prompt's own 200 ms repaint tick runs in real time).

const ESC = String.fromCharCode(27);
const keys = {
  enter: '\r',
  ctrlD: '\u0004',
  ctrlN: '\u000e',
  backspace: '\u007f',
};

async function run(overrides: Partial<Parameters<typeof answerPrompt>[0]> = {}) {
  const term = fakeTerminal();
  let now = 0;
  const drafts: string[] = [];
  const promise = answerPrompt(
    {
      header: 'Question 1 of 1',
      limitSeconds: 60,
      initialText: '',
      initialElapsedMs: 0,
      overtime: false,
      clock: () => now,
      color: new Chalk({ level: 0 }),
      onDraft: (text) => drafts.push(text),
      draftEveryMs: 2000,
      ...overrides,
    },
    { input: term.input, output: term.output },
  );
  const type = async (text: string) => {
    for (const ch of text) term.input.write(ch);
    await new Promise((r) => setTimeout(r, 20));
  };
  const advance = async (ms: number) => {
    now += ms;
    await new Promise((r) => setTimeout(r, 260));
  };
  // The prompt drops keys that arrive before its first render (stale stdin); wait for it, as a person does.
  await new Promise((r) => setTimeout(r, 30));
  return { promise, type, advance, drafts, screen: term.screen };
}

describe('answer prompt', () => {
  it('collects several lines, saves a draft on each new line, and submits on Ctrl-D', async () => {
    const p = await run();
    await p.type('first line');
    await p.type(keys.enter);
    await p.type('second line');
    await p.advance(5_000);
    await p.type(keys.ctrlD);
    const value = await p.promise;
    expect(value).toMatchObject({ text: 'first line\nsecond line', status: 'submitted' });
    expect(value.elapsedMs).toBe(5_000);
    expect(p.drafts[0]).toBe('first line\n');
  });

  it('submits by itself when the clock passes the limit, unless overtime is allowed', async () => {
    const p = await run({ limitSeconds: 30 });
    await p.type('an answer in progress');
    await p.advance(30_001);
    await expect(p.promise).resolves.toMatchObject({ text: 'an answer in progress', status: 'timeout' });

    const o = await run({ limitSeconds: 30, overtime: true });
    await o.type('still going');
    await o.advance(42_000);
    expect(o.screen()).toMatch(/\+0:12 overtime/);
    await o.type(keys.ctrlD);
    await expect(o.promise).resolves.toMatchObject({ status: 'submitted', elapsedMs: 42_000 });
  });

  it('writes a draft every few seconds while the text changes', async () => {
    const p = await run();
    await p.type('thinking');
    await p.advance(2_500);
    expect(p.drafts).toContain('thinking');
    await p.type(keys.ctrlD);
    await p.promise;
  });

  it('continues a resumed draft, with its elapsed time, and joins lines on backspace', async () => {
    const p = await run({ initialText: 'resumed first\nresumed sec', initialElapsedMs: 10_000 });
    await p.type('ond');
    await p.type(keys.enter);
    await p.type(keys.backspace);
    await p.type(' more');
    await p.type(keys.ctrlD);
    const value = await p.promise;
    expect(value.text).toBe('resumed first\nresumed second more');
    expect(value.elapsedMs).toBe(10_000);
  });

  it('skips on Ctrl-N, keeping what was typed', async () => {
    const p = await run();
    await p.type('not this one');
    await p.type(keys.ctrlN);
    await expect(p.promise).resolves.toMatchObject({ status: 'skipped', text: 'not this one' });
  });

  it('wraps a finished line at word boundaries, and breaks a word longer than the box', async () => {
    // The fake terminal is 120 columns wide, so only the prompt's own wrapping (at 30) is at work.
    const p = await run({ columns: 30 });
    await p.type('the quick brown fox jumps over the lazy dog and runs');
    await p.type(keys.enter);
    await p.type('https://example.com/a/path/too/long/for/one/row');
    await p.type(keys.enter);
    const frame = p.screen().split('Question 1 of 1\n').at(-1)!;
    expect(frame).toContain(
      '  the quick brown fox jumps\n  over the lazy dog and runs\n  https://example.com/a/path/t\n  oo/long/for/one/row\n',
    );
    await p.type(keys.ctrlD);
    await expect(p.promise).resolves.toMatchObject({
      text: 'the quick brown fox jumps over the lazy dog and runs\nhttps://example.com/a/path/too/long/for/one/row',
    });
  });

  it('shows the tail of a long answer, counting wrapped rows', async () => {
    // 12 rows: the header takes 1, the frame 4, so 7 rows are left, 6 of them for finished lines.
    const p = await run({ columns: 30, rows: 12 });
    for (const n of [1, 2, 3, 4]) {
      await p.type(`line ${n} says a few words and then a few more`);
      await p.type(keys.enter);
    }
    const frame = p.screen().split('Question 1 of 1\n').at(-1)!;
    expect(frame).toMatch(/^ {2}… 1 earlier line\n {2}line 2 says/);
    expect(frame).toContain('line 4 says');
    await p.type(keys.ctrlD);
    await p.promise;
  });

  it('shows the keys on screen', async () => {
    const p = await run();
    await p.type('x');
    expect(p.screen()).toContain('Ctrl-D submit');
    expect(p.screen()).not.toMatch(new RegExp(`${ESC}\\[3\\dm`)); // colour level 0: no colour codes
    await p.type(keys.ctrlD);
    await p.promise;
  });
});
