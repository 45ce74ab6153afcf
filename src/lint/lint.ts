import type { FileAnalysis } from '../banks/analyze.js';
import { analyzeFile, createFilePool, type FilePool, sizeOf } from '../banks/analyze-files.js';
import { discoverFiles } from '../banks/discover.js';
import { snapshotAnalyses } from '../banks/shipped.js';
import { displayPath } from '../paths.js';
import { FILE_START } from '../yaml/span.js';
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
  /** Stories in the linted stories files (absent in results built before story banks existed). */
  stories?: number;
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
  const display = (file: string) => displayPath(file, cwd);
  const { files, unreadable } = discoverFiles(options.paths, cwd);
  const pool = createFilePool(files, options.threads);
  try {
    const analyses = await pool.run('lint', files, files.map(sizeOf));
    const named = analyses.map((a, i) => withDisplayName(a, display(files[i]!)));

    const linted = new Set(files);
    const referenceFiles = options.referencePaths?.length
      ? discoverFiles(options.referencePaths, cwd).files.filter((f) => !linted.has(f))
      : [];
    const references = analyzeReferences(referenceFiles);
    const knownRubrics = new Set(references.flatMap((r) => (r.rubricId !== undefined ? [r.rubricId] : [])));
    const knownCriteria = new Map(
      references.flatMap((r) =>
        r.rubric ? [[r.rubric.id, r.rubric.criteria.map((c) => c.id)] as const] : [],
      ),
    );

    const pending = RULE_FUNCTIONS.flatMap((rule) => rule({ files: named, knownRubrics, knownCriteria }));
    const pathOf = new Map(named.map((a, i) => [a.file, files[i]!]));
    const problems = [
      ...named.flatMap((a) => a.problems),
      ...(await positionPending(pending, pathOf, pool)),
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
      questions: named.reduce((n, a) => n + (a.validQuestions ?? a.questions.length), 0),
      rubrics: named.filter((a) => a.rubric).length,
      stories: named.reduce((n, a) => n + (a.stories?.length ?? 0), 0),
      errorCount,
      warningCount: problems.length - errorCount,
      ioError: problems.some((p) => p.rule === 'file-unreadable'),
    };
  } finally {
    pool.close();
  }
}

/**
 * The files that only name rubrics for reference checks. The shipped ones among them come from the
 * build's snapshot when it is fresh (the build validated them); anything else is read and analysed.
 */
function analyzeReferences(files: readonly string[]): FileAnalysis[] {
  if (files.length === 0) return [];
  const fromSnapshot = new Map((snapshotAnalyses() ?? []).map((a) => [a.file, a]));
  return files.map((file) => fromSnapshot.get(file) ?? analyzeFile(file));
}

function withDisplayName(analysis: FileAnalysis, file: string): FileAnalysis {
  return { ...analysis, file, problems: analysis.problems.map((p) => ({ ...p, file })) };
}

/** Rule findings carry YAML paths; re-parse just the files that have some, to turn paths into spans. */
async function positionPending(
  pending: PendingProblem[],
  pathOf: Map<string, string>,
  pool: FilePool,
): Promise<Problem[]> {
  const byFile = new Map<string, PendingProblem[]>();
  for (const p of pending) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const groups = [...byFile.values()];
  const requests = groups.map((findings) => ({
    file: pathOf.get(findings[0]!.file) ?? findings[0]!.file,
    paths: findings.map(({ path, at }) => ({ path, ...(at ? { at } : {}) })),
  }));
  const spans = await pool.run(
    'locate',
    requests,
    requests.map((r) => sizeOf(r.file)),
  );
  return groups.flatMap((findings, g) =>
    findings.map((f, k) => ({
      file: f.file,
      ...spans[g]![k]!,
      severity: severityOf(f.rule),
      rule: f.rule,
      message: f.message,
    })),
  );
}
