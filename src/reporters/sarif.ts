import { sep } from 'node:path';
import type { LintResult } from '../lint/lint.js';
import { RULES, type RuleId } from '../lint/problem.js';
import type { ReportContext } from './index.js';

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. URIs are relative, use "/" and are
 * percent-encoded per segment (a space or "#" in a file name would otherwise break the URI).
 * Columns count UTF-16 code units (see Span), which the run declares as its columnKind.
 */
export function sarif(result: LintResult, { version }: ReportContext): string {
  const ruleIds = Object.keys(RULES) as RuleId[];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        columnKind: 'utf16CodeUnits',
        tool: {
          driver: {
            name: 'coach lint',
            informationUri: 'https://github.com/interview-coach/interview-coach',
            version,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: RULES[id][1] },
              defaultConfiguration: { level: RULES[id][0] },
            })),
          },
        },
        results: result.problems.map((p) => ({
          ruleId: p.rule,
          ruleIndex: ruleIds.indexOf(p.rule),
          level: p.severity,
          message: { text: p.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(p.file) },
                region: {
                  startLine: p.line,
                  startColumn: p.column,
                  endLine: p.endLine,
                  endColumn: p.endColumn,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative (or absolute) path as a URI reference: each segment encoded, "/" kept as the separator. */
function toUri(file: string): string {
  const segments = file.split(sep).join('/').split('/');
  return segments.map((segment) => encodeURIComponent(segment)).join('/');
}
