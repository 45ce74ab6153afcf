import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CommandContext } from '../../src/commands/context.js';

export interface CapturedContext extends CommandContext {
  out(): string;
  err(): string;
}

/**
 * A command context that records what a command prints, with an isolated COACH_HOME so no user
 * config leaks into the test. Output streams are not TTYs, as when a script pipes the command.
 */
export function captureContext(overrides: Partial<CommandContext> = {}): CapturedContext {
  let out = '';
  let err = '';
  const home = mkdtempSync(join(tmpdir(), 'coach-home-'));
  return {
    cwd: home,
    env: { COACH_HOME: home, NO_COLOR: '1' },
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdin: new PassThrough(),
    noColor: true,
    ...overrides,
    out: () => out,
    err: () => err,
  };
}

export function parseJson<T = unknown>(text: string): T {
  return JSON.parse(text) as T;
}
