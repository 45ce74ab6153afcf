import { randomInt } from 'node:crypto';
import { resolve } from 'node:path';
import type { Registry } from '../banks/registry.js';
import { IoError } from '../fsx/io-error.js';
import { readTextBounded } from '../fsx/read-bounded.js';
import { type JobProfile, jobProfile } from '../loop/job.js';
import { buildLoopPlan, type LoopPlan } from '../loop/plan.js';
import type { Level } from '../schema/index.js';
import { colorFor } from '../ui/color.js';
import { renderLoopPlan } from '../ui/loop-plan.js';
import { terminalWidth } from '../ui/width.js';
import type { CommandContext } from './context.js';
import { writeJson } from './support/output.js';
import { registryFor } from './support/registry.js';
import type { ScorerFlags } from './support/scorer-choice.js';
import { targetLevel } from './support/target-level.js';

export interface LoopOptions extends ScorerFlags {
  /** Print the plan instead of running it (also what happens without a terminal). */
  plan?: boolean;
  json?: boolean;
  /** L5-L8, parsed by src/cli/ (src/cli/parsers.ts). */
  level?: Level;
  /** Parsed by src/cli/ (a whole number, 0 or more); random when absent. */
  seed?: number;
  /** A job posting (text or Markdown) to tailor the loop to. */
  job?: string;
  /** 1 to MAX_ROUNDS, parsed by src/cli/. */
  rounds?: number;
  /** Every question's main time limit in seconds, parsed by src/cli/. */
  time?: number;
  banks?: string[];
}

/** A posting is a page or two; far more is not a posting (and would be slow to match). */
const MAX_JOB_BYTES = 256 * 1024;

/**
 * `coach loop`: a full interview loop. With --plan, or without a terminal, it prints the plan (the
 * rounds, who interviews, the principles each owns, the questions and minutes); `--json` prints
 * exactly the LoopPlan. On a terminal it runs the loop.
 */
export async function loopCommand(options: LoopOptions, ctx: CommandContext): Promise<number> {
  const { plan, registry } = await planLoop(options, ctx);
  const interactive = Boolean(ctx.stdin.isTTY && ctx.stdout.isTTY);
  if (options.plan || options.json || !interactive) {
    printPlan(plan, registry, options, ctx);
    return 0;
  }
  // On a terminal the plan is run: loaded only here, so printing a plan stays light.
  const { runLoop } = await import('./support/loop-run.js');
  return runLoop(plan, options, registry, ctx);
}

/** The plan the flags ask for, from the registry's questions; usage errors are one line (exit 2). */
export async function planLoop(
  options: LoopOptions,
  ctx: CommandContext,
): Promise<{ plan: LoopPlan; registry: Registry }> {
  const level = (await targetLevel(options.level, ctx)) ?? 'L6';
  const seed = options.seed ?? randomInt(2 ** 31);
  // The posting is read before the banks: a wrong path fails fast, before any loading.
  const job = options.job === undefined ? null : readJob(options.job, ctx);
  const registry = await registryFor(ctx, options.banks);
  const plan = buildLoopPlan(registry.questions, {
    level,
    seed,
    job,
    ...(options.rounds !== undefined ? { rounds: options.rounds } : {}),
    ...(options.time !== undefined ? { timeSeconds: options.time } : {}),
  });
  if (job && plan.job?.terms.length === 0)
    ctx.stderr.write(
      `coach: warning: no term of ${options.job} matches a question; the plan is the seed's alone\n`,
    );
  return { plan, registry };
}

/** The posting's terms, read with the bounded reader: missing, unreadable, binary or huge is one line. */
export function readJob(file: string, ctx: CommandContext): JobProfile {
  const what = 'job posting';
  const text = readTextBounded(resolve(ctx.cwd, file), { maxBytes: MAX_JOB_BYTES, what, shownAs: file });
  // Valid UTF-8 can still be binary (a NUL-padded file); a posting never holds a NUL.
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new IoError(file, `not text (a NUL byte at character ${nul})`, `cannot read ${what}`);
  if (text.trim() === '') throw new IoError(file, 'is empty', `cannot read ${what}`);
  return jobProfile(text, file);
}

function printPlan(plan: LoopPlan, registry: Registry, options: LoopOptions, ctx: CommandContext): void {
  if (options.json) {
    writeJson(ctx, plan);
    return;
  }
  const color = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const questions = new Map(registry.questions.map((q) => [q.id, q]));
  ctx.stdout.write(`${renderLoopPlan(plan, questions, color, terminalWidth(ctx.stdout) ?? 100)}\n`);
}
