import { terminalSafe } from '../text/control.js';

// The filter itself is plain text work (text/control.ts), which the report uses too; the terminal
// code takes it from here, beside the stream that applies it.
export { stripControl, terminalSafe } from '../text/control.js';

export interface WritableText {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
  /**
   * The unfiltered terminal under a filtered stream, for drawing that needs cursor control (the
   * spinner); only text the coach made, itself filtered, goes there. Absent when not a terminal.
   */
  terminal?: NodeJS.WriteStream;
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
    terminal: isTerminal(stream) ? stream : undefined,
  };
}

function isTerminal(stream: WritableText): stream is WritableText & NodeJS.WriteStream {
  return stream.isTTY === true && typeof (stream as Partial<NodeJS.WriteStream>).cursorTo === 'function';
}
