import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/ui/color.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colour level', () => {
  it.each([
    ['a terminal', tty, {}, false, 2],
    ['a pipe', pipe, {}, false, 0],
    ['NO_COLOR on a terminal', tty, { NO_COLOR: '1' }, false, 0],
    ['an empty NO_COLOR (ignored)', tty, { NO_COLOR: '' }, false, 2],
    ['TERM=dumb', tty, { TERM: 'dumb' }, false, 0],
    ['--no-color', tty, {}, true, 0],
    ['FORCE_COLOR=1 on a pipe', pipe, { FORCE_COLOR: '1' }, false, 1],
    ['FORCE_COLOR=3', pipe, { FORCE_COLOR: '3' }, false, 3],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, false, 0],
    ['an empty FORCE_COLOR with NO_COLOR', tty, { FORCE_COLOR: '', NO_COLOR: '1' }, false, 0],
    ['--no-color beats FORCE_COLOR', tty, { FORCE_COLOR: '1' }, true, 0],
    ['truecolor terminals', tty, { COLORTERM: 'truecolor' }, false, 3],
  ] as const)('%s', (_label, stream, env, flag, level) => {
    expect(colorLevel(stream, env, flag)).toBe(level);
  });
});
