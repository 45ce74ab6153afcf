import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
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
