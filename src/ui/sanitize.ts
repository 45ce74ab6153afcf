import { terminalSafe } from '../text/control.js';

// The filter itself is plain text work (text/control.ts), which the report uses too; the terminal
// code takes it from here, beside the stream that applies it.
export { stripControl, terminalSafe } from '../text/control.js';

export interface WritableText {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

/** A stream whose writes pass through `terminalSafe`, with the stream's own isTTY, columns and rows. */
export function safeStream<T extends WritableText>(stream: T): WritableText {
  return {
    write: (chunk: string) => stream.write(typeof chunk === 'string' ? terminalSafe(chunk) : chunk),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
    get rows() {
      return stream.rows;
    },
  };
}
