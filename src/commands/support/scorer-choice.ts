import { type ResolvedConfig, resolveConfig } from '../../config.js';
import { UsageError } from '../../errors.js';
import { focusingScorer } from '../../scoring/focus.js';
import type { ScoreResult } from '../../scoring/result.js';
import type { Scorer } from '../../scoring/scorer.js';
import type { CommandContext } from '../context.js';

/** Which scorer the flags and the config file ask for, and building it (its SDK loaded only when chosen). */

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
 * @internal Commands get it through the scorer choice below; its table test covers every combination.
 */
export function scorerName(flags: ScorerFlags, config: ResolvedConfig): ScoreResult['scorer'] {
  const provider = flags.provider ?? config.provider;
  const name = flags.scorer ?? config.scorer ?? (provider === 'openai-compatible' ? provider : 'offline');
  if (name === 'offline') {
    // An LLM setting typed for the offline scorer would be ignored, and the score taken for the LLM's.
    const given = llmOnlyFlags(flags);
    if (given.length > 0)
      throw new UsageError(
        `${given.join(', ')} ${given.length === 1 ? 'applies' : 'apply'} to an LLM scorer, but the scorer is offline; add --scorer anthropic or --scorer openai-compatible, or drop ${given.length === 1 ? 'it' : 'them'}`,
      );
    return name;
  }
  if (name !== 'anthropic' && name !== 'openai-compatible')
    throw new UsageError(`unknown scorer "${name}"; choose offline, anthropic or openai-compatible`);
  if (name === 'openai-compatible' && provider !== undefined && provider !== 'openai-compatible')
    throw new UsageError(`--scorer openai-compatible cannot run on --provider ${provider}; drop one of them`);
  return provider === 'openai-compatible' ? 'openai-compatible' : name;
}

/** The LLM scorer settings given on the command line, as the user typed them. */
function llmOnlyFlags(flags: ScorerFlags): string[] {
  return [
    flags.model !== undefined ? '--model' : '',
    flags.provider !== undefined ? '--provider' : '',
    flags.baseUrl !== undefined ? '--base-url' : '',
    flags.timeout !== undefined ? '--timeout' : '',
    flags.maxCost !== undefined ? '--max-cost' : '',
    flags.fallback === false ? '--no-fallback' : '',
  ].filter(Boolean);
}

/** scorerName with the config file read: for sessions, which record the scorer they use. */
export async function chosenScorer(flags: ScorerFlags, ctx: CommandContext): Promise<ScoreResult['scorer']> {
  return scorerName(flags, await resolveConfig({ cwd: ctx.cwd, env: ctx.env }));
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
  const config = await resolveConfig({ cwd: ctx.cwd, env: ctx.env });
  const name = scorerName(flags, config);
  if (name === 'offline') {
    const { offlineScorer } = await import('../../scoring/offline/index.js');
    return focusingScorer(offlineScorer);
  }
  if (name === 'openai-compatible') {
    const { openAICompatibleSettings, createOpenAIClient } = await import(
      '../../scoring/openai-compatible/config.js'
    );
    const { OpenAICompatibleScorer } = await import('../../scoring/openai-compatible/judge.js');
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
): Promise<import('../../scoring/anthropic/judge.js').AnthropicScorer> {
  const config = await resolveConfig({ cwd: ctx.cwd, env: ctx.env });
  const maxCostUsd = flags.maxCost;
  const { anthropicSettings, createClient } = await import('../../scoring/anthropic/config.js');
  const { AnthropicScorer } = await import('../../scoring/anthropic/judge.js');
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
