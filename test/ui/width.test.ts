import { describe, expect, it } from 'vitest';
import { proseWidth, terminalWidth } from '../../src/ui/width.js';

describe('output width', () => {
  it('cuts tables at the terminal width, and not at all off a terminal', () => {
    expect(terminalWidth({ isTTY: true, columns: 132 })).toBe(132);
    expect(terminalWidth({ isTTY: true })).toBe(80);
    expect(terminalWidth({ isTTY: false, columns: 132 })).toBeUndefined();
    expect(terminalWidth({})).toBeUndefined();
  });

  it('wraps prose at the terminal width up to 100 columns, and at 88 off a terminal', () => {
    expect(proseWidth(60)).toBe(60);
    expect(proseWidth(200)).toBe(100);
    expect(proseWidth(undefined)).toBe(88);
  });
});
