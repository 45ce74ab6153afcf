import type { Span, YamlPath } from '../yaml/span.js';

export type Severity = 'error' | 'warning';

/** Every rule lint can report, with its default severity and a one-line description (SARIF and docs use it). */
export const RULES = {
  'file-unreadable': ['error', 'The file cannot be read (missing, a directory, permission denied).'],
  'file-too-large': ['error', 'The file is over the size limit for a bank or rubric.'],
  'file-encoding': ['error', 'The file is binary or not UTF-8 text.'],
  'yaml-syntax': ['error', 'The YAML does not parse.'],
  'control-character': [
    'error',
    'A control character or escape sequence (raw, or a double-quoted escape such as \\e) that could drive the terminal.',
  ],
  'yaml-duplicate-key': ['error', 'A key appears twice in the same mapping.'],
  'yaml-unsafe': ['error', 'Custom tags or too many aliases (a possible alias bomb).'],
  'multiple-documents': [
    'error',
    'The file holds more than one YAML document; a bank, rubric or stories file is one.',
  ],
  'unknown-kind': [
    'error',
    'The file is not a question bank, a rubric or a stories file (no valid top-level `kind:`).',
  ],
  'missing-key': ['error', 'A required key is missing.'],
  'unknown-key': ['error', 'A key the format does not define (often a typo).'],
  'wrong-type': ['error', 'A value has the wrong type.'],
  'invalid-value': ['error', 'A value is not allowed (bad level, bad id format, empty text).'],
  'empty-list': [
    'error',
    'A list that needs entries is empty (follow-ups, signals, pitfalls, questions, criteria).',
  ],
  'duplicate-id': [
    'error',
    'An id is used twice (questions across all banks, banks, rubrics, criteria, stories in a file).',
  ],
  'unknown-rubric': ['error', 'A question refers to a rubric that does not exist.'],
  'unknown-focus-criterion': [
    'error',
    "A question's focusCriteria names a criterion its rubric does not have.",
  ],
  'unknown-principle': [
    'error',
    'A question or story refers to a Leadership Principle id that does not exist.',
  ],
  'time-limit-range': ['error', 'A time limit outside 30 seconds to 60 minutes.'],
  'rubric-weights': ['error', 'Rubric criterion weights do not sum to 1.'],
  'near-duplicate-prompt': ['warning', 'Two prompts ask nearly the same thing.'],
  'star-follow-ups': [
    'warning',
    'A question scored with the star rubric lacks the probes a bar raiser uses: at least 3 follow-ups, one of kind role, one of kind reflection or second-example.',
  ],
  'hypothetical-star-prompt': [
    'warning',
    'A question scored with the star rubric asks what the candidate would do, not what they did.',
  ],
} as const satisfies Record<string, readonly [Severity, string]>;

export type RuleId = keyof typeof RULES;

export interface Problem extends Span {
  /** Path as given by the user (relative to the working directory when inside it). */
  file: string;
  severity: Severity;
  rule: RuleId;
  message: string;
}

/** A finding from a rule that runs on data, before it is mapped back to a line and column. */
export interface PendingProblem {
  file: string;
  path: YamlPath;
  at?: 'value' | 'key';
  rule: RuleId;
  message: string;
}

export function severityOf(rule: RuleId): Severity {
  return RULES[rule][0];
}

export function compareProblems(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
