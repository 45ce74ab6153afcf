import { describe, expect, it } from 'vitest';
import { stripControl, terminalSafe } from '../../src/text/control.js';

describe('terminalSafe', () => {
  it('drops escape sequences that drive the terminal and keeps colour and layout', () => {
    const osc0 = '\u001b]0;pwned\u0007';
    const osc52 = '\u001b]52;c;ZXZpbA==\u001b\\';
    const clear = '\u001b[2J\u001b[H';
    const c1 = '\u009b31m';
    const text = `a${osc0}b${osc52}c${clear}d${c1}e\u0000\u0008\u007f\tf\r\n\u001b[1mbold\u001b[22m`;
    expect(terminalSafe(text)).toBe('abcde\tf\r\n\u001b[1mbold\u001b[22m');
  });

  it('stripControl drops colour too, for one field of text', () => {
    expect(stripControl('\u001b[31mred\u001b[0m line\r\nnext')).toBe('red line\nnext');
  });
});
