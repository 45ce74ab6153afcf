import { UsageError } from '../../errors.js';
import type { Env } from '../../paths.js';
import { type ConfiguredModel, DEFAULT_MODEL, type ModelInfo, resolveModel } from './models.js';

export interface AnthropicSettings {
  provider: 'anthropic' | 'bedrock';
  /** AWS region, for Bedrock. */
  region?: string;
  apiKey?: string;
  authToken?: string;
  baseURL?: string;
  /** The model with its prices: always one the price table knows. */
  model: ModelInfo;
  /** One overall deadline per answer, retries and a repair included. */
  timeoutMs: number;
  maxRetries: number;
}

/** Default overall deadline per answer: a slow judgement takes 20-40 s; 90 s leaves room for a retry. */
export const DEFAULT_TIMEOUT_SECONDS = 90;

export interface SettingsOptions {
  model?: string | undefined;
  provider?: string | undefined;
  /** `models:` from the config file. */
  models?: Readonly<Record<string, ConfiguredModel>> | undefined;
  timeoutSeconds?: number | undefined;
}

/** Key from ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), endpoint from ANTHROPIC_BASE_URL, model from flag > config > default. */
export function anthropicSettings(env: Env, options: SettingsOptions = {}): AnthropicSettings {
  const provider = options.provider ?? 'anthropic';
  const timeoutMs = (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  if (provider !== 'anthropic' && provider !== 'bedrock') {
    throw new UsageError(`unknown provider "${provider}"; choose anthropic or bedrock`);
  }
  const model = resolveModel(options.model ?? DEFAULT_MODEL, options.models);
  if (provider === 'bedrock') {
    // Credentials come from the usual AWS chain (environment, profile, role); only the region is required here.
    const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
    if (!region)
      throw new UsageError(
        '--provider bedrock needs an AWS region: set AWS_REGION (credentials come from the usual AWS environment)',
      );
    return {
      provider,
      region,
      model,
      timeoutMs,
      maxRetries: 2,
    };
  }
  const apiKey = env.ANTHROPIC_API_KEY || undefined;
  const authToken = env.ANTHROPIC_AUTH_TOKEN || undefined;
  if (!apiKey && !authToken) {
    throw new UsageError(
      'the anthropic scorer needs an API key: set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) in the environment, or use --scorer offline',
    );
  }
  return {
    provider: 'anthropic',
    ...(apiKey ? { apiKey } : {}),
    ...(authToken ? { authToken } : {}),
    ...(env.ANTHROPIC_BASE_URL ? { baseURL: env.ANTHROPIC_BASE_URL } : {}),
    model,
    timeoutMs,
    maxRetries: 2,
  };
}

/** The Bedrock SDK brings the AWS SDK with it, so it is an optional peer: installed only by those who use it. */
const BEDROCK_PACKAGE = '@anthropic-ai/bedrock-sdk';

/**
 * The SDK's own per-attempt timeout sits just past the overall deadline, so the deadline's abort
 * always comes first and the SDK never retries a timed-out attempt past it.
 */
const TIMEOUT_MARGIN_MS = 1000;

export async function createClient(
  settings: AnthropicSettings,
): Promise<import('@anthropic-ai/sdk').default> {
  if (settings.provider === 'bedrock') {
    let mod: { AnthropicBedrock: new (options: object) => unknown };
    try {
      mod = (await import(/* @vite-ignore */ BEDROCK_PACKAGE)) as typeof mod;
    } catch {
      throw new UsageError(
        `--provider bedrock needs ${BEDROCK_PACKAGE}: run \`npm install ${BEDROCK_PACKAGE}\``,
      );
    }
    // Same messages interface as the Anthropic client.
    return new mod.AnthropicBedrock({
      awsRegion: settings.region,
      timeout: settings.timeoutMs + TIMEOUT_MARGIN_MS,
      maxRetries: settings.maxRetries,
    }) as import('@anthropic-ai/sdk').default;
  }
  const { default: Anthropic } = await import('@anthropic-ai/sdk');
  return new Anthropic({
    apiKey: settings.apiKey ?? null,
    authToken: settings.authToken ?? null,
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
    timeout: settings.timeoutMs + TIMEOUT_MARGIN_MS,
    maxRetries: settings.maxRetries,
  });
}
