import { type LintOptions, type LintResult, lint } from '../../src/lint/lint.js';
import type { Problem } from '../../src/lint/problem.js';

/** Lints `paths` (default: the whole directory) with `dir` as the working directory. */
export function lintIn(
  dir: string,
  paths: string[] = ['.'],
  extra: Partial<Omit<LintOptions, 'cwd' | 'paths'>> = {},
): Promise<LintResult> {
  return lint({ cwd: dir, paths, ...extra });
}

/** `file:line:column rule`, one string per problem: compact for `toEqual` on where things were found. */
export function where(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`);
}

/**
 * A valid rubric with id `star` (weights sum to 1), for banks that need a rubric to refer to.
 * Kept separate so a bank fixture's line numbers are not affected by it.
 */
export const STAR_RUBRIC = `kind: rubric
id: star
name: STAR
appliesTo: behavioral
criteria:
  - id: structure
    name: Structure
    weight: 0.4
    description: The story has a clear situation, task, action and result.
    levels: {1: none, 2: weak, 3: clear, 4: crisp}
  - id: impact
    name: Impact
    weight: 0.6
    description: The result is measured.
    levels: {1: none, 2: vague, 3: measured, 4: measured and attributed}
`;

/**
 * An alias bomb ("billion laughs"): each level is a list of 10 aliases to the level before, so
 * `levels` levels expand to 10^levels strings if a loader follows them.
 */
export function aliasBomb(levels = 9): string {
  const names = 'abcdefghijklmnopqrstuvwxyz'.slice(0, levels);
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < names.length; i++) {
    lines.push(
      `${names[i]}: &${names[i]} [${Array(10)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A question bank with one valid question per id, with prompts that share no content words. The
 * follow-ups are the probes the star rules want, so the bank lints clean.
 */
export function bankWithQuestions(bankId: string, questions: { id: string; prompt: string }[]): string {
  const items = questions
    .map(
      (q) => `  - id: ${q.id}
    category: testing
    prompt: ${JSON.stringify(q.prompt)}
    levels: [L5]
    principles: [dive-deep]
    rubric: star
    timeLimitSeconds: 240
    followUps:
      - kind: role
        prompt: What did you decide yourself?
      - kind: data
        prompt: How did you know it worked?
      - kind: reflection
        prompt: What would you change?
    signals: [Concrete numbers]
    pitfalls: [Vague team stories]
`,
    )
    .join('');
  return `kind: question-bank
id: ${bankId}
title: Bank ${bankId}
description: Generated for a test.
questions:
${items}`;
}
