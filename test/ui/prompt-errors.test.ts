import { PassThrough } from 'node:stream';
import confirm from '@inquirer/confirm';
import { AbortPromptError, ExitPromptError } from '@inquirer/core';
import { describe, expect, it } from 'vitest';

// The prompts we take from Inquirer (confirm, select) and our own answer box built on @inquirer/core must
// share one copy of @inquirer/core: with two, its error classes differ and `instanceof` fails on Ctrl-C.
function terminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 80, rows: 24 });
  output.resume();
  return { input, output };
}

describe('prompt errors from the Inquirer prompts', () => {
  it('Ctrl-C rejects with the ExitPromptError class of @inquirer/core', async () => {
    const { input, output } = terminal();
    const answer = confirm({ message: 'Go on?' }, { input, output });
    await new Promise((r) => setTimeout(r, 30));
    input.write('\u0003');
    await expect(answer).rejects.toBeInstanceOf(ExitPromptError);
  });

  it('an aborted signal rejects with the AbortPromptError class of @inquirer/core', async () => {
    const { input, output } = terminal();
    const controller = new AbortController();
    const answer = confirm({ message: 'Go on?' }, { input, output, signal: controller.signal });
    controller.abort();
    await expect(answer).rejects.toBeInstanceOf(AbortPromptError);
  });
});
