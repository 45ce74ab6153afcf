import { EXIT, UsageError } from '../errors.js';
import { localDate, scoredAttempts } from '../history/attempt.js';
import { pickDaily, priorities } from '../history/schedule.js';
import { HistoryStore } from '../history/store.js';
import { dataDir } from '../paths.js';
import type { Level } from '../schema/index.js';
import { followUpChain, plannedQuestion } from '../session/plan.js';
import { hashString, seededRandom } from '../session/random.js';
import { colorFor } from '../ui/color.js';
import { renderPicks } from '../ui/drill-picks.js';
import { proseWidth, terminalWidth } from '../ui/width.js';
import type { CommandContext } from './context.js';
import { readAnswers, scoreAnswersFile } from './support/answers-file.js';
import { writeJson } from './support/output.js';
import { type FilterFlags, registryFor, selectQuestions } from './support/registry.js';
import { chosenScorer, createScorer, givenScorerFlags, type ScorerFlags } from './support/scorer-choice.js';
import { targetLevel } from './support/target-level.js';

/** What src/cli/ hands over, already parsed (src/cli/parsers.ts): a real day, a count of 1 or more, a 0-100 score. */
export interface DrillOptions extends FilterFlags, ScorerFlags {
  daily?: boolean;
  /** YYYY-MM-DD, a day that exists. */
  date?: string;
  count?: number;
  level?: Level;
  answers?: string;
  json?: boolean;
  failUnder?: number;
  batch?: boolean;
  banks?: string[];
}

/**
 * `coach drill`: the day's questions, picked from the date, the filters and the history. On a terminal
 * it runs them on the practice screen; in a script it prints them, or scores the answers in a file.
 */
export async function drillCommand(options: DrillOptions, ctx: CommandContext): Promise<number> {
  const date = options.date ?? localDate(new Date());
  const { count = 3, failUnder, level } = options;

  const registry = await registryFor(ctx, options.banks);
  const store = new HistoryStore(dataDir(ctx.env));
  const { attempts: all, damaged } = store.read();
  const attempts = scoredAttempts(all);
  if (damaged > 0) ctx.stderr.write(`coach: skipped ${damaged} damaged record(s) in ${store.file}\n`);

  if (options.answers !== undefined) {
    const answers = await readAnswers(options.answers, registry, ctx);
    const scorer = await createScorer(options, ctx);
    const scoringLevel = level ?? (await targetLevel(undefined, ctx));
    // Everything validated before anything is recorded: a rejected file leaves no trace.
    const averageOverall = await scoreAnswersFile(options.answers, answers, scorer, {
      source: 'drill',
      date,
      store,
      batch: Boolean(options.batch),
      level: scoringLevel,
      // Drill answers are typed, in the terminal or in the answers file.
      mode: 'typed',
      ctx,
      json: Boolean(options.json),
      jsonHead: { date },
    });
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
    // Absent when not given, so the seeds of drills without --tenet stay as they were.
    tenet: options.tenet,
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
    const { startSession } = await import('./support/session.js');
    // One probe per drill question, the first of its chain (its own part, for a STAR question).
    const random = seededRandom(hashString(seedText));
    return startSession(
      questions.map((q) => plannedQuestion(q, followUpChain(q.followUps, 1, random))),
      {
        seed: 0,
        overtime: false,
        scoreAtEnd: false,
        scorer: await chosenScorer(options, ctx),
        ...givenScorerFlags(options),
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
    const color = colorFor(ctx.stdout, ctx.env, ctx.noColor);
    ctx.stdout.write(renderPicks(date, questions, picks, color, proseWidth(terminalWidth(ctx.stdout))));
  }
  return EXIT.ok;
}
