import { type FileAnalysis, type QuestionFacts, questionFacts, storyFacts } from '../banks/analyze.js';
import { editDistance } from '../banks/schema-issues.js';
import { findPrinciple, PRINCIPLE_IDS } from '../schema/principles.js';
import { asksHypothetically } from './hypothetical.js';
import { findRepeats } from './near-duplicates.js';
import type { PendingProblem } from './problem.js';

const TIME_LIMIT_RANGE = { min: 30, max: 3600 } as const;
const WEIGHT_TOLERANCE = 1e-6;

export interface RuleContext {
  files: readonly FileAnalysis[];
  /** Rubric ids that exist outside the linted files (shipped and configured), for reference checks. */
  knownRubrics: ReadonlySet<string>;
  /** The criterion ids of those rubrics when they are valid, to check questions' focusCriteria. */
  knownCriteria?: ReadonlyMap<string, readonly string[]>;
}

export type Rule = (context: RuleContext) => PendingProblem[];

/**
 * Semantic rules over files that already passed (or partly passed) the schema. Each is a small
 * function from the loaded data to findings; positions are added afterwards from the YAML paths.
 */
export const RULE_FUNCTIONS: readonly Rule[] = [
  duplicateQuestionIds,
  duplicateBankAndRubricIds,
  duplicateCriterionIds,
  unknownRubrics,
  unknownFocusCriteria,
  unknownPrinciples,
  timeLimitRange,
  rubricWeights,
  nearDuplicatePrompts,
  starFollowUps,
  hypotheticalStarPrompts,
  duplicateStoryIds,
  unknownStoryPrinciples,
];

type QuestionAt = QuestionFacts & { file: string };
const questionLists = new WeakMap<readonly FileAnalysis[], QuestionAt[]>();

/** Every question of every file, with its file: built once per lint run, as several rules read it. */
function allQuestions(files: readonly FileAnalysis[]): QuestionAt[] {
  let list = questionLists.get(files);
  if (!list) {
    list = [];
    for (const file of files)
      for (const facts of questionFacts(file)) list.push({ file: file.file, ...facts });
    questionLists.set(files, list);
  }
  return list;
}

function duplicateQuestionIds({ files }: RuleContext): PendingProblem[] {
  const first = new Map<string, { file: string; index: number }>();
  const uses = new Map<string, number>();
  for (const { id } of allQuestions(files)) if (id !== undefined) uses.set(id, (uses.get(id) ?? 0) + 1);
  const found: PendingProblem[] = [];
  for (const { file, index, id } of allQuestions(files)) {
    if (id === undefined) continue;
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, { file, index });
      continue;
    }
    found.push({
      file,
      path: ['questions', index, 'id'],
      rule: 'duplicate-id',
      message: `question id "${id}" is already used (${earlier.file === file ? 'earlier in this file' : earlier.file}, questions[${earlier.index}])${uses.get(id)! > 2 ? `; ${uses.get(id)} questions use it` : ''}; ids must be unique across all banks`,
    });
  }
  return found;
}

function duplicateBankAndRubricIds({ files }: RuleContext): PendingProblem[] {
  const found: PendingProblem[] = [];
  const first = new Map<string, string>();
  for (const f of files) {
    const id = f.bank?.id ?? f.rubricId;
    if (!id) continue;
    const what = f.bank ? 'bank' : 'rubric';
    const key = `${what}:${id}`;
    const earlier = first.get(key);
    if (earlier)
      found.push({
        file: f.file,
        path: ['id'],
        rule: 'duplicate-id',
        message: `${what} id "${id}" is already used by ${earlier}`,
      });
    else first.set(key, f.file);
  }
  return found;
}

function duplicateCriterionIds({ files }: RuleContext): PendingProblem[] {
  const found: PendingProblem[] = [];
  for (const f of files) {
    const seen = new Set<string>();
    f.rubric?.criteria.forEach((c, i) => {
      if (seen.has(c.id)) {
        found.push({
          file: f.file,
          path: ['criteria', i, 'id'],
          rule: 'duplicate-id',
          message: `criterion id "${c.id}" appears twice in this rubric`,
        });
      }
      seen.add(c.id);
    });
  }
  return found;
}

