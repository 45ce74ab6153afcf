import { existsSync } from 'node:fs';
import { resolveConfig } from '../config.js';
import { EXIT, UsageError } from '../errors.js';
import { lint } from '../lint/lint.js';
import { defaultStoriesFile, SHIPPED_BANKS_DIR, SHIPPED_RUBRICS_DIR } from '../paths.js';
import { LINT_REPORTERS, type LintFormat } from '../reporters/index.js';
import { plural } from '../reporters/plural.js';
import { colorFor } from '../ui/color.js';
import type { CommandContext } from './context.js';

export interface LintCommandOptions {
  format: LintFormat;
  /** 0 or more (src/cli/parsers.ts). */
  maxWarnings?: number;
  banks: string[];
  threads?: number;
}

/**
 * `coach lint [paths...]`. No paths: the shipped banks and rubrics plus configured ones, and the
 * story bank in the config directory when there is one.
 * Paths: exactly those files, with shipped and configured rubrics known for reference checks.
 */
export async function lintCommand(
  paths: string[],
  options: LintCommandOptions,
  ctx: CommandContext,
): Promise<number> {
  const { format } = options;
  const { maxWarnings, threads } = options;
  const config = await resolveConfig({ cwd: ctx.cwd, env: ctx.env, banks: options.banks });
  const shipped = [SHIPPED_BANKS_DIR, SHIPPED_RUBRICS_DIR];
  const stories = defaultStoriesFile(ctx.env);

  const result = await lint({
    cwd: ctx.cwd,
    paths:
      paths.length > 0 ? paths : [...shipped, ...config.banks, ...(existsSync(stories) ? [stories] : [])],
    referencePaths: paths.length > 0 ? [SHIPPED_RUBRICS_DIR, ...config.banks] : [],
    ...(threads !== undefined ? { threads } : {}),
  });

  // Named paths that hold nothing to lint are a mistake (a wrong directory), not a clean pass.
  if (paths.length > 0 && result.files === 0 && result.problems.length === 0) {
    throw new UsageError(`no *.yaml or *.yml files to lint in ${paths.join(', ')}`);
  }

  const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0';
  ctx.stdout.write(
    LINT_REPORTERS[format](result, { color: colorFor(ctx.stdout, ctx.env, ctx.noColor), version }),
  );

  const tooManyWarnings = maxWarnings !== undefined && result.warningCount > maxWarnings;
  if (tooManyWarnings && format === 'stylish') {
    ctx.stderr.write(
      `coach lint: ${result.warningCount} ${plural(result.warningCount, 'warning')}, more than --max-warnings ${maxWarnings}\n`,
    );
  }
  if (result.ioError) return EXIT.usage;
  return result.errorCount > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok;
}
