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

export const MODELS: readonly ModelInfo[] = [
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

export function modelInfo(id: string): ModelInfo | undefined {
  return MODELS.find((m) => m.id === id);
}

export interface RawUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

/** Estimated cost of one response in USD; unknown models are priced as the default. */
export function costUsd(model: string, usage: RawUsage, batch = false): number {
  const m = modelInfo(model) ?? modelInfo(DEFAULT_MODEL)!;
  const dollars =
    ((usage.input_tokens ?? 0) * m.input +
      (usage.output_tokens ?? 0) * m.output +
      (usage.cache_creation_input_tokens ?? 0) * m.cacheWrite +
      (usage.cache_read_input_tokens ?? 0) * m.cacheRead) /
    1_000_000;
  return Math.round((batch ? dollars / 2 : dollars) * 1e6) / 1e6;
}
