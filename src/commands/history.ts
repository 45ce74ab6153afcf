import { resolve } from 'node:path';
import { writeOutputFile } from '../fsx/write-whole.js';
import type { Attempt } from '../history/attempt.js';
import { localDate, scorerName } from '../history/attempt.js';
import { computeStats, filterByVersion, sparkline } from '../history/stats.js';
import { SCORED_BY_A_PERSON } from '../scoring/human.js';
import { colorFor } from '../ui/color.js';
import { table } from '../ui/text.js';
import { terminalWidth } from '../ui/width.js';
import type { CommandContext } from './context.js';
import { readHistory } from './support/history.js';
import { writeJson } from './support/output.js';
import { registryFor } from './support/registry.js';

/** `coach history`: every scored attempt, oldest first. */
export async function historyCommand(options: { json?: boolean }, ctx: CommandContext): Promise<number> {
  const attempts = readHistory(ctx);
  if (options.json) {
    writeJson(ctx, attempts);
    return 0;
  }
  if (attempts.length === 0) {
    ctx.stderr.write('coach: no attempts yet; run `coach practice` or `coach drill`\n');
    return 0;
  }
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  ctx.stdout.write(
    table(
      ['DATE', 'ID', 'SOURCE', 'QUESTION', 'SCORE', 'VERDICT', 'SCORER'].map((h) => c.dim(h)),
      attempts.map((a) => [
        a.date,
        // The id `coach compare` takes (a unique prefix of it is enough).
        a.id,
        a.source,
        a.questionId ?? '-',
        a.overall === null ? '-' : String(a.overall),
        // An answer recorded before scoring whose score never came (interrupted, or a batch not collected).
        a.status === 'unscored' ? 'unscored' : a.verdict,
        scorerName(a),
      ]),
      terminalWidth(ctx.stdout),
    ),
  );
  return 0;
}

const CSV_COLUMNS = [
  'id',
  'at',
  'date',
  'source',
  'questionId',
  'bank',
  'category',
  'rubric',
  'level',
  'scorer',
  'overall',
  'verdict',
  'elapsedMs',
  'limitSeconds',
  'costUsd',
  'criteria',
  'answer',
  'model',
  'promptVersion',
  'rubricVersion',
  'status',
  'note',
] as const;

export function toCsv(attempts: readonly Attempt[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = attempts.map((a) =>
    CSV_COLUMNS.map((k) =>
      k === 'criteria' ? a.criteria.map((c) => `${c.id}=${c.score ?? ''}`).join(' ') : cell(a[k]),
    )
      .map((v, i) => (CSV_COLUMNS[i] === 'criteria' ? cell(v) : v))
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** `coach history export --format csv|json [-o FILE]`. */
export async function historyExportCommand(
  options: { format?: 'csv' | 'json'; output?: string },
  ctx: CommandContext,
): Promise<number> {
  const format = options.format ?? 'json';
  const attempts = readHistory(ctx);
  const out = format === 'csv' ? toCsv(attempts) : `${JSON.stringify(attempts, null, 2)}\n`;
  if (options.output) {
    writeOutputFile(resolve(ctx.cwd, options.output), out, options.output);
    ctx.stderr.write(`wrote ${attempts.length} attempt(s) to ${options.output}\n`);
  } else {
    ctx.stdout.write(out);
  }
  return 0;
}

/** `coach stats [--since DATE] [--json]`: progress at a glance. */
export async function statsCommand(
  options: {
    json?: boolean;
    /** YYYY-MM-DD, a day that exists (src/cli/parsers.ts). */
    since?: string;
    banks?: string[];
    scorer?: string;
    model?: string;
    promptVersion?: string;
    by?: 'version';
  },
  ctx: CommandContext,
): Promise<number> {
  // Scores from different scorers, models or prompts are not comparable: these pick one.
  const history = readHistory(ctx);
  const attempts = filterByVersion(history, {
    scorer: options.scorer,
    model: options.model,
    promptVersion: options.promptVersion,
  });
  const registry = await registryFor(ctx, options.banks);
  const stats = computeStats(attempts, {
    today: localDate(new Date()),
    ...(options.since ? { since: options.since } : {}),
    questions: registry.questions,
  });
  if (options.json) {
    writeJson(ctx, stats);
    return 0;
  }
  if (stats.attempts === 0) {
    // "No attempts yet" only when history is empty: otherwise the filters or the unscored records are why.
    ctx.stderr.write(
      history.length === 0
        ? 'coach: no attempts yet; run `coach practice` or `coach drill`\n'
        : `coach: no scored attempts match (${history.length} in history); \`coach history\` lists them\n`,
    );
    return 0;
  }
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const width = terminalWidth(ctx.stdout);
  const averages = (
    title: string,
    group: Record<string, { attempts: number; average: number | null }>,
    scale = '/100',
  ) =>
    `${c.bold(title)}\n${table(
      ['', 'ATTEMPTS', 'AVERAGE'].map((h) => c.dim(h)),
      Object.entries(group).map(([k, v]) => [
        `  ${k}`,
        String(v.attempts),
        v.average === null ? '-' : `${v.average}${scale}`,
      ]),
      width,
    )}`;
  const trend = stats.trend.slice(-60);
  const out = [
    `${c.bold('Attempts')} ${stats.attempts}${stats.scoredByPerson ? c.dim(` (${stats.scoredByPerson} ${SCORED_BY_A_PERSON})`) : ''}   ${c.bold('days practised')} ${stats.daysPractised}   ${c.bold('streak')} ${stats.streak} day${stats.streak === 1 ? '' : 's'}   ${c.bold('average')} ${stats.averageOverall ?? '-'}/100${stats.costUsd > 0 ? `   ${c.bold('LLM cost')} $${stats.costUsd.toFixed(2)}` : ''}`,
    '',
    `${c.bold('Trend')} ${c.dim(`(daily average, ${trend[0]?.date} to ${trend.at(-1)?.date})`)}`,
    `  ${c.cyan(sparkline(trend.map((t) => t.average)))}  ${c.dim(`last ${trend.at(-1)?.average ?? '-'}`)}`,
    '',
    averages('By bank', stats.byBank),
    averages('By category', stats.byCategory),
    averages('By criterion (1-4)', stats.byCriterion, '/4'),
    ...(options.by === 'version' ? [averages('By scorer, model and prompt version', stats.byVersion)] : []),
    c.bold('Weakest criteria, and questions to train them'),
    ...stats.weakest.map(
      (w) =>
        `  ${w.rubric}/${w.criterion} ${c.yellow(`${w.average}/4`)}${w.byPerson ? c.dim(` (${w.byPerson} of ${w.attempts} ${SCORED_BY_A_PERSON})`) : ''}: ${w.questions.join(', ')}`,
    ),
  ];
  ctx.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
