import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { BankQuestion, Registry } from '../banks/registry.js';
import { ConfigError, EXIT, UsageError } from '../errors.js';
import { attemptFrom, localDate } from '../history/attempt.js';
import { type Priority, pickDaily, priorities } from '../history/schedule.js';
import { HistoryStore } from '../history/store.js';
import { dataDir } from '../paths.js';
import type { ScoreResult } from '../scoring/result.js';
import { followUpSeconds } from '../session/plan.js';
import { colorFor } from '../ui/color.js';
import { verdictText } from '../ui/score-report.js';
import { formatDuration, wrap } from '../ui/text.js';
import type { CommandContext } from './context.js';
import { parseLevel } from './score.js';
import {
  createScorer,
  type FilterFlags,
  registryFor,
  scoringSpinner,
  selectQuestions,
  writeJson,
} from './shared.js';

export interface DrillOptions extends FilterFlags {
  daily?: boolean;
  date?: string;
  count?: string;
  answers?: string;
  json?: boolean;
  failUnder?: string;
  scorer?: string;
  model?: string;
  banks?: string[];
}

/**
 * `coach drill`: the day's questions, picked from the date, the filters and the history. On a terminal
 * it runs them on the practice screen; in a script it prints them, or scores the answers in a file.
 */
export async function drillCommand(options: DrillOptions, ctx: CommandContext): Promise<number> {
  const date = options.date ?? localDate(new Date());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new UsageError(`--date needs YYYY-MM-DD, got "${options.date}"`);
  }
  const count = options.count === undefined ? 3 : Number(options.count);
  if (!Number.isInteger(count) || count < 1)
    throw new UsageError(`--count needs a positive whole number, got "${options.count}"`);
  const failUnder = options.failUnder === undefined ? undefined : Number(options.failUnder);
  if (failUnder !== undefined && (!Number.isFinite(failUnder) || failUnder < 0 || failUnder > 100)) {
    throw new UsageError(`--fail-under needs a score from 0 to 100, got "${options.failUnder}"`);
  }
  const level = parseLevel(options.level);

  const registry = await registryFor(ctx, options.banks);
  const store = new HistoryStore(dataDir(ctx.env));
  const { attempts, damaged } = store.read();
  if (damaged > 0) ctx.stderr.write(`coach: skipped ${damaged} damaged record(s) in ${store.file}\n`);

  if (options.answers !== undefined) {
    const answers = readAnswers(options.answers, registry, ctx);
    const scorer = await createScorer(options, ctx);
    const spinner = await scoringSpinner(ctx, !options.json);
    const results: ScoreResult[] = [];
    try {
      for (const { question, text } of answers) {
        const rubric = registry.rubrics.get(question.rubric)!;
        results.push(
          await scorer.score({
            rubric,
            question,
            prompt: question.prompt,
            answer: text,
            ...(level ? { level } : {}),
          }),
        );
      }
    } finally {
      spinner.stop();
    }
    // Everything validated and scored before anything is recorded: a rejected file leaves no trace.
    const now = new Date();
    store.append(
      results.map((result, i) =>
        attemptFrom(result, {
          id: `drill-${randomBytes(6).toString('hex')}`,
          at: now,
          date,
          source: 'drill',
          question: answers[i]!.question,
          answer: answers[i]!.text,
        }),
      ),
    );
    const scored = results.filter((r) => r.overall !== null);
    const averageOverall = scored.length
      ? Math.round(scored.reduce((s, r) => s + r.overall!, 0) / scored.length)
      : null;
    if (options.json) writeJson(ctx, { date, results, averageOverall });
    else printResults(results, averageOverall, ctx);
    if (failUnder !== undefined && (averageOverall ?? 0) < failUnder) {
      ctx.stderr.write(`coach: average ${averageOverall ?? 'n/a'} is under --fail-under ${failUnder}\n`);
      return EXIT.findings;
    }
    return EXIT.ok;
  }

  const candidates = selectQuestions(registry, { ...options, ...(level ? { level } : {}) });
  if (candidates.length === 0)
    throw new UsageError('no questions match these filters; see `coach questions`');
  const seedText = JSON.stringify({
    date,
    bank: options.bank,
    category: options.category,
    level,
    principle: options.principle,
  });
  const list = priorities(
    candidates,
    attempts,
    date,
    (rubric) => registry.rubrics.get(rubric)?.criteria.map((c) => c.id) ?? [],
  );
  const picks = pickDaily(list, count, seedText);
  const byId = new Map(candidates.map((q) => [q.id, q]));
  const questions = picks.map((p) => byId.get(p.questionId)!);

  if (ctx.stdin.isTTY && ctx.stdout.isTTY && !options.json) {
    const { startSession } = await import('./practice.js');
    return startSession(
      questions.map((q) => ({
        id: q.id,
        bank: q.bank,
        category: q.category,
        prompt: q.prompt,
        principles: q.principles,
        rubric: q.rubric,
        timeLimitSeconds: q.timeLimitSeconds,
        followUps: q.followUps
          .slice(0, 1)
          .map((prompt) => ({ prompt, timeLimitSeconds: followUpSeconds(q.timeLimitSeconds) })),
      })),
      {
        seed: 0,
        overtime: false,
        scoreAtEnd: false,
        scorer: options.scorer === 'anthropic' ? 'anthropic' : 'offline',
        ...(options.model ? { model: options.model } : {}),
        source: 'drill',
        ...(level ? { level } : {}),
        filters: { date },
      },
      registry,
      ctx,
    );
  }
  if (options.json) {
    writeJson(
      ctx,
      questions.map((q) => ({
        id: q.id,
        category: q.category,
        prompt: q.prompt,
        timeLimitSeconds: q.timeLimitSeconds,
      })),
    );
  } else {
    printPicks(date, questions, picks, ctx);
  }
  return EXIT.ok;
}

