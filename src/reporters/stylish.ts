import type { LintResult } from '../lint/lint.js';
import type { Problem } from '../lint/problem.js';
import type { ReportContext } from './index.js';
import { plural } from './plural.js';

/** Grouped per file, one `line:col  severity  message  rule` line per problem, then a summary. */
export function stylish(result: LintResult, { color }: ReportContext): string {
  const lines: string[] = [];
  const byFile = new Map<string, Problem[]>();
  for (const p of result.problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  for (const [file, problems] of byFile) {
    lines.push(color.underline(file));
    const width = Math.max(...problems.map((p) => `${p.line}:${p.column}`.length));
    for (const p of problems) {
      const where = `${p.line}:${p.column}`.padEnd(width);
      const severity = p.severity === 'error' ? color.red('error  ') : color.yellow('warning');
      lines.push(`  ${color.dim(where)}  ${severity}  ${p.message}  ${color.dim(p.rule)}`);
    }
    lines.push('');
  }
  const stories = result.stories ? `, ${result.stories} ${result.stories === 1 ? 'story' : 'stories'}` : '';
  const checked = `${result.files} ${plural(result.files, 'file')} (${result.questions} ${plural(result.questions, 'question')}, ${result.rubrics} ${plural(result.rubrics, 'rubric')}${stories})`;
  if (result.problems.length === 0) {
    lines.push(`${color.green('✔')} ${checked}: no problems`);
  } else {
    const total = result.errorCount + result.warningCount;
    const mark = result.errorCount > 0 ? color.red('✖') : color.yellow('⚠');
    lines.push(
      `${mark} ${total} ${plural(total, 'problem')} (${result.errorCount} ${plural(result.errorCount, 'error')}, ${result.warningCount} ${plural(result.warningCount, 'warning')}) in ${checked}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
