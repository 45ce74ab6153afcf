import { filterQuestions, type QuestionFilter } from '../banks/filter.js';
import { type BankQuestion, loadRegistry, type Registry } from '../banks/registry.js';
import { editDistance } from '../banks/schema-issues.js';
import { type ResolvedConfig, resolveConfig } from '../config.js';
import { UsageError } from '../errors.js';
import type { Attempt } from '../history/attempt.js';
import { HistoryStore } from '../history/store.js';
import { dataDir } from '../paths.js';
import { LEVELS, type Level } from '../schema/index.js';
import { findPrinciple, PRINCIPLE_IDS } from '../schema/principles.js';
import { findTenet, TENET_IDS } from '../schema/tenets.js';
import { focusingScorer } from '../scoring/focus.js';
import type { ScoreResult } from '../scoring/result.js';
import type { Scorer } from '../scoring/scorer.js';
import type { CommandContext } from './context.js';

/** Loads shipped and configured content, warning once on stderr when some of it has problems. */
export async function registryFor(ctx: CommandContext, banks: string[] = []): Promise<Registry> {
  const config = resolveConfig({ cwd: ctx.cwd, env: ctx.env, banks });
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
  level?: string;
  principle?: string;
  tenet?: string;
  search?: string;
}

/** Checks filter flags against what exists, so a typo is an error with a suggestion, not an empty list. */
export function parseFilter(flags: FilterFlags, registry: Registry): QuestionFilter {
  const list = (v: string[] | string | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const banks = list(flags.bank);
  const categories = list(flags.category);
  const bankIds = registry.banks.map((b) => b.id);
  for (const b of banks) if (!bankIds.includes(b)) throw unknown('bank', b, bankIds);
  const categoryIds = [...new Set(registry.questions.map((q) => q.category))].sort();
  for (const c of categories) if (!categoryIds.includes(c)) throw unknown('category', c, categoryIds);
  if (flags.level !== undefined && !LEVELS.includes(flags.level.toUpperCase() as Level)) {
    throw unknown('level', flags.level, [...LEVELS]);
  }
  if (flags.principle !== undefined && !findPrinciple(flags.principle)) {
    throw unknown('principle', flags.principle, [...PRINCIPLE_IDS]);
  }
  if (flags.tenet !== undefined && !findTenet(flags.tenet)) {
    throw unknown('tenet', flags.tenet, TENET_IDS);
  }
  return {
    ...(banks.length ? { banks } : {}),
    ...(categories.length ? { categories } : {}),
    ...(flags.level ? { level: flags.level.toUpperCase() as Level } : {}),
    ...(flags.principle ? { principle: flags.principle } : {}),
    ...(flags.tenet ? { tenet: flags.tenet } : {}),
    ...(flags.search ? { search: flags.search } : {}),
  };
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

export function selectQuestions(registry: Registry, flags: FilterFlags): BankQuestion[] {
  return filterQuestions(registry.questions, parseFilter(flags, registry));
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

/** Every attempt in history, oldest first; damaged records are skipped with one warning. */
export function readHistory(ctx: CommandContext): Attempt[] {
  const store = new HistoryStore(dataDir(ctx.env));
  const { attempts, damaged } = store.read();
  if (damaged > 0) ctx.stderr.write(`coach: skipped ${damaged} damaged record(s) in ${store.file}\n`);
  return attempts;
}

export function terminalWidth(ctx: CommandContext): number | undefined {
  return ctx.stdout.isTTY ? (ctx.stdout.columns ?? 80) : undefined;
}

export function writeJson(ctx: CommandContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export interface ScorerFlags {
  scorer?: string;
  model?: string;
  provider?: string;
  /** --timeout SECONDS: one overall deadline per answer for an LLM scorer. */
  timeout?: number;
  /** --no-fallback sets this to false: an LLM failure exits 2 instead of scoring offline. */
  fallback?: boolean;
  /** --max-cost USD: refuse to send above this estimated cost. */
  maxCost?: number;
  /** --base-url: the openai-compatible server. */
  baseUrl?: string;
}

/** The LLM scorer flags that were given, as a session records them and createScorer takes them. */
export function givenScorerFlags(flags: Omit<ScorerFlags, 'scorer'>): {
  model?: string;
  provider?: string;
  baseUrl?: string;
  timeout?: number;
  maxCost?: number;
  fallback?: false;
} {
  return {
    ...(flags.model ? { model: flags.model } : {}),
    ...(flags.provider ? { provider: flags.provider } : {}),
    ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
    ...(flags.timeout !== undefined ? { timeout: flags.timeout } : {}),
    ...(flags.maxCost !== undefined ? { maxCost: flags.maxCost } : {}),
    ...(flags.fallback === false ? { fallback: false as const } : {}),
  };
}

/**
 * Which scorer the flags and config file ask for: --scorer, else `scorer:`, else offline; an LLM
 * scorer with the openai-compatible provider (--provider, else `provider:`) is the openai-compatible
 * scorer, and --provider openai-compatible alone asks for it.
 */
export function scorerName(flags: ScorerFlags, config: ResolvedConfig): ScoreResult['scorer'] {
  const provider = flags.provider ?? config.provider;
  const name = flags.scorer ?? config.scorer ?? (provider === 'openai-compatible' ? provider : 'offline');
  if (name === 'offline') return name;
  if (name !== 'anthropic' && name !== 'openai-compatible')
    throw new UsageError(`unknown scorer "${name}"; choose offline, anthropic or openai-compatible`);
  if (name === 'openai-compatible' && provider !== undefined && provider !== 'openai-compatible')
    throw new UsageError(`--scorer openai-compatible cannot run on --provider ${provider}; drop one of them`);
  return provider === 'openai-compatible' ? 'openai-compatible' : name;
}

/** scorerName with the config file read: for sessions, which record the scorer they use. */
export function chosenScorer(flags: ScorerFlags, ctx: CommandContext): ScoreResult['scorer'] {
  return scorerName(flags, resolveConfig({ cwd: ctx.cwd, env: ctx.env }));
}

/**
 * The scorer to use (see scorerName). An LLM scorer's SDK is loaded only when chosen; the anthropic
 * scorer needs a key, the openai-compatible one a base URL and a model (exit 2 saying how to set
 * them). `onProgress` feeds a spinner with the criteria received so far. Each is wrapped so a focused
 * question is judged on its focusCriteria only (src/scoring/focus.ts).
 */
export async function createScorer(
  flags: ScorerFlags,
  ctx: CommandContext,
  onProgress?: (received: number, total: number) => void,
): Promise<Scorer> {
  const config = resolveConfig({ cwd: ctx.cwd, env: ctx.env });
  const name = scorerName(flags, config);
  if (name === 'offline') {
    const { offlineScorer } = await import('../scoring/offline/index.js');
    return focusingScorer(offlineScorer);
  }
  if (name === 'openai-compatible') {
    const { openAICompatibleSettings, createOpenAIClient } = await import(
      '../scoring/openai-compatible/config.js'
    );
    const { OpenAICompatibleScorer } = await import('../scoring/openai-compatible/judge.js');
    const settings = openAICompatibleSettings(ctx.env, {
      model: flags.model ?? config.model,
      baseUrl: flags.baseUrl,
      configBaseUrl: config.baseUrl,
      models: config.models,
      timeoutSeconds: flags.timeout,
    });
    return focusingScorer(
      new OpenAICompatibleScorer({
        client: await createOpenAIClient(settings),
        model: settings.model,
        prices: settings.prices,
        secrets: [settings.apiKey ?? ''],
        timeoutMs: settings.timeoutMs,
        fallback: flags.fallback !== false,
      }),
    );
  }
  return focusingScorer(await createAnthropicScorer(flags, ctx, onProgress));
}

/** The anthropic scorer itself (unwrapped: `coach batches` uses its batch methods), SDK loaded lazily. */
export async function createAnthropicScorer(
  flags: ScorerFlags,
  ctx: CommandContext,
  onProgress?: (received: number, total: number) => void,
): Promise<import('../scoring/anthropic/judge.js').AnthropicScorer> {
  const config = resolveConfig({ cwd: ctx.cwd, env: ctx.env });
  const maxCostUsd = flags.maxCost;
  const { anthropicSettings, createClient } = await import('../scoring/anthropic/config.js');
  const { AnthropicScorer } = await import('../scoring/anthropic/judge.js');
  const settings = anthropicSettings(ctx.env, {
    model: flags.model ?? config.model,
    provider: flags.provider ?? config.provider,
    models: config.models,
    timeoutSeconds: flags.timeout,
  });
  return new AnthropicScorer({
    client: await createClient(settings),
    model: settings.model,
    secrets: [settings.apiKey ?? '', settings.authToken ?? ''],
    timeoutMs: settings.timeoutMs,
    fallback: flags.fallback !== false,
    ...(maxCostUsd !== undefined ? { maxCostUsd } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
}

/** The target level: --level, else `level:` in the config file, else none (the judge is told the question's levels). */
export function targetLevel(flag: Level | undefined, ctx: CommandContext): Level | undefined {
  return flag ?? resolveConfig({ cwd: ctx.cwd, env: ctx.env }).level;
}

/** A spinner on stderr while scoring, only on a terminal and never with --json. */
export async function scoringSpinner(
  ctx: CommandContext,
  enabled: boolean,
  text = 'Scoring your answer…',
  unit = 'criteria',
) {
  if (!enabled || !(ctx.stderr as { isTTY?: boolean }).isTTY) {
    return { progress: undefined, stop: () => {} };
  }
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: process.stderr, discardStdin: false }).start();
  return {
    progress: (received: number, total: number) => {
      spinner.text = `${text} ${received}/${total} ${unit}`;
    },
    stop: () => spinner.stop(),
  };
}
