import { LineCounter, parseDocument } from 'yaml';
import type { BankQuestion, Registry } from '../banks/registry.js';
import { ConfigError, UsageError } from '../errors.js';
import type { Rubric } from '../schema/index.js';
import { dataOf } from '../yaml/document.js';
import { readableYamlError } from '../yaml/validated.js';

/** Answers files (question id: answer text) for `coach drill --answers` and `coach score --batch`. */

/** An answers file larger than this is refused before it is read: a day's answers are a few KiB each. */
export const MAX_ANSWERS_BYTES = 4 * 1024 * 1024;

/** One answer of the file, with the bank question and rubric it is judged against. */
export interface AnswerItem {
  question: BankQuestion;
  rubric: Rubric;
  text: string;
}

/**
 * The answers in the text of an answers file (YAML or JSON): a mapping of question id to answer text.
 * `name` is how messages show the file. Every problem is reported at once, each on one line
 * (a ConfigError), and nothing is returned if there is any.
 */
export function parseAnswers(text: string, name: string, registry: Registry): AnswerItem[] {
  const lineCounter = new LineCounter();
  const tooDeep = new UsageError(`${name}: nested too deeply to read; an answers file is a flat mapping`);
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep;
    throw error;
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const { line, col } = lineCounter.linePos(e.pos[0]);
    throw new UsageError(
      `${name}:${line}:${col}: ${readableYamlError(e.message)} (the answers file must be YAML or JSON)`,
    );
  }
  let data: unknown;
  try {
    data = dataOf(doc);
  } catch (error) {
    if (error instanceof RangeError) throw tooDeep;
    throw new UsageError(`${name}: too many aliases; write the answers out in full`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(
      `${name}: expected a mapping of question id to answer text, like "bhv-ownership-outside-your-area: I ..."`,
    );
  }
  const problems: string[] = [];
  const answers: AnswerItem[] = [];
  for (const [id, answer] of Object.entries(data as Record<string, unknown>)) {
    const question = registry.questions.find((q) => q.id === id);
    if (!question) problems.push(`unknown question id "${id}"`);
    else if (typeof answer !== 'string') problems.push(`the answer to "${id}" must be text`);
    else if (!registry.rubrics.has(question.rubric))
      problems.push(`rubric "${question.rubric}" of "${id}" does not exist`);
    else answers.push({ question, rubric: registry.rubrics.get(question.rubric)!, text: answer });
  }
  if (problems.length > 0) {
    throw new ConfigError([...problems.map((p) => `${name}: ${p}`), 'nothing was scored or recorded']);
  }
  if (answers.length === 0) throw new UsageError(`${name}: no answers in the file`);
  return answers;
}

/** Answers as an answers file to pass again (JSON is YAML too): how answers read from stdin are rescued. */
export function answersFileText(answers: readonly AnswerItem[]): string {
  return `${JSON.stringify(Object.fromEntries(answers.map((a) => [a.question.id, a.text])), null, 2)}\n`;
}