function unknownRubrics({ files, knownRubrics }: RuleContext): PendingProblem[] {
  const rubrics = new Set(knownRubrics);
  // rubricId, not rubric: a rubric with a schema error elsewhere still exists for its questions.
  for (const f of files) if (f.rubricId !== undefined) rubrics.add(f.rubricId);
  const found: PendingProblem[] = [];
  for (const { file, index, rubric } of allQuestions(files)) {
    if (rubric === undefined || rubrics.has(rubric)) continue;
    found.push({
      file,
      path: ['questions', index, 'rubric'],
      rule: 'unknown-rubric',
      message: `rubric "${rubric}" does not exist${closest(rubric, [...rubrics])}; known rubrics: ${[...rubrics].sort().join(', ') || 'none'}`,
    });
  }
  return found;
}

/**
 * A focused question names criteria of its own rubric: an id the rubric does not have would silently
 * drop out of scoring, so it is an error at its position in the list. A rubric that is unknown or
 * invalid is reported by its own rule; its focus is not checked against nothing.
 */
function unknownFocusCriteria({ files, knownCriteria }: RuleContext): PendingProblem[] {
  const criteria = new Map(knownCriteria);
  for (const f of files)
    if (f.rubric)
      criteria.set(
        f.rubric.id,
        f.rubric.criteria.map((c) => c.id),
      );
  const found: PendingProblem[] = [];
  for (const { file, index, rubric, focusCriteria } of allQuestions(files)) {
    const known = rubric === undefined ? undefined : criteria.get(rubric);
    if (!focusCriteria || !known) continue;
    focusCriteria.forEach((id, j) => {
      if (known.includes(id)) return;
      found.push({
        file,
        path: ['questions', index, 'focusCriteria', j],
        rule: 'unknown-focus-criterion',
        message: `criterion "${id}" is not in rubric "${rubric}"${closest(id, [...known])}; its criteria: ${known.join(', ')}`,
      });
    });
  }
  return found;
}

function unknownPrinciples({ files }: RuleContext): PendingProblem[] {
  const found: PendingProblem[] = [];
  for (const { file, index, principles } of allQuestions(files)) {
    principles.forEach((principle, j) => {
      if (findPrinciple(principle)) return;
      found.push({
        file,
        path: ['questions', index, 'principles', j],
        rule: 'unknown-principle',
        message: `"${principle}" is not a Leadership Principle id${closest(principle, PRINCIPLE_IDS)} (see \`coach principles\`)`,
      });
    });
  }
  return found;
}

function timeLimitRange({ files }: RuleContext): PendingProblem[] {
  const found: PendingProblem[] = [];
  for (const { file, index, timeLimitSeconds: t } of allQuestions(files)) {
    if (t === undefined || (t >= TIME_LIMIT_RANGE.min && t <= TIME_LIMIT_RANGE.max)) continue;
    found.push({
      file,
      path: ['questions', index, 'timeLimitSeconds'],
      rule: 'time-limit-range',
      message: `time limit of ${t} s is outside ${TIME_LIMIT_RANGE.min} s to ${TIME_LIMIT_RANGE.max} s (${TIME_LIMIT_RANGE.max / 60} minutes)`,
    });
  }
  return found;
}

function rubricWeights({ files }: RuleContext): PendingProblem[] {
  const found: PendingProblem[] = [];
  for (const f of files) {
    if (!f.rubric) continue;
    const sum = f.rubric.criteria.reduce((total, c) => total + c.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_TOLERANCE) {
      found.push({
        file: f.file,
        path: ['criteria'],
        at: 'key',
        rule: 'rubric-weights',
        message: `criterion weights sum to ${Number(sum.toFixed(6))}, not 1`,
      });
    }
  }
  return found;
}