function printPicks(date: string, questions: BankQuestion[], picks: Priority[], ctx: CommandContext): void {
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const width = Math.min(ctx.stdout.columns ?? 88, 100);
  const why = { new: 'new', due: 'due for review', 'weak-area': 'weak area', scheduled: 'review' } as const;
  const lines = [`${c.bold(`Daily drill for ${date}`)} ${c.dim(`(${questions.length} questions)`)}`];
  questions.forEach((q, i) => {
    lines.push(
      '',
      `${i + 1}. ${c.bold(q.id)}  ${c.dim(`${q.bank} / ${q.category} · ${formatDuration(q.timeLimitSeconds)} · ${why[picks[i]!.reason]}`)}`,
      wrap(q.prompt, width, '   '),
    );
  });
  lines.push('', c.dim('Answer them in a file (question id: answer) and run: coach drill --answers FILE'));
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

function printResults(results: ScoreResult[], average: number | null, ctx: CommandContext): void {
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const lines = results.map(
    (r) =>
      `${(r.questionId ?? '').padEnd(44)} ${String(r.overall ?? '-').padStart(3)}/100  ${verdictText(r, c)}${r.suggestions[0] ? `\n    ${c.dim(r.suggestions[0])}` : ''}`,
  );
  ctx.stdout.write(
    `${lines.join('\n')}\n\nAverage: ${average ?? '-'}/100 over ${results.length} answer(s)\n`,
  );
}

/**
 * Reads an answers file (YAML or JSON, "-" for stdin): a mapping of question id to answer text.
 * Every problem is reported at once, each on one line, and nothing is scored if there is any.
 */
function readAnswers(
  file: string,
  registry: Registry,
  ctx: CommandContext,
): { question: BankQuestion; text: string }[] {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(ctx.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read answers file ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  const name = file === '-' ? 'stdin' : file;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const { line, col } = lineCounter.linePos(e.pos[0]);
    throw new UsageError(
      `${name}:${line}:${col}: ${e.message.split('\n')[0]} (the answers file must be YAML or JSON)`,
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    throw new UsageError(`${name}: too many aliases; write the answers out in full`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(
      `${name}: expected a mapping of question id to answer text, like "bhv-ownership-outside-your-area: I ..."`,
    );
  }
  const problems: string[] = [];
  const answers: { question: BankQuestion; text: string }[] = [];
  for (const [id, answer] of Object.entries(data as Record<string, unknown>)) {
    const question = registry.questions.find((q) => q.id === id);
    if (!question) problems.push(`unknown question id "${id}"`);
    else if (typeof answer !== 'string') problems.push(`the answer to "${id}" must be text`);
    else answers.push({ question, text: answer });
  }
  if (problems.length > 0) {
    throw new ConfigError([...problems.map((p) => `${name}: ${p}`), 'nothing was scored or recorded']);
  }
  if (answers.length === 0) throw new UsageError(`${name}: no answers in the file`);
  return answers;
}
