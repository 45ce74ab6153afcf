import { filterQuestions, type QuestionFilter } from '../../banks/filter.js';
import { type BankQuestion, loadRegistry, type Registry } from '../../banks/registry.js';
import { editDistance } from '../../banks/schema-issues.js';
import { resolveConfig } from '../../config.js';
import { UsageError } from '../../errors.js';
import type { Level } from '../../schema/index.js';
import { findPrinciple, PRINCIPLE_IDS } from '../../schema/principles.js';
import { findTenet, TENET_IDS } from '../../schema/tenets.js';
import type { CommandContext } from '../context.js';

/** The questions and rubrics a command works on, and the questions its filter flags pick. */

/** Loads shipped and configured content, warning once on stderr when some of it has problems. */
export async function registryFor(ctx: CommandContext, banks: string[] = []): Promise<Registry> {
  const config = await resolveConfig({ cwd: ctx.cwd, env: ctx.env, banks });
  const registry = await loadRegistry(config, ctx.cwd);
  // Unreadable files and directories are named: `coach lint` without --banks would not show them.
  for (const p of registry.problems.filter((p) => p.rule === 'file-unreadable'))
    ctx.stderr.write(`coach: warning: ${p.file}: ${p.message}\n`);
  if (registry.problems.length > 0) {
    const files = new Set(registry.problems.map((p) => p.file)).size;
    ctx.stderr.write(
      `coach: warning: ${registry.problems.length} problem(s) in ${files} bank or rubric file(s); their valid questions are used. Run \`coach lint\` for details.\n`,
    );
  }
  return registry;
}

export interface FilterFlags {
  bank?: string[] | string;
  category?: string[] | string;
  /** L5-L8, parsed by src/cli/ (src/cli/parsers.ts). */
  level?: Level;
  principle?: string;
  tenet?: string;
  search?: string;
}

export function selectQuestions(registry: Registry, flags: FilterFlags): BankQuestion[] {
  return filterQuestions(registry.questions, parseFilter(flags, registry));
}

export function findQuestion(registry: Registry, id: string): BankQuestion {
  const question = registry.questions.find((q) => q.id === id);
  if (!question) {
    throw unknown(
      'question',
      id,
      registry.questions.map((q) => q.id),
      'list them with `coach questions`',
    );
  }
  return question;
}

/** Checks filter flags against what exists, so a typo is an error with a suggestion, not an empty list. */
function parseFilter(flags: FilterFlags, registry: Registry): QuestionFilter {
  const list = (v: string[] | string | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const banks = list(flags.bank);
  const categories = list(flags.category);
  const bankIds = registry.banks.map((b) => b.id);
  for (const b of banks) if (!bankIds.includes(b)) throw unknown('bank', b, bankIds);
  const categoryIds = [...new Set(registry.questions.map((q) => q.category))].sort();
  for (const c of categories) if (!categoryIds.includes(c)) throw unknown('category', c, categoryIds);
  if (flags.principle !== undefined && !findPrinciple(flags.principle)) {
    throw unknown('principle', flags.principle, [...PRINCIPLE_IDS]);
  }
  if (flags.tenet !== undefined && !findTenet(flags.tenet)) {
    throw unknown('tenet', flags.tenet, TENET_IDS);
  }
  return {
    ...(banks.length ? { banks } : {}),
    ...(categories.length ? { categories } : {}),
    ...(flags.level ? { level: flags.level } : {}),
    ...(flags.principle ? { principle: flags.principle } : {}),
    ...(flags.tenet ? { tenet: flags.tenet } : {}),
    ...(flags.search ? { search: flags.search } : {}),
  };
}

function unknown(what: string, value: string, known: readonly string[], hint?: string): UsageError {
  const close = known
    .map((k) => ({ k, d: editDistance(value.toLowerCase(), k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d)[0];
  const suggestion =
    close && close.d <= Math.max(2, Math.floor(close.k.length / 3)) ? `; did you mean "${close.k}"?` : '';
  const options = hint ? `; ${hint}` : known.length <= 20 ? `; choose one of: ${known.join(', ')}` : '';
  return new UsageError(`unknown ${what} "${value}"${suggestion}${options}`);
}
