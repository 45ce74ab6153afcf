import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { type FileAnalysis, positionsFor } from '../banks/analyze.js';
import { analyzeFiles } from '../banks/analyze-files.js';
import { discoverFiles } from '../banks/discover.js';
import { FILE_START } from '../banks/locate.js';
import { compareProblems, type PendingProblem, type Problem, severityOf } from './problem.js';
import { RULE_FUNCTIONS } from './rules.js';

export interface LintOptions {
  cwd: string;
  /** What to lint: files and directories. */
  paths: string[];
  /** Locations whose rubrics count as known for reference checks, without being linted themselves. */
  referencePaths?: string[];
  threads?: number;
}

export interface LintResult {
  problems: Problem[];
  files: number;
  questions: number;
  rubrics: number;
  errorCount: number;
  warningCount: number;
  /** Some input could not be read (exit 2 rather than 1). */
  ioError: boolean;
}

/**
 * Lints banks and rubrics: load each file (syntax, kind, schema, with positions), then run the
 * cross-file rules over what loaded, then position the rule findings. Returns data; reporters print.
 */
export async function lint(options: LintOptions): Promise<LintResult> {
  const { cwd } = options;
  const display = (file: string) => {
    const rel = relative(cwd, file);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  };
  const { files, unreadable } = discoverFiles(options.paths, cwd);
  const analyses = (await analyzeFiles(files, { threads: options.threads })).map((a) =>
    withDisplayName(a, display(a.file)),
  );

  const linted = new Set(files);
  const referenceFiles = options.referencePaths?.length
    ? discoverFiles(options.referencePaths, cwd).files.filter((f) => !linted.has(f))
    : [];
  const references = await analyzeFiles(referenceFiles, { threads: 1 });
  const knownRubrics = new Set(references.flatMap((r) => (r.rubric ? [r.rubric.id] : [])));

  const pending = RULE_FUNCTIONS.flatMap((rule) => rule({ files: analyses, knownRubrics }));
  const displayToPath = new Map(analyses.map((a, i) => [a.file, files[i]!]));
  const problems = [
    ...analyses.flatMap((a) => a.problems),
    ...positionPending(pending, displayToPath),
    ...unreadable.map(
      (u): Problem => ({
        file: display(u.path),
        ...FILE_START,
        severity: 'error',
        rule: 'file-unreadable',
        message: `cannot read directory: ${u.reason}`,
      }),
    ),
  ].sort(compareProblems);

  const errorCount = problems.filter((p) => p.severity === 'error').length;
  return {
    problems,
    files: files.length,
    questions: analyses.reduce((n, a) => n + a.questions.length, 0),
    rubrics: analyses.filter((a) => a.rubric).length,
    errorCount,
    warningCount: problems.length - errorCount,
    ioError: problems.some((p) => p.rule === 'file-unreadable'),
  };
}

function withDisplayName(analysis: FileAnalysis, file: string): FileAnalysis {
  return { ...analysis, file, problems: analysis.problems.map((p) => ({ ...p, file })) };
}

/** Rule findings carry YAML paths; re-parse just the files that have some, to turn paths into spans. */
function positionPending(pending: PendingProblem[], displayToPath: Map<string, string>): Problem[] {
  const byFile = new Map<string, PendingProblem[]>();
  for (const p of pending) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  return [...byFile].flatMap(([file, findings]) => {
    let locateIn: ReturnType<typeof positionsFor> = null;
    try {
      locateIn = positionsFor(readFileSync(displayToPath.get(file) ?? file, 'utf8'));
    } catch {
      // The file vanished since it was read; report at its start rather than lose the finding.
    }
    return findings.map((f) => ({
      file,
      ...(locateIn ? locateIn(f.path, f.at) : FILE_START),
      severity: severityOf(f.rule),
      rule: f.rule,
      message: f.message,
    }));
  });
}
