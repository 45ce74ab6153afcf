import { UsageError } from '../../errors.js';
import type { Env } from '../../paths.js';
import { DEFAULT_MODEL, MODELS } from './models.js';

export interface AnthropicSettings {
  provider: 'anthropic' | 'bedrock';
  /** AWS region, for Bedrock. */
  region?: string;
  apiKey?: string;
  authToken?: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

/** Key from ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), endpoint from ANTHROPIC_BASE_URL, model from flag > config > default. */
export function anthropicSettings(
  env: Env,
  model?: string,
  provider: string = 'anthropic',
): AnthropicSettings {
  if (provider !== 'anthropic' && provider !== 'bedrock') {
    throw new UsageError(`unknown provider "${provider}"; choose anthropic or bedrock`);
  }
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
      model: model ?? DEFAULT_MODEL,
      timeoutMs: Number(env.COACH_LLM_TIMEOUT_MS) || 60_000,
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
  const chosen = model ?? DEFAULT_MODEL;
  if (!/^[\w.:-]+$/.test(chosen))
    throw new UsageError(`invalid model id "${chosen}"; known: ${MODELS.map((m) => m.id).join(', ')}`);
  return {
    provider: 'anthropic',
    ...(apiKey ? { apiKey } : {}),
    ...(authToken ? { authToken } : {}),
    ...(env.ANTHROPIC_BASE_URL ? { baseURL: env.ANTHROPIC_BASE_URL } : {}),
    model: chosen,
    timeoutMs: Number(env.COACH_LLM_TIMEOUT_MS) || 60_000,
    maxRetries: 2,
  };
}

/** The Bedrock SDK brings the AWS SDK with it, so it is an optional peer: installed only by those who use it. */
const BEDROCK_PACKAGE = '@anthropic-ai/bedrock-sdk';

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
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries,
    }) as import('@anthropic-ai/sdk').default;
  }
  const { default: Anthropic } = await import('@anthropic-ai/sdk');
  return new Anthropic({
    apiKey: settings.apiKey ?? null,
    authToken: settings.authToken ?? null,
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
}
