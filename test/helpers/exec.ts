import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, builtCli } from './paths.js';

export interface CoachRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Fails with the fix in the message when the bundle the bin loads has not been built. */
export function assertBuilt(): void {
  if (!existsSync(builtCli)) {
    throw new Error(`${builtCli} is missing: run \`node scripts/build.mjs\` (or \`npm run build\`) first`);
  }
}

/** PATH, no colour, and `home` as HOME and COACH_HOME; `extra` adds to it (undefined removes). */
function cutDownEnv(home: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  const base = { PATH: process.env.PATH, HOME: home, COACH_HOME: home, NO_COLOR: '1', ...extra };
  for (const [k, v] of Object.entries(base)) if (v !== undefined) env[k] = v;
  return env;
}

/**
 * Runs the built bin with a cut-down environment: no colour, and a temporary COACH_HOME and HOME so
 * no user config leaks in. `env` adds to (or, with undefined, removes from) that environment.
 */
export function runCoach(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; input?: string },
): CoachRun {
  const home = mkdtempSync(join(tmpdir(), 'coach-e2e-home-'));
  try {
    const result = spawnSync(process.execPath, [binPath, ...args], {
      cwd: options.cwd,
      env: cutDownEnv(home, options.env),
      encoding: 'utf8',
      ...(options.input !== undefined ? { input: options.input } : {}),
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) throw result.error;
    return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Like runCoach, but without blocking this process: for tests whose local stand-in server (an LLM API)
 * must keep answering while the bin runs. `input` is written to stdin. COACH_HOME and HOME are `home`
 * (a fresh temporary directory unless given, left in place so a test can read what was recorded).
 */
export function runCoachAsync(
  args: string[],
  options: { cwd?: string; home?: string; env?: Record<string, string | undefined>; input?: string } = {},
): CoachChild {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'coach-e2e-home-'));
  const child = spawn(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? home,
    env: cutDownEnv(home, options.env),
  });
  const done = new Promise<CoachRun & { home: string }>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, home }));
  });
  child.stdin.end(options.input ?? '');
  return Object.assign(done, { child });
}

/** A running bin: the promise of its outcome, and the process itself (to interrupt it). */
export interface CoachChild extends Promise<CoachRun & { home: string }> {
  child: ChildProcess;
}

/** Lines of a stack trace ("    at ..."), which a user must never see without --debug. */
export function stackLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s+at /.test(l));
}
