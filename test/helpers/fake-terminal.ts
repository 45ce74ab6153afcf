import { PassThrough } from 'node:stream';

/**
 * An in-process terminal for prompts built on @inquirer/core: an input that accepts raw mode and an
 * output 120 columns wide, with everything drawn collected as the screen text.
 */
export function fakeTerminal() {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  let screen = '';
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 120, rows: 40 });
  output.on('data', (chunk) => {
    screen += chunk.toString();
  });
  return { input, output, screen: () => screen };
}
