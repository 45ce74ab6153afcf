import type { BankQuestion, Registry } from '../banks/registry.js';

/** Whether stories apply: a question judged with a behavioral rubric (or, without one, tagged with principles). */
export function isBehavioral(
  question: Pick<BankQuestion, 'rubric' | 'principles'>,
  registry: Registry,
): boolean {
  const rubric = registry.rubrics.get(question.rubric);
  return rubric ? rubric.appliesTo === 'behavioral' : question.principles.length > 0;
}
