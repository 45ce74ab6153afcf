import type { Env } from '../paths.js';

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** What a command may touch of the outside world; tests pass their own. */
export interface CommandContext {
  cwd: string;
  env: Env;
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  noColor: boolean;
}
