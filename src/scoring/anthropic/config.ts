import { UsageError } from '../../errors.js';
import type { Env } from '../../paths.js';
import { DEFAULT_MODEL, MODELS } from './models.js';

export interface AnthropicSettings {
  apiKey?: string;
  authToken?: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

/** Key from ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), endpoint from ANTHROPIC_BASE_URL, model from flag > config > default. */
export function anthropicSettings(env: Env, model?: string): AnthropicSettings {
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
    ...(apiKey ? { apiKey } : {}),
    ...(authToken ? { authToken } : {}),
    ...(env.ANTHROPIC_BASE_URL ? { baseURL: env.ANTHROPIC_BASE_URL } : {}),
    model: chosen,
    timeoutMs: Number(env.COACH_LLM_TIMEOUT_MS) || 60_000,
    maxRetries: 2,
  };
}

export async function createClient(settings: AnthropicSettings) {
  const { default: Anthropic } = await import('@anthropic-ai/sdk');
  return new Anthropic({
    apiKey: settings.apiKey ?? null,
    authToken: settings.authToken ?? null,
    ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
}
