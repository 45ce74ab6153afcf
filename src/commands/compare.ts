import { compareAttempts, pickPair } from '../report/compare.js';
import { colorFor } from '../ui/color.js';
import { renderComparison } from '../ui/comparison.js';
import { terminalWidth } from '../ui/width.js';
import type { CommandContext } from './context.js';
import { readHistory } from './support/history.js';
import { writeJson } from './support/output.js';
import { registryFor } from './support/registry.js';

export interface CompareFlags {
  question?: string;
  json?: boolean;
  banks?: string[];
}

/**
 * `coach compare [ID [ID]] [--question ID]`: two attempts at one question side by side. `--json`
 * prints `{question, before, after, criteria: [{id, before, after, delta}]}`.
 */
export async function compareCommand(
  ids: string[],
  options: CompareFlags,
  ctx: CommandContext,
): Promise<number> {
  const attempts = readHistory(ctx);
  const [before, after] = pickPair(attempts, {
    ids,
    ...(options.question !== undefined ? { question: options.question } : {}),
  });
  const registry = await registryFor(ctx, options.banks);
  const order = registry.rubrics.get(after.rubric)?.criteria.map((c) => c.id) ?? [];
  const detail = compareAttempts(before, after, order);
  for (const caveat of detail.caveats) ctx.stderr.write(`coach: warning: ${caveat}\n`);
  if (options.json) {
    writeJson(ctx, detail.comparison);
    return 0;
  }
  const names = new Map(registry.rubrics.get(after.rubric)?.criteria.map((c) => [c.id, c.name]) ?? []);
  ctx.stdout.write(
    renderComparison(
      detail,
      before,
      after,
      names,
      colorFor(ctx.stdout, ctx.env, ctx.noColor),
      terminalWidth(ctx.stdout),
    ),
  );
  return 0;
}
