/**
 * Plain-text layout helpers shared by the human output of every command. Widths are display widths
 * (string-width): a CJK character or an emoji takes two columns, colour codes none. Wrapping goes
 * through wrap-ansi, which keeps colour codes balanced on every line it makes.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Columns a string takes on a terminal. */
export function visibleLength(s: string): number {
  return stringWidth(s);
}

/**
 * One line cut into rows of at most `width` columns, at spaces where there are any; a word longer
 * than a row is broken. The line's own indentation is kept and continues on every row it makes.
 */
export function wrapLine(line: string, width: number): string[] {
  const indent = /^[ \t]*/.exec(line)![0];
  const room = Math.max(1, width - visibleLength(indent));
  return wrapAnsi(line.slice(indent.length), room, { hard: true })
    .split('\n')
    .map((row) => indent + row);
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
  const head = wrapAnsi(s, width - 1, { hard: true, trim: false, wordWrap: false }).split('\n')[0] ?? '';
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
  const head = wrapAnsi(s, width, { hard: true, trim: false, wordWrap: false }).split('\n')[0] ?? '';
  return padToWidth(head, width);
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m}m${String(s).padStart(2, '0')}s` : `${m} min`;
}
