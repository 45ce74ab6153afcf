import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXIT, UsageError } from '../errors.js';
import { IoError } from '../fsx/io-error.js';
import { ensureDir, replaceWhole } from '../fsx/write-whole.js';
import { displayPath, PACKAGE_ROOT } from '../paths.js';
import type { Level } from '../schema/index.js';
import { isBehavioral } from '../stories/behavioral.js';
import { checkStories, type StoryCheck } from '../stories/check.js';
import { coverage } from '../stories/coverage.js';
import { readStories, storiesFile } from '../stories/load.js';
import { starterStories } from '../stories/starter.js';
import { FIT_SCORE, suggest } from '../stories/suggest.js';
import { colorFor } from '../ui/color.js';
import { renderChecks, renderCoverage, renderSuggestions } from '../ui/stories-report.js';
import { proseWidth, terminalWidth } from '../ui/width.js';
import type { CommandContext } from './context.js';
import { writeJson } from './support/output.js';
import { findQuestion, registryFor } from './support/registry.js';
import { createScorer, type ScorerFlags } from './support/scorer-choice.js';
import { scoringSpinner } from './support/spinner.js';

/** `coach stories check|coverage|suggest|init`: the candidate's own story bank. */

export interface StoriesFlags {
  /** The stories file; default `<config dir>/stories.yaml`. */
  stories?: string;
  json?: boolean;
  banks?: string[];
}

/** Parsed by src/cli/ (src/cli/parsers.ts): a level L5-L8, a score from 0 to 100. */
export interface StoriesCheckFlags extends StoriesFlags, ScorerFlags {
  level?: Level;
  failUnder?: number;
}

export interface StoriesSuggestFlags extends StoriesFlags {
  /** 1 or more. */
  count?: number;
}

export interface StoriesInitFlags {
  stories?: string;
  force?: boolean;
  json?: boolean;
}

/** `coach stories check`: each story scored as a three-minute answer, weakest criteria first. */
export async function storiesCheckCommand(options: StoriesCheckFlags, ctx: CommandContext): Promise<number> {
  const { level, failUnder } = options;
  const { file, stories } = readStories(options.stories, ctx);
  const registry = await registryFor(ctx, options.banks);
  const rubric = registry.rubrics.get('star');
  if (!rubric) throw new UsageError('the `star` rubric is missing; stories are scored with it');
  const scorer = await createScorer(options, ctx);
  const spinner = scoringSpinner(ctx, !options.json, 'Scoring your stories…', 'stories');
  let checks: StoryCheck[];
  try {
    checks = await checkStories(stories, {
      scorer,
      rubric,
      ...(level ? { level } : {}),
      onProgress: (done, total) => spinner.progress?.(done, total),
    });
  } finally {
    spinner.stop();
  }
  const failed =
    failUnder !== undefined && checks.some((c) => c.result.overall === null || c.result.overall < failUnder);
  if (options.json) {
    writeJson(ctx, checks.map(checkJson));
  } else {
    const color = colorFor(ctx.stdout, ctx.env, ctx.noColor);
    const width = proseWidth(terminalWidth(ctx.stdout));
    ctx.stdout.write(renderChecks(checks, file, color, width));
    if (failed) {
      ctx.stderr.write(`coach stories check: a story scores under --fail-under ${failUnder}\n`);
    }
  }
  return failed ? EXIT.findings : EXIT.ok;
}

function checkJson(c: StoryCheck) {
  return {
    id: c.id,
    title: c.title,
    principles: c.principles,
    words: c.words,
    scorer: c.result.scorer,
    level: c.result.level,
    overall: c.result.overall,
    verdict: c.result.verdict,
    weakest: c.weakest.map(({ id, name, score, max, feedback }) => ({ id, name, score, max, feedback })),
    notes: c.notes,
    suggestions: c.result.suggestions,
    warnings: c.result.warnings,
  };
}

/** `coach stories coverage`: the 16 principles against the stories, gaps and weak claims. */
export async function storiesCoverageCommand(options: StoriesFlags, ctx: CommandContext): Promise<number> {
  const { file, stories } = readStories(options.stories, ctx);
  const result = coverage(stories);
  if (options.json) {
    writeJson(
      ctx,
      result.principles.map(({ principle, stories: ids, count }) => ({ principle, stories: ids, count })),
    );
    return EXIT.ok;
  }
  const color = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  ctx.stdout.write(renderCoverage(result, stories, file, color, terminalWidth(ctx.stdout)));
  return EXIT.ok;
}

/** `coach stories suggest <question-id>`: which of your stories to tell for a question. */
export async function storiesSuggestCommand(
  questionId: string,
  options: StoriesSuggestFlags,
  ctx: CommandContext,
): Promise<number> {
  const { count = 3 } = options;
  const registry = await registryFor(ctx, options.banks);
  const question = findQuestion(registry, questionId);
  if (!isBehavioral(question, registry)) {
    throw new UsageError(
      `"${question.id}" is not a behavioral question (rubric ${question.rubric}); stories answer behavioral questions`,
    );
  }
  const { stories } = readStories(options.stories, ctx);
  const ranked = suggest(stories, question);
  if (options.json) {
    writeJson(
      ctx,
      ranked.map((s) => ({ ...s, fit: s.score >= FIT_SCORE })),
    );
    return EXIT.ok;
  }
  const color = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const width = proseWidth(terminalWidth(ctx.stdout));
  ctx.stdout.write(renderSuggestions(question, ranked, count, color, width));
  return EXIT.ok;
}

/** `coach stories init`: a commented starter file with two example stories. */
export async function storiesInitCommand(options: StoriesInitFlags, ctx: CommandContext): Promise<number> {
  const { path } = storiesFile(options.stories, ctx);
  const file = displayPath(path, ctx.cwd);
  if (existsSync(path) && !options.force) {
    throw new UsageError(`${file} already exists; edit it, or pass --force to replace it with the starter`);
  }
  const schema = join(PACKAGE_ROOT, 'schemas', 'stories.schema.json');
  // Checked whole; a failure names the file and the real cause (a read-only or full disk).
  ensureDir(dirname(path), file);
  try {
    replaceWhole(path, starterStories(existsSync(schema) ? schema : undefined));
  } catch (error) {
    throw error instanceof IoError ? new IoError(file, error.reason, 'cannot write') : error;
  }
  if (options.json) {
    writeJson(ctx, { file: path, stories: 2 });
    return EXIT.ok;
  }
  ctx.stdout.write(
    `Wrote ${file} with 2 example stories.\nReplace them with your own, then run \`coach stories check${options.stories ? ` --stories ${file}` : ''}\`.\n`,
  );
  return EXIT.ok;
}
