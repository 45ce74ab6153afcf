import type { ResolvedConfig } from '../config.js';
import type { Problem } from '../lint/problem.js';
import type { Question, Rubric } from '../schema/index.js';
import { FILE_START } from '../yaml/span.js';
import type { FileAnalysis } from './analyze.js';
import { discoverFiles } from './discover.js';
import { loadShipped } from './shipped.js';

/** A question together with the bank it came from. */
export interface BankQuestion extends Question {
  bank: string;
}

export interface BankInfo {
  id: string;
  title: string;
  description: string;
  file: string;
  questions: BankQuestion[];
}

/** Everything the practice, scoring and browsing commands draw on: shipped plus configured content. */
export interface Registry {
  banks: BankInfo[];
  questions: BankQuestion[];
  rubrics: Map<string, Rubric>;
  /** Problems in the loaded files; their valid parts are still used. `coach lint` gives the details. */
  problems: Problem[];
}

/**
 * Builds the registry from analysed files. Pure. Shipped files come first, so on a clash of ids the
 * shipped question or rubric is kept and the later one is reported, never silently merged.
 */
function buildRegistry(files: readonly FileAnalysis[]): Registry {
  const banks: BankInfo[] = [];
  const questions: BankQuestion[] = [];
  const rubrics = new Map<string, Rubric>();
  const problems: Problem[] = files.flatMap((f) => f.problems);
  const seen = new Set<string>();
  const clash = (file: string, message: string): Problem => ({
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    severity: 'error',
    rule: 'duplicate-id',
    message,
  });

  for (const f of files) {
    if (f.rubric) {
      if (rubrics.has(f.rubric.id))
        problems.push(clash(f.file, `rubric "${f.rubric.id}" is defined twice; keeping the first`));
      else rubrics.set(f.rubric.id, f.rubric);
    }
    if (f.kind !== 'question-bank') continue;
    const bankId = f.bank?.id ?? f.file;
    const info: BankInfo = {
      id: bankId,
      title: f.bank?.title ?? bankId,
      description: f.bank?.description ?? '',
      file: f.file,
      questions: [],
    };
    for (const { question } of f.questions) {
      if (seen.has(question.id)) {
        problems.push(clash(f.file, `question "${question.id}" is defined twice; keeping the first`));
        continue;
      }
      seen.add(question.id);
      const entry = { ...question, bank: bankId };
      info.questions.push(entry);
      questions.push(entry);
    }
    if (info.questions.length > 0) banks.push(info);
  }
  return { banks, questions, rubrics, problems };
}

/**
 * Loads shipped and configured banks and rubrics. The shipped ones come from the build's snapshot
 * when it is fresh (shipped.ts); configured ones are always read from their YAML.
 */
export async function loadRegistry(config: Pick<ResolvedConfig, 'banks'>, cwd: string): Promise<Registry> {
  const shipped = await loadShipped();
  const extra = config.banks.length > 0 ? discoverFiles(config.banks, cwd) : { files: [], unreadable: [] };
  const known = new Set(shipped.files.map((f) => f.file));
  const extraFiles = extra.files.filter((f) => !known.has(f));
  // The YAML path is imported only when there is YAML to read.
  const extraAnalyses =
    extraFiles.length > 0 ? await (await import('./analyze-files.js')).analyzeFiles(extraFiles) : [];
  const registry = buildRegistry([...shipped.files, ...extraAnalyses]);
  // A configured directory that cannot be listed is reported like a file that cannot be read.
  for (const { path, reason } of extra.unreadable) {
    registry.problems.push({
      file: path,
      ...FILE_START,
      severity: 'error',
      rule: 'file-unreadable',
      message: `cannot read directory: ${reason}`,
    });
  }
  return registry;
}
