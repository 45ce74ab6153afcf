import { UsageError } from '../../errors.js';

/**
 * The models the anthropic scorer knows, with their prices: the one place to update when they change.
 * USD per million tokens, from Anthropic's pricing page (checked 2026-11-22; Sonnet 5.5 cache reads
 * were cut to $0.10 on 2026-10-07). Cache writes are the 5-minute rate. Message Batches cost half.
 */
export interface ModelInfo {
  id: string;
  label: string;
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

const MODELS: readonly ModelInfo[] = [
  {
    id: 'claude-sonnet-5-5',
    label: 'Claude Sonnet 5.5',
    input: 2,
    output: 10,
    cacheWrite: 2.5,
    cacheRead: 0.1,
  },
  {
    id: 'claude-haiku-5-5',
    label: 'Claude Haiku 5.5',
    input: 0.1,
    output: 0.5,
    cacheWrite: 0.125,
    cacheRead: 0.01,
  },
  { id: 'claude-opus-5-5', label: 'Claude Opus 5.5', input: 4, output: 20, cacheWrite: 5, cacheRead: 0.2 },
  { id: 'claude-sonnet-5', label: 'Claude Sonnet 5', input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 },
  { id: 'claude-opus-5', label: 'Claude Opus 5', input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 },
];

/** A current Sonnet-class model: the balance of judgement quality and price a scorer needs. */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';

/** A model added in the config file (`models:`), USD per million tokens. */
export interface ConfiguredModel {
  inputPerMTok: number;
  outputPerMTok: number;
  cacheWritePerMTok?: number | undefined;
  cacheReadPerMTok?: number | undefined;
  label?: string | undefined;
}

/**
 * The price table: the shipped models, plus (and overridden by) the config file's `models:`. Cache
 * prices not given are the usual multiples of the input price: writes 1.25x, reads 0.1x.
 */
export function priceTable(configured: Readonly<Record<string, ConfiguredModel>> = {}): ModelInfo[] {
  const added = Object.entries(configured).map(([id, m]) => ({
    id,
    label: m.label ?? id,
    input: m.inputPerMTok,
    output: m.outputPerMTok,
    cacheWrite: m.cacheWritePerMTok ?? m.inputPerMTok * 1.25,
    cacheRead: m.cacheReadPerMTok ?? m.inputPerMTok * 0.1,
  }));
  return [...MODELS.filter((m) => !(m.id in configured)), ...added];
}

/** The model with its prices, or a usage error listing the known ids: an unknown id is never priced as another. */
export function resolveModel(
  id: string,
  configured: Readonly<Record<string, ConfiguredModel>> = {},
): ModelInfo {
  const table = priceTable(configured);
  const found = table.find((m) => m.id === id);
  if (!found)
    throw new UsageError(
      `unknown model "${id}"; known: ${table.map((m) => m.id).join(', ')} (add one with its prices under \`models:\` in the config file)`,
    );
  return found;
}

export interface RawUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

/** Cost of tokens in USD at the model's prices; batches cost half. */
export function costUsd(model: ModelInfo, usage: RawUsage, batch = false): number {
  const dollars =
    ((usage.input_tokens ?? 0) * model.input +
      (usage.output_tokens ?? 0) * model.output +
      (usage.cache_creation_input_tokens ?? 0) * model.cacheWrite +
      (usage.cache_read_input_tokens ?? 0) * model.cacheRead) /
    1_000_000;
  return Math.round((batch ? dollars / 2 : dollars) * 1e6) / 1e6;
}
