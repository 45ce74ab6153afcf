import { resolve } from 'node:path';
import type { Registry } from '../banks/registry.js';
import { ConfigError, UsageError } from '../errors.js';
import { humanLabelledSet } from '../history/human-labels.js';
import { CalibrationFile, labelLevel } from '../schema/calibration.js';
import {
  type CalibrationReport,
  calibrationReport,
  compareScorers,
  type LabelledAnswer,
  type ScorerComparison,
} from '../scoring/calibration.js';
import type { ScoreResult } from '../scoring/result.js';
import type { ScoreInput } from '../scoring/scorer.js';
import { renderCalibration } from '../ui/calibration-report.js';
import { readValidatedYaml } from '../yaml/validated.js';
import type { CommandContext } from './context.js';
import { readHistory } from './support/history.js';
import { writeJson } from './support/output.js';
import { registryFor } from './support/registry.js';
import { createScorer, type ScorerFlags } from './support/scorer-choice.js';
import { scoringSpinner } from './support/spinner.js';

export interface CalibrateOptions extends Omit<ScorerFlags, 'scorer'> {
  /** One scorer, or two to compare (repeatable flag). */
  scorer?: string[];
  json?: boolean;
  banks?: string[];
  /** Instead of a file: the answers people scored in `coach interview --peer` (with a transcript). */
  fromHistory?: boolean;
}

/** What the report names as the labels' source when they come from history. */
const FROM_HISTORY = 'history (answers scored by a person)';

/**
 * `coach calibrate FILE` (or `--from-history`): scores a set of answers a person has labelled and
 * reports how far each scorer agrees with the labels (and, with two scorers, with each other),
 * beside a word-count baseline.
 */
export async function calibrateCommand(
  file: string | undefined,
  options: CalibrateOptions,
  ctx: CommandContext,
): Promise<number> {
  if ((file === undefined) === !options.fromHistory)
    throw new UsageError(
      file === undefined
        ? 'name a calibration file, or --from-history for the answers people scored'
        : 'give a calibration file or --from-history, not both',
    );
  const requested = requestedScorers(options.scorer);
  const registry = await registryFor(ctx, options.banks);
  const { inputs, labelled } = file ? readCalibrationSet(file, registry, ctx) : historySet(registry, ctx);
  // Each named scorer (or the one the flags and config file choose), named as it reports itself.
  const { scorer: _named, fromHistory: _history, ...flags } = options;
  // The LLM settings are for the LLM scorer of a pair: `--scorer offline` beside it takes none of them.
  const scorers = await Promise.all(
    requested.map((name) =>
      createScorer(
        name === 'offline' ? { scorer: name } : { ...flags, ...(name ? { scorer: name } : {}) },
        ctx,
      ),
    ),
  );
  const names = scorers.map((s) => s.name);
  if (names.length === 2 && names[0] === names[1])
    throw new UsageError(`both scorers are ${names[0]}; name two different scorers to compare them`);

  const results: ScoreResult[][] = [];
  for (const scorer of scorers) {
    const spinner = scoringSpinner(ctx, !options.json, `Scoring with ${scorer.name}…`, 'answers');
    const scored: ScoreResult[] = [];
    try {
      for (const input of inputs) {
        spinner.progress?.(scored.length, inputs.length);
        scored.push(await scorer.score(input));
      }
    } finally {
      spinner.stop();
    }
    results.push(scored);
  }

  const reports: CalibrationReport[] = names.map((name, i) => calibrationReport(name, labelled, results[i]!));
  const comparison: ScorerComparison | undefined =
    names.length === 2 ? compareScorers([names[0]!, names[1]!], results[0]!, results[1]!) : undefined;
  for (const r of reports) {
    if (r.fallbacks > 0)
      ctx.stderr.write(
        `coach: warning: ${r.fallbacks} of ${r.n} answers fell back to the offline scorer; the ${r.scorer} figures include those offline scores\n`,
      );
  }
  if (options.json) writeJson(ctx, comparison ? { scorers: reports, comparison } : reports[0]);
  else ctx.stdout.write(renderCalibration(file ?? FROM_HISTORY, reports, comparison));
  return 0;
}

