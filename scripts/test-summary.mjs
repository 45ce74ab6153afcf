// Prints vitest's totals as one plain line ("Tests: N passed, N failed, N skipped"), the form CI reads.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('../.vitest-report.json', import.meta.url), 'utf8'));
console.log(
  `Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`,
);
process.exitCode = report.numFailedTests > 0 || report.numTotalTests === 0 ? 1 : 0;
