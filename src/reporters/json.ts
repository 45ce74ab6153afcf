import type { LintResult } from '../lint/lint.js';

/** An array of `{file, line, column, endLine, endColumn, severity, rule, message}`, stable key order. */
export function json(result: LintResult): string {
  const rows = result.problems.map(({ file, line, column, endLine, endColumn, severity, rule, message }) => ({
    file,
    line,
    column,
    endLine,
    endColumn,
    severity,
    rule,
    message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
