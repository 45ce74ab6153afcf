import { UsageError } from '../../errors.js';
import type { Env } from '../../paths.js';
import { DEFAULT_TIMEOUT_SECONDS } from '../anthropic/config.js';
import { type ConfiguredModel, type ModelInfo, priceTable } from '../anthropic/models.js';

/**
 * Settings of the openai-compatible scorer: any server that speaks OpenAI's chat completions (Ollama,
 * llama.cpp's server, vLLM), usually on the candidate's own machine, so answers never leave it.
 */
export interface OpenAICompatibleSettings {
  /** Up to and including the API version path, e.g. http://localhost:11434/v1 (the client appends /chat/completions). */
  baseURL: string;
  /** OPENAI_API_KEY, for servers that want one; local servers usually do not. */
  apiKey?: string;
  /** Whatever the server calls the model (free: not checked against the Anthropic price table). */
  model: string;
  /** Prices from `models:` in the config file; without them the cost is zero (a local model is free). */
  prices?: ModelInfo;
  timeoutMs: number;
  maxRetries: number;
}

const BASE_URL_ENV = 'COACH_OPENAI_BASE_URL';

export interface OpenAICompatibleOptions {
  /** --model, else `model:` in the config file. */
  model?: string | undefined;
  /** --base-url, else COACH_OPENAI_BASE_URL, else `baseUrl:` in the config file. */
  baseUrl?: string | undefined;
  configBaseUrl?: string | undefined;
  models?: Readonly<Record<string, ConfiguredModel>> | undefined;
  /** --timeout (default: the same deadline as the anthropic scorer's). */
  timeoutSeconds?: number | undefined;
}

export function openAICompatibleSettings(
  env: Env,
  options: OpenAICompatibleOptions,
): OpenAICompatibleSettings {
  const raw = options.baseUrl ?? (env[BASE_URL_ENV] || undefined) ?? options.configBaseUrl;
  if (!raw)
    throw new UsageError(
      `the openai-compatible scorer needs the server's address: --base-url URL (for Ollama http://localhost:11434/v1), ${BASE_URL_ENV}, or baseUrl: in the config file`,
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--base-url "${raw}" is not a URL; for Ollama it is http://localhost:11434/v1`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--base-url "${raw}" must be an http:// or https:// URL`);
  if (url.username || url.password)
    throw new UsageError('--base-url must not carry credentials; put a key in OPENAI_API_KEY');
  if (!options.model)
    throw new UsageError(
      'the openai-compatible scorer needs a model: --model NAME as the server names it (for Ollama, e.g. llama3.1:8b), or model: in the config file',
    );
  const apiKey = env.OPENAI_API_KEY || undefined;
  const configured = options.models?.[options.model];
  const prices = configured
    ? priceTable({ [options.model]: configured }).find((m) => m.id === options.model)
    : undefined;
  return {
    baseURL: raw.replace(/\/+$/, ''),
    ...(apiKey ? { apiKey } : {}),
    model: options.model,
    ...(prices ? { prices } : {}),
    timeoutMs: (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    maxRetries: 2,
  };
}

/**
 * The SDK's own per-attempt timeout sits just past the overall deadline, so the deadline's abort comes
 * first and the SDK never retries a timed-out attempt past it.
 */
const TIMEOUT_MARGIN_MS = 1000;

/** The official client, imported only when this scorer is chosen. */
export async function createOpenAIClient(
  settings: OpenAICompatibleSettings,
): Promise<import('openai').default> {
  const { default: OpenAI } = await import('openai');
  return new OpenAI({
    // The client insists on a key; without one, no Authorization header is sent at all (the null
    // default header removes it), so a placeholder never reaches the server.
    apiKey: settings.apiKey ?? 'none',
    ...(settings.apiKey ? {} : { defaultHeaders: { Authorization: null } }),
    // Explicit, so OPENAI_ORG_ID or OPENAI_PROJECT_ID meant for OpenAI never reach a local server.
    organization: null,
    project: null,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs + TIMEOUT_MARGIN_MS,
    maxRetries: settings.maxRetries,
  });
}
