import type { BankQuestion } from '../banks/registry.js';
import { UsageError } from '../errors.js';
import { LEVELS } from '../schema/levels.js';
import { findPrinciple, LEADERSHIP_PRINCIPLES } from '../schema/principles.js';
import { findTenet, PRINCIPAL_TENETS } from '../schema/tenets.js';
import { colorFor } from '../ui/color.js';
import { formatDuration, table, wrap } from '../ui/text.js';
import { proseWidth, terminalWidth } from '../ui/width.js';
import type { CommandContext } from './context.js';
import { writeJson } from './support/output.js';
import { type FilterFlags, findQuestion, registryFor, selectQuestions } from './support/registry.js';

/** The browse family: banks, questions, show, rubrics, principles, tenets. Each reads the registry and prints. */

interface Common {
  json?: boolean;
  banks?: string[];
}

function countBy<T>(items: readonly T[], key: (item: T) => string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) for (const k of key(item)) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

/**
 * What the shipped banks prepare for and what they do not, said wherever the banks are listed so
 * nobody prepares for a coding round here by mistake. The README says the same.
 */
export const COVERAGE_NOTE =
  'Covers behavioral rounds (the 16 Leadership Principles, the principal engineering tenets); system, ML, GenAI, security and object-oriented design; and technical strategy. Not covered: live coding rounds (writing and running code against tests).';

