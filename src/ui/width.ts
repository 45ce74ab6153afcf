/** How wide the human output of a command is laid out. */

/** What a stream tells of its size: a terminal's stream, or the command context's stdout. */
export interface Sized {
  isTTY?: boolean;
  columns?: number;
}

/**
 * Width to cut table lines at: the terminal's. None when output goes to a file or a pipe, so `grep`
 * sees whole lines.
 */
export function terminalWidth(stream: Sized): number | undefined {
  return stream.isTTY ? (stream.columns ?? 80) : undefined;
}

/** Width to wrap prose at: the terminal's, but at most 100 columns (longer lines are hard to read); 88 off a terminal. */
export function proseWidth(terminal: number | undefined): number {
  return Math.min(terminal ?? 88, 100);
}