/**
 * The human-scored attempts in history that can be scored again (they have a transcript), with a
 * warning for those left out; none at all is a usage error naming how to record one.
 */
function historySet(
  registry: Registry,
  ctx: CommandContext,
): { inputs: ScoreInput[]; labelled: LabelledAnswer[] } {
  const set = humanLabelledSet(readHistory(ctx), registry.questions, registry.rubrics);
  if (set.withoutTranscript > 0)
    ctx.stderr.write(
      `coach: warning: left out ${set.withoutTranscript} attempt(s) scored by a person without a transcript: there is no answer text to score\n`,
    );
  if (set.unknownQuestion > 0)
    ctx.stderr.write(
      `coach: warning: left out ${set.unknownQuestion} attempt(s) scored by a person whose question is no longer in the banks\n`,
    );
  if (set.inputs.length === 0)
    throw new UsageError(
      'no attempt in history was scored by a person with a transcript; record one with `coach interview --peer ID --transcript FILE`',
    );
  return set;
}

/** --scorer once, twice to compare two scorers, or not at all (undefined: the one createScorer chooses). */
function requestedScorers(flags: string[] | undefined): (string | undefined)[] {
  const given = flags ?? [];
  if (given.length > 2)
    throw new UsageError('calibrate compares at most two scorers: give --scorer twice at most');
  if (given.length === 2 && given[0] === given[1])
    throw new UsageError(`--scorer ${given[0]} is given twice; name two different scorers to compare them`);
  return given.length > 0 ? given : [undefined];
}

/**
 * Reads and checks the calibration file: the schema first, then that every question, rubric and
 * criterion id exists. Every problem is one line with its position; nothing is scored if there is any.
 */
function readCalibrationSet(
  file: string,
  registry: Registry,
  ctx: CommandContext,
): { inputs: ScoreInput[]; labelled: LabelledAnswer[] } {
  const { data, at } = readValidatedYaml(
    resolve(ctx.cwd, file),
    CalibrationFile,
    'the calibration file',
    file,
    [],
  );
  const problems: string[] = [];
  const inputs: ScoreInput[] = [];
  const labelled: LabelledAnswer[] = [];
  data.forEach((item, i) => {
    const name = item.id ? `answer "${item.id}"` : `answer ${i + 1}`;
    const question = item.question ? registry.questions.find((q) => q.id === item.question) : undefined;
    if (item.question && !question) {
      problems.push(
        `${at([i, 'question'])}: ${name}: unknown question "${item.question}"; list them with \`coach questions\``,
      );
      return;
    }
    const rubricId = question?.rubric ?? item.rubric!;
    const rubric = registry.rubrics.get(rubricId);
    if (!rubric) {
      problems.push(
        `${at([i, question ? 'question' : 'rubric'])}: ${name}: unknown rubric "${rubricId}"; choose one of: ${[...registry.rubrics.keys()].join(', ')}`,
      );
      return;
    }
    const known = rubric.criteria.map((c) => c.id);
    const unknown = Object.keys(item.criteria ?? {}).filter((id) => !known.includes(id));
    for (const id of unknown) {
      problems.push(
        `${at([i, 'criteria', id], 'key')}: ${name}: rubric "${rubric.id}" has no criterion "${id}"; its criteria: ${known.join(', ')}`,
      );
    }
    if (unknown.length) return;
    inputs.push({
      rubric,
      ...(question ? { question } : {}),
      prompt: question?.prompt ?? item.prompt!,
      answer: item.answer,
      ...(item.level ? { level: item.level } : {}),
      ...(item.mode ? { mode: item.mode } : {}),
    });
    labelled.push({
      label: labelLevel(item.label),
      ...(item.criteria ? { criteria: item.criteria } : {}),
      answer: item.answer,
      rubric: rubric.id,
    });
  });
  if (problems.length > 0) throw new ConfigError([...problems, 'nothing was scored']);
  return { inputs, labelled };
}
