/**
 * Plain-text layout helpers shared by the human output of every command. Widths are display widths
 * (string-width): a CJK character or an emoji takes two columns, colour codes none. Wrapping goes
 * through wrap-ansi, which keeps colour codes balanced on every line it makes.
 *
 * Start-up: string-width and wrap-ansi each build an Intl.Segmenter and Unicode tables when they
 * load (50-135 ms in profiles of `coach show`), yet the shipped banks and our own labels are plain
 * text. Text made only of one-column characters (printable ASCII and the few narrow symbols our
 * output uses) is measured and wrapped here, the same way wrap-ansi would (test/ui/text.test.ts
 * checks both against the libraries); anything else loads them, on first need.
 */
import type StringWidth from 'string-width';
import type WrapAnsi from 'wrap-ansi';

/** One column each, one code unit each, never joined to a neighbour (checked against string-width). */
const NARROW_SYMBOLS = '·…›‹●○░█─→←•’‘“”—–';
const PLAIN = new RegExp(`^[ -~${NARROW_SYMBOLS}]*$`);
/** The same, with SGR colour codes (zero columns) between the characters. */
const PLAIN_WITH_COLOUR = new RegExp(`^(?:[ -~${NARROW_SYMBOLS}]|\u001b\\[[0-9;]*m)*$`);
const SGR = /\u001b\[[0-9;]*m/g;

interface UnicodeText {
  stringWidth: typeof StringWidth;
  wrapAnsi: typeof WrapAnsi;
}
let unicodeText: UnicodeText | undefined;

/**
 * string-width and wrap-ansi, loaded on first use. require() because the callers are synchronous:
 * in the bundle esbuild turns it into a lazy initialiser of code already in the chunk (no runtime
 * require of an ES module), and under vitest it is Node's own require.
 */
function unicode(): UnicodeText {
  unicodeText ??= {
    stringWidth: (require('string-width') as { default: typeof StringWidth }).default,
    wrapAnsi: (require('wrap-ansi') as { default: typeof WrapAnsi }).default,
  };
  return unicodeText;
}

/** Columns a string takes on a terminal. */
export function visibleLength(s: string): number {
  if (PLAIN.test(s)) return s.length;
  if (PLAIN_WITH_COLOUR.test(s)) return s.replace(SGR, '').length;
  return unicode().stringWidth(s);
}

/**
 * One line cut into rows of at most `width` columns, at spaces where there are any; a word longer
 * than a row is broken. The line's own indentation is kept and continues on every row it makes.
 */
export function wrapLine(line: string, width: number): string[] {
  const indent = /^[ \t]*/.exec(line)![0];
  const room = Math.max(1, width - visibleLength(indent));
  const body = line.slice(indent.length);
  const rows = PLAIN.test(body)
    ? wrapPlain(body, room)
    : unicode().wrapAnsi(body, room, { hard: true }).split('\n');
  return rows.map((row) => indent + row);
}

/**
 * wrap-ansi's hard word wrap (`{ hard: true }`, trimming rows) for text whose every character is one
 * column and one code unit, so widths are lengths: words join with one space while they fit; a word
 * longer than a row starts on a fresh row unless that would take no fewer rows, and is cut at the edge.
 */
function wrapPlain(line: string, columns: number): string[] {
  if (line.trim() === '') return [''];
  const rows: string[] = [];
  let row = '';
  const breakRow = () => {
    rows.push(row);
    row = '';
  };
  line.split(' ').forEach((word, index) => {
    row = row.trimStart();
    if (index > 0 && row.length > 0) row += ' ';
    if (word.length > columns) {
      const breaksStartingHere = 1 + Math.floor((word.length - (columns - row.length) - 1) / columns);
      if (Math.floor((word.length - 1) / columns) < breaksStartingHere) breakRow();
      for (let i = 0; i < word.length; i++) {
        if (row.length >= columns) breakRow();
        row += word.charAt(i);
        if (row.length === columns && i < word.length - 1) breakRow();
      }
      return;
    }
    if (row.length + word.length > columns && row.length > 0 && word.length > 0) breakRow();
    row += word;
  });
  rows.push(row);
  return rows.map((r) => r.trimEnd());
}

/** The first `columns` columns of a line, colour codes kept and closed (wrap-ansi without word wrap). */
function cutTo(s: string, columns: number): string {
  if (PLAIN.test(s)) return s.slice(0, columns);
  return unicode().wrapAnsi(s, columns, { hard: true, trim: false, wordWrap: false }).split('\n')[0] ?? '';
}

/** Word-wraps text to a width, indenting every line; runs of whitespace inside a paragraph become one space. */
export function wrap(text: string, width: number, indent = ''): string {
  const room = Math.max(20, width - visibleLength(indent));
  return text
    .split('\n')
    .flatMap((paragraph) => wrapLine(paragraph.split(/\s+/).filter(Boolean).join(' '), room))
    .map((l) => indent + l)
    .join('\n');
}

const RESET = '\u001b[0m';

/**
 * A line cut to `width` columns with an ellipsis. Colour codes are kept (wrap-ansi closes what it
 * cut open) and a cut coloured line ends with a reset, so no colour runs on into the next line.
 */
export function truncate(s: string, width: number): string {
  if (visibleLength(s) <= width) return s;
  if (width <= 1) return '…';
  const head = cutTo(s, width - 1);
  return s.includes('\u001b') ? `${head}…${RESET}` : `${head}…`;
}

/**
 * A table with a header row and aligned columns. When a width is given (a terminal), the last column
 * is cut to fit; when output is piped, nothing is cut so no text is lost to `grep`.
 */
export function table(header: string[], rows: string[][], width?: number): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => visibleLength(r[c] ?? ''))));
  const lines = all.map((row) => {
    const cells = row.map((cell, c) => (c === row.length - 1 ? cell : padToWidth(cell, widths[c]!)));
    const line = cells.join('  ');
    return width ? truncate(line, width) : line;
  });
  return `${lines.join('\n')}\n`;
}

/** Padded with spaces to `width` columns (by display width, so after wide characters too). */
export function padToWidth(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleLength(s)));
}

/** Exactly `width` columns: padded, or cut without an ellipsis when longer (a label in a column). */
export function fitWidth(s: string, width: number): string {
  if (visibleLength(s) <= width) return padToWidth(s, width);
  return padToWidth(cutTo(s, width), width);
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m}m${String(s).padStart(2, '0')}s` : `${m} min`;
}