export async function banksCommand(options: Common, ctx: CommandContext): Promise<number> {
  const registry = await registryFor(ctx, options.banks);
  const rows = registry.banks.map((b) => ({
    id: b.id,
    title: b.title,
    description: b.description,
    file: b.file,
    questions: b.questions.length,
    categories: countBy(b.questions, (q) => [q.category]),
    levels: Object.fromEntries(
      LEVELS.map((l) => [l, b.questions.filter((q) => q.levels.includes(l)).length]),
    ),
  }));
  if (options.json) {
    writeJson(ctx, rows);
    return 0;
  }
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const width = terminalWidth(ctx.stdout) ?? 100;
  const out = rows.map((b) =>
    [
      `${c.bold(b.id)}  ${b.title}  ${c.dim(`${b.questions} questions`)}`,
      `  levels: ${LEVELS.map((l) => `${l} ${b.levels[l]}`).join(' · ')}`,
      wrap(
        `categories: ${Object.entries(b.categories)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
        width,
        '  ',
      ),
    ].join('\n'),
  );
  const total = rows.reduce((n, b) => n + b.questions, 0);
  ctx.stdout.write(
    `${out.join('\n\n')}\n\n${total} questions in ${rows.length} banks\n${c.dim(wrap(COVERAGE_NOTE, width))}\n`,
  );
  return 0;
}

/** The JSON shape of a question, shared by `questions --json` and `show --json`. */
export function questionJson(q: BankQuestion, spoilers = true) {
  return {
    id: q.id,
    bank: q.bank,
    category: q.category,
    prompt: q.prompt,
    levels: q.levels,
    principles: q.principles,
    tenets: q.tenets ?? [],
    rubric: q.rubric,
    focusCriteria: q.focusCriteria ?? [],
    timeLimitSeconds: q.timeLimitSeconds,
    ...(spoilers ? { followUps: q.followUps, signals: q.signals, pitfalls: q.pitfalls } : {}),
  };
}

export async function questionsCommand(options: Common & FilterFlags, ctx: CommandContext): Promise<number> {
  const registry = await registryFor(ctx, options.banks);
  const questions = selectQuestions(registry, options);
  if (options.json) {
    writeJson(
      ctx,
      questions.map((q) => questionJson(q)),
    );
    return 0;
  }
  if (questions.length === 0) {
    ctx.stderr.write('coach: no questions match these filters\n');
    return 0;
  }
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const rows = questions.map((q) => [
    c.bold(q.id),
    q.category,
    q.levels.join(','),
    formatDuration(q.timeLimitSeconds),
    q.prompt.replace(/\s+/g, ' '),
  ]);
  ctx.stdout.write(
    table(
      ['ID', 'CATEGORY', 'LEVELS', 'TIME', 'PROMPT'].map((h) => c.dim(h)),
      rows,
      terminalWidth(ctx.stdout),
    ),
  );
  ctx.stderr.write(`${questions.length} question${questions.length === 1 ? '' : 's'}\n`);
  return 0;
}

export async function showCommand(
  id: string,
  options: Common & { spoilers?: boolean },
  ctx: CommandContext,
): Promise<number> {
  const registry = await registryFor(ctx, options.banks);
  const q = findQuestion(registry, id);
  const spoilers = options.spoilers !== false;
  if (options.json) {
    writeJson(ctx, questionJson(q, spoilers));
    return 0;
  }
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const width = proseWidth(terminalWidth(ctx.stdout));
  const principles = q.principles.map((p, i) => `${findPrinciple(p)?.name ?? p}${i === 0 ? ' (main)' : ''}`);
  const tenets = (q.tenets ?? []).map((t) => findTenet(t)?.name ?? t);
  const lines = [
    `${c.bold(q.id)}  ${c.dim(`${q.bank} / ${q.category}`)}`,
    c.dim(
      [
        `levels ${q.levels.join(', ')}`,
        formatDuration(q.timeLimitSeconds),
        `rubric ${q.rubric}`,
        ...(q.focusCriteria ? [`judged on ${q.focusCriteria.join(', ')} only`] : []),
        ...(principles.length ? [principles.join(', ')] : []),
        ...(tenets.length ? [`tenets: ${tenets.join(', ')}`] : []),
      ].join(' · '),
    ),
    '',
    wrap(q.prompt, width),
  ];
  if (spoilers) {
    const section = (title: string, items: string[], numbered: boolean) => [
      '',
      c.bold(title),
      ...items.map((item, i) =>
        wrap(item, width, '    ').replace(/^ {4}/, numbered ? `  ${i + 1}. ` : '  • '),
      ),
    ];
    lines.push(
      ...section(
        'Follow-ups',
        q.followUps.map((f) => (f.kind ? `${c.dim(`[${f.kind}]`)} ${f.prompt}` : f.prompt)),
        true,
      ),
      ...section('Signals of a strong answer', q.signals, false),
      ...section('Pitfalls', q.pitfalls, false),
    );
  }
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

export async function rubricsCommand(
  id: string | undefined,
  options: Common,
  ctx: CommandContext,
): Promise<number> {
  const registry = await registryFor(ctx, options.banks);
  let rubrics = [...registry.rubrics.values()];
  if (id !== undefined) {
    rubrics = rubrics.filter((r) => r.id === id);
    if (rubrics.length === 0) {
      throw new UsageError(
        `unknown rubric "${id}"; choose one of: ${[...registry.rubrics.keys()].join(', ')}`,
      );
    }
  }
  // Which questions each rubric judges, and which of them are focused on part of it.
  const usersOf = (rubricId: string) => registry.questions.filter((q) => q.rubric === rubricId);
  const focusedOf = (rubricId: string) =>
    usersOf(rubricId).flatMap((q) => (q.focusCriteria ? [{ id: q.id, focusCriteria: q.focusCriteria }] : []));
  if (options.json) {
    writeJson(
      ctx,
      rubrics.map((r) => ({
        id: r.id,
        name: r.name,
        appliesTo: r.appliesTo,
        questions: usersOf(r.id).length,
        focusedQuestions: focusedOf(r.id),
        criteria: r.criteria.map((k) => ({ id: k.id, name: k.name, weight: k.weight, levels: k.levels })),
      })),
    );
    return 0;
  }
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  const width = proseWidth(terminalWidth(ctx.stdout));
  const blocks = rubrics.map((r) => {
    const used = usersOf(r.id).length;
    const focused = focusedOf(r.id);
    const usage = `${used} question${used === 1 ? '' : 's'}${focused.length ? `, ${focused.length} focused` : ''}`;
    const head = `${c.bold(r.id)}  ${r.name}  ${c.dim(`(${r.appliesTo}, ${r.criteria.length} criteria, ${usage})`)}`;
    if (id === undefined) {
      const rows = r.criteria.map((k) => [`  ${k.id}`, `${Math.round(k.weight * 100)}%`, k.name]);
      return `${head}\n${table(
        ['  CRITERION', 'WEIGHT', 'NAME'].map((h) => c.dim(h)),
        rows,
        terminalWidth(ctx.stdout),
      )}`;
    }
    const criteria = r.criteria.map((k) =>
      [
        `${c.bold(k.name)} ${c.dim(`${k.id}, ${Math.round(k.weight * 100)}%`)}`,
        wrap(k.description, width, '  '),
        ...(['1', '2', '3', '4'] as const).map((level) =>
          wrap(`${level}: ${k.levels[level]}`, width, '    '),
        ),
      ].join('\n'),
    );
    const expectations = Object.entries(r.levelExpectations ?? {}).map(([l, text]) =>
      wrap(`${l}: ${text}`, width, '  '),
    );
    const focus = focused.map((f) => wrap(`${f.id}: ${f.focusCriteria.join(', ')}`, width, '  '));
    return [
      head,
      ...(r.description ? [wrap(r.description, width)] : []),
      '',
      ...criteria.flatMap((k) => [k, '']),
      ...(expectations.length ? [c.bold('Scope by level'), ...expectations] : []),
      ...(focus.length
        ? ['', c.bold('Focused questions (judged on these criteria only, weights renormalised)'), ...focus]
        : []),
    ].join('\n');
  });
  ctx.stdout.write(`${blocks.join('\n')}\n`);
  return 0;
}

export async function principlesCommand(options: Common, ctx: CommandContext): Promise<number> {
  const registry = await registryFor(ctx, options.banks);
  const rows = LEADERSHIP_PRINCIPLES.map((p) => ({
    ...p,
    questions: registry.questions.filter((q) => q.principles.includes(p.id)).length,
    mainQuestions: registry.questions.filter((q) => q.principles[0] === p.id).length,
  }));
  return writeListing(ctx, options, rows, ['ID', 'QUESTIONS', 'MAIN', 'PRINCIPLE'], (p) => [
    String(p.questions),
    String(p.mainQuestions),
    `${p.name}: ${p.summary}`,
  ]);
}

/** The eight principal engineering tenets, with how many questions test each (L7-L8 rounds). */
export async function tenetsCommand(options: Common, ctx: CommandContext): Promise<number> {
  const registry = await registryFor(ctx, options.banks);
  const rows = PRINCIPAL_TENETS.map((t) => ({
    ...t,
    questions: registry.questions.filter((q) => q.tenets?.includes(t.id)).length,
  }));
  return writeListing(ctx, options, rows, ['ID', 'QUESTIONS', 'TENET'], (t) => [
    String(t.questions),
    `${t.name}: ${t.summary}`,
  ]);
}

/** A fixed list with counts: the rows as JSON for scripts, else a table with the id in bold first. */
function writeListing<Row extends { id: string }>(
  ctx: CommandContext,
  options: Common,
  rows: Row[],
  headers: string[],
  cells: (row: Row) => string[],
): number {
  if (options.json) {
    writeJson(ctx, rows);
    return 0;
  }
  const c = colorFor(ctx.stdout, ctx.env, ctx.noColor);
  ctx.stdout.write(
    table(
      headers.map((h) => c.dim(h)),
      rows.map((row) => [c.bold(row.id), ...cells(row)]),
      terminalWidth(ctx.stdout),
    ),
  );
  return 0;
}
