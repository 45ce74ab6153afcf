import type { ChalkInstance } from 'chalk';
import type { LintResult } from '../lint/lint.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export interface ReportContext {
  color: ChalkInstance;
  version: string;
}

/** Lint output formats: each a pure function from the result to the text printed on stdout. */
export const LINT_REPORTERS = { stylish, json, github, sarif } satisfies Record<
  string,
  (result: LintResult, context: ReportContext) => string
>;

export type LintFormat = keyof typeof LINT_REPORTERS;
