import type { LintResult } from '../lint/lint.js';
import { plural } from './plural.js';

/**
 * GitHub Actions workflow commands. GitHub shows only 10 annotations of each severity per step,
 * so the same problems also go out as plain lines after the annotations.
 */
export function github(result: LintResult): string {
  const annotations = result.problems.map((p) => {
    const props = [
      `file=${escapeProperty(p.file)}`,
      `line=${p.line}`,
      `col=${p.column}`,
      `endLine=${p.endLine}`,
      `endColumn=${p.endColumn}`,
      `title=${escapeProperty(p.rule)}`,
    ].join(',');
    return `::${p.severity} ${props}::${escapeData(p.message)}`;
  });
  const plain = result.problems.map(
    (p) => `${p.file}:${p.line}:${p.column}: ${p.severity} ${p.message} [${p.rule}]`,
  );
  const summary = `${result.errorCount} ${plural(result.errorCount, 'error')}, ${result.warningCount} ${plural(result.warningCount, 'warning')}`;
  return `${[...annotations, ...plain, summary].join('\n')}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