function nearDuplicatePrompts({ files }: RuleContext): PendingProblem[] {
  const questions = allQuestions(files).filter((q) => q.prompt !== undefined);
  // Each repeat once, against the earliest question it repeats: findings grow with questions, not pairs.
  return findRepeats(questions.map((q) => q.prompt!)).map(({ index, of, similarity, cluster }) => {
    const earlier = questions[of]!;
    const later = questions[index]!;
    const others = cluster > 2 ? `; ${cluster} questions ask nearly the same thing` : '';
    return {
      file: later.file,
      path: ['questions', later.index, 'prompt'],
      rule: 'near-duplicate-prompt' as const,
      message: `prompt of ${label(later)} is ${Math.round(similarity * 100)}% similar to ${label(earlier)}${later.file === earlier.file ? '' : ` (${earlier.file})`}${others}; make each question ask something distinct`,
    };
  });
}

/** The rubric that scores a behavioral story: its questions get the probes and the phrasing checks below. */
const STAR_RUBRIC = 'star';
const MIN_STAR_FOLLOW_UPS = 3;

/**
 * A STAR question needs the probes a bar raiser uses on one story: at least three, one about the
 * candidate's own part (`role`), and one that closes (a `reflection` or a `second-example`).
 */
function starFollowUps({ files }: RuleContext): PendingProblem[] {
  const found: PendingProblem[] = [];
  for (const q of allQuestions(files)) {
    if (q.rubric !== STAR_RUBRIC || q.followUpKinds === undefined) continue;
    const kinds = q.followUpKinds;
    const missing = [
      ...(kinds.length < MIN_STAR_FOLLOW_UPS
        ? [`at least ${MIN_STAR_FOLLOW_UPS} follow-ups (has ${kinds.length})`]
        : []),
      ...(kinds.includes('role') ? [] : ['one of kind role']),
      ...(kinds.includes('reflection') || kinds.includes('second-example')
        ? []
        : ['one of kind reflection or second-example']),
    ];
    if (missing.length === 0) continue;
    found.push({
      file: q.file,
      path: ['questions', q.index, 'followUps'],
      at: 'key',
      rule: 'star-follow-ups',
      message: `${label(q)} uses the star rubric but its follow-ups lack ${missing.join(', ')}`,
    });
  }
  return found;
}

/** STAR prompts ask for a real story ("Tell me about a time..."), never what the candidate would do. */
function hypotheticalStarPrompts({ files }: RuleContext): PendingProblem[] {
  return allQuestions(files)
    .filter((q) => q.rubric === STAR_RUBRIC && q.prompt !== undefined && asksHypothetically(q.prompt))
    .map((q) => ({
      file: q.file,
      path: ['questions', q.index, 'prompt'],
      rule: 'hypothetical-star-prompt' as const,
      message: `${label(q)} uses the star rubric but asks what the candidate would do; ask for a real past example ("Tell me about a time...")`,
    }));
}

/** Story ids are unique within their file: `coach stories` and practice refer to a story by id. */
function duplicateStoryIds({ files }: RuleContext): PendingProblem[] {
  const found: PendingProblem[] = [];
  for (const f of files) {
    const first = new Map<string, number>();
    for (const { index, id } of storyFacts(f)) {
      if (id === undefined) continue;
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, index);
      else
        found.push({
          file: f.file,
          path: ['stories', index, 'id'],
          rule: 'duplicate-id',
          message: `story id "${id}" is already used by stories[${earlier}]; ids must be unique in the file`,
        });
    }
  }
  return found;
}

function unknownStoryPrinciples({ files }: RuleContext): PendingProblem[] {
  const found: PendingProblem[] = [];
  for (const f of files) {
    for (const { index, principles } of storyFacts(f)) {
      principles.forEach((principle, j) => {
        if (findPrinciple(principle)) return;
        found.push({
          file: f.file,
          path: ['stories', index, 'principles', j],
          rule: 'unknown-principle',
          message: `"${principle}" is not a Leadership Principle id${closest(principle, PRINCIPLE_IDS)} (see \`coach principles\`)`,
        });
      });
    }
  }
  return found;
}

function label(q: { id?: string; index: number }): string {
  return q.id ? `"${q.id}"` : `questions[${q.index}]`;
}

function closest(value: string, candidates: readonly string[]): string {
  let best = '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = editDistance(value, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? `; did you mean "${best}"?` : '';
}
