/** Plain-text layout helpers shared by the human output of every command. */

const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

/** Word-wraps text to a width, indenting every line. */
export function wrap(text: string, width: number, indent = ''): string {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > room) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines.map((l) => indent + l).join('\n');
}

export function truncate(s: string, width: number): string {
  if (visibleLength(s) <= width) return s;
  return `${s.replace(ANSI, '').slice(0, Math.max(0, width - 1))}…`;
}

/**
 * A table with a header row and aligned columns. When a width is given (a terminal), the last column
 * is cut to fit; when output is piped, nothing is cut so no text is lost to `grep`.
 */
export function table(header: string[], rows: string[][], width?: number): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => visibleLength(r[c] ?? ''))));
  const lines = all.map((row) => {
    const cells = row.map((cell, c) => (c === row.length - 1 ? cell : pad(cell, widths[c]!)));
    const line = cells.join('  ');
    return width ? truncate(line, width) : line;
  });
  return `${lines.join('\n')}\n`;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleLength(s)));
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m}m${String(s).padStart(2, '0')}s` : `${m} min`;
}
