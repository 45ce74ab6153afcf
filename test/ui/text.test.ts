import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import wrapAnsi from 'wrap-ansi';
import { seededRandom } from '../../src/session/random.js';
import { fitWidth, padToWidth, table, truncate, visibleLength, wrap, wrapLine } from '../../src/ui/text.js';

const color = new Chalk({ level: 1 });
const ESC = '\u001b';

describe('display width', () => {
  it('counts wide characters as two columns and colour codes as none', () => {
    expect(visibleLength('日本')).toBe(4);
    expect(visibleLength('🙂')).toBe(2);
    expect(visibleLength(color.red('abc'))).toBe(3);
  });

  it('aligns table columns after wide characters', () => {
    const out = table(
      ['question', 'score'],
      [
        ['設計の質問', '72'],
        ['🙂 emoji', '3'],
        [color.green('plain'), '100'],
      ],
    );
    const lines = out.trimEnd().split('\n');
    // The last column starts at the same screen column on every line.
    const starts = lines.map((line) => stringWidth(line.slice(0, line.search(/\S+$/))));
    expect(new Set(starts).size).toBe(1);
    expect(starts[0]).toBe(stringWidth('設計の質問') + 2);
  });
});

describe('truncate', () => {
  it('cuts a coloured line to the width, keeps its colour and ends with a reset', () => {
    const line = `${color.red('red words here')} and ${color.bold('bold ones')}`;
    const cut = truncate(line, 10);
    expect(visibleLength(cut)).toBe(10);
    expect(cut.startsWith(`${ESC}[31mred words`)).toBe(true);
    expect(cut.endsWith(`${ESC}[0m`)).toBe(true);
    expect(cut.replace(/\u001b\[[0-9;]*m/g, '')).toBe('red words…');
  });

  it('never splits a wide character: the cut stays within the width', () => {
    const cut = truncate('日本語のテキスト', 6);
    expect(visibleLength(cut)).toBeLessThanOrEqual(6);
    expect(cut).toBe('日本…');
  });

  it('leaves a line that fits alone, colour and all', () => {
    const line = color.red('short');
    expect(truncate(line, 10)).toBe(line);
  });
});

describe('wrap', () => {
  it('wraps a long line at spaces, never inside a word', () => {
    const text = 'the quick brown fox jumps over the lazy dog and keeps running far away';
    const rows = wrap(text, 24).split('\n');
    expect(rows).toEqual(['the quick brown fox', 'jumps over the lazy dog', 'and keeps running far', 'away']);
    for (const row of rows) expect(visibleLength(row)).toBeLessThanOrEqual(24);
  });

  it('breaks a word longer than the width', () => {
    const url = 'https://example.com/a/very/long/path/that/does/not/fit';
    const rows = wrapLine(`see ${url}`, 20);
    expect(rows.length).toBe(3);
    for (const row of rows) expect(visibleLength(row)).toBeLessThanOrEqual(20);
    expect(rows.join('')).toBe(`see ${url}`);
  });

  it('wraps wide characters by their width, and indents every row', () => {
    const rows = wrap('日本語 テキスト 日本語 テキスト 日本語 テキスト', 20, '  ').split('\n');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      expect(row.startsWith('  ')).toBe(true);
      expect(visibleLength(row)).toBeLessThanOrEqual(22);
    }
  });

  it('keeps a line’s own indentation on the rows it makes', () => {
    expect(wrapLine('    - one two three four five', 14)).toEqual([
      '    - one two',
      '    three four',
      '    five',
    ]);
  });
});

describe('fitWidth and padToWidth', () => {
  it('pad by display width, so wide labels line up', () => {
    expect(padToWidth('設計', 6)).toBe('設計  ');
    expect(visibleLength(padToWidth(color.red('ab'), 6))).toBe(6);
  });

  it('cut a label longer than its column to exactly the width, never half a wide character', () => {
    expect(fitWidth('abcdefgh', 5)).toBe('abcde');
    expect(fitWidth('設計の質問', 5)).toBe('設計 ');
    expect(fitWidth('ab', 5)).toBe('ab   ');
  });
});

// The plain-text fast paths (issue 18: no Intl.Segmenter at start-up for ASCII output) must give
// exactly what the libraries give. Differential over seeded random lines of one-column characters.
describe('plain text is measured, wrapped and cut as string-width and wrap-ansi do', () => {
  const random = seededRandom(18);
  const pick = (chars: string) => chars.charAt(Math.floor(random() * chars.length));
  // The narrow symbols our output uses (ui/text.ts treats them as plain text).
  const alphabet = 'abcdefghij-./:,()0123·…›‹●○░█─→←•’‘“”—–';
  /** Words of 0-25 characters (some longer than a row) joined by one or more spaces, edges included. */
  const randomLine = () => {
    const words = Array.from({ length: Math.floor(random() * 12) }, () =>
      Array.from({ length: Math.floor(random() * (random() < 0.1 ? 40 : 9)) }, () => pick(alphabet)).join(''),
    );
    return words.map((w) => w + ' '.repeat(random() < 0.2 ? 2 : 1)).join('') + (random() < 0.5 ? '' : ' ');
  };
  const lines = Array.from({ length: 400 }, randomLine);

  // Up to U+2FFF: Latin, punctuation, arrows, box drawing, blocks and shapes, where any narrow symbol
  // the fast path could take lives; past it are CJK and emoji, which must go to string-width.
  it('every character up to U+2FFF, alone and after a letter', () => {
    for (let code = 0x20; code <= 0x2fff; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `a${char}`]) {
        const width = stringWidth(text);
        if (visibleLength(text) !== width) expect(visibleLength(text), `U+${code.toString(16)}`).toBe(width);
      }
    }
  });

  it('visibleLength, with and without colour codes', () => {
    for (const line of lines) {
      expect(visibleLength(line)).toBe(stringWidth(line));
      const coloured = color.red(line) + color.bold('x');
      expect(visibleLength(coloured)).toBe(stringWidth(coloured));
    }
  });

  it('wrapLine, at widths from 1 to 30, with and without indentation', () => {
    for (const [i, line] of lines.entries()) {
      const width = 1 + (i % 30);
      const full = (i % 3 === 0 ? '  ' : '') + line;
      // wrapLine keeps a line's leading spaces as the indentation of every row it makes.
      const indent = /^ */.exec(full)![0];
      const expected = wrapAnsi(full.slice(indent.length), Math.max(1, width - indent.length), { hard: true })
        .split('\n')
        .map((row) => indent + row);
      expect(wrapLine(full, width), JSON.stringify([full, width])).toEqual(expected);
    }
  });

  it('truncate and fitWidth', () => {
    for (const [i, line] of lines.entries()) {
      const width = 1 + (i % 30);
      const cut = (w: number) =>
        wrapAnsi(line, w, { hard: true, trim: false, wordWrap: false }).split('\n')[0];
      if (stringWidth(line) > width) {
        expect(truncate(line, width)).toBe(width <= 1 ? '…' : `${cut(width - 1)}…`);
        expect(fitWidth(line, width)).toBe(cut(width));
      } else {
        expect(truncate(line, width)).toBe(line);
      }
    }
  });
});
