import { type Card, createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import type { BankQuestion } from '../banks/registry.js';
import { judgesCriterion } from '../scoring/focus.js';
import { hashString, seededRandom } from '../session/random.js';
import { type Attempt, criterionTotals } from './attempt.js';

/**
 * Which questions to drill on a day. Each attempted question has an FSRS card (ts-fsrs, no fuzz, whole
 * days) replayed from its history: a strong answer pushes it out to growing intervals, a weak one
 * brings it back soon. The day's pick is a weighted draw without replacement, seeded by the date and
 * the filters, so the same date, filters and history give the same questions on any machine.
 */

const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));

/** The overall score as an FSRS grade: below 25 "again", below 50 "hard", below 75 "good", else "easy". */
function gradeFor(overall: number): Rating.Again | Rating.Hard | Rating.Good | Rating.Easy {
  return overall < 25 ? Rating.Again : overall < 50 ? Rating.Hard : overall < 75 ? Rating.Good : Rating.Easy;
}

function cardFor(attempts: readonly Attempt[]): Card | undefined {
  let card: Card | undefined;
  for (const a of attempts) {
    if (a.overall === null) continue;
    const at = new Date(`${a.date}T12:00:00Z`);
    card = scheduler.next(card ?? createEmptyCard(at), at, gradeFor(a.overall)).card;
  }
  return card;
}

export interface Priority {
  questionId: string;
  weight: number;
  reason: 'new' | 'due' | 'weak-area' | 'scheduled';
  due?: string;
  /** Set when a weak criterion behind the pick has levels a person gave (`coach interview --peer`). */
  weakByPerson?: true;
}

/** Criteria averaging under 2.5 (on 1-4) over the history are weak areas. */
const WEAK_BELOW = 2.5;

export function priorities(
  candidates: readonly BankQuestion[],
  attempts: readonly Attempt[],
  date: string,
  rubricCriteria: (rubric: string) => string[],
): Priority[] {
  const byQuestion = new Map<string, Attempt[]>();
  for (const a of attempts)
    if (a.questionId) byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
  const totals = criterionTotals(attempts);
  const categoryScores = new Map<string, { total: number; n: number }>();
  for (const a of attempts) {
    if (a.overall === null || !a.category) continue;
    const s = categoryScores.get(a.category) ?? { total: 0, n: 0 };
    s.total += a.overall;
    s.n++;
    categoryScores.set(a.category, s);
  }
  const day = new Date(`${date}T12:00:00Z`);

  return candidates.map((q) => {
    // Weakness of the areas this question trains: the weak criteria it judges and its category's average.
    const weak = rubricCriteria(q.rubric).flatMap((c) => {
      const t = totals.get(`${q.rubric}/${c}`);
      return judgesCriterion(q, c) && t && t.total / t.n < WEAK_BELOW ? [t] : [];
    });
    const weakCriteria = weak.length;
    const byPerson = weak.some((t) => t.byPerson > 0) ? { weakByPerson: true as const } : {};
    const category = categoryScores.get(q.category);
    const categoryWeakness = category ? Math.max(0, (60 - category.total / category.n) / 60) : 0;
    const areaBonus = weakCriteria * 0.3 + categoryWeakness * 2;

    const history = byQuestion.get(q.id);
    const card = history ? cardFor(history) : undefined;
    if (!card)
      return areaBonus > 0.5
        ? { questionId: q.id, weight: 1 + areaBonus, reason: 'weak-area', ...byPerson }
        : { questionId: q.id, weight: 1 + areaBonus, reason: 'new' };
    const overdueDays = (day.getTime() - card.due.getTime()) / 86_400_000;
    const due = card.due.toISOString().slice(0, 10);
    if (overdueDays >= 0) {
      return {
        questionId: q.id,
        weight: 1.5 + Math.min(overdueDays, 30) / 10 + areaBonus,
        reason: 'due',
        due,
      };
    }
    // Not yet due: rarely, and less the further away it is.
    return {
      questionId: q.id,
      weight: 0.05 / (1 + -overdueDays / 7) + areaBonus * 0.1,
      reason: 'scheduled',
      due,
    };
  });
}

/** A weighted draw of `count` questions without replacement, seeded by the day and the filters. */
export function pickDaily(list: readonly Priority[], count: number, seedText: string): Priority[] {
  const random = seededRandom(hashString(seedText));
  const pool = [...list].sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
  const picked: Priority[] = [];
  while (picked.length < count && pool.length > 0) {
    const total = pool.reduce((s, p) => s + p.weight, 0);
    let r = random() * total;
    let index = pool.findIndex((p) => {
      r -= p.weight;
      return r < 0;
    });
    if (index < 0) index = pool.length - 1;
    picked.push(pool.splice(index, 1)[0]!);
  }
  return picked;
}
