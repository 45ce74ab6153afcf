import { CoachError, EXIT } from '../errors.js';

/**
 * How an LLM scorer's failures are told apart, for every provider:
 * - fatal: the request can never succeed as configured (key refused, no permission, unknown model or
 *   endpoint, a request the API rejects). Falling back would hide it, and `drill --fail-under` would
 *   silently gate on another scorer, so the command exits 2 with one line.
 * - passing: overload, 5xx, rate limits past the retries, timeouts, lost connections, and replies that
 *   are not a judgement (cut off at max_tokens, refused, invalid after one repair). These fall back to
 *   the offline score with a warning, unless --no-fallback, which turns them into exit 2 too.
 */

/** The request cannot succeed as configured: exit 2. */
export class ScorerFatalError extends CoachError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'ScorerFatalError';
  }
}

/** A passing failure with --no-fallback: exit 2 instead of an offline score. */
export class ScorerUnavailableError extends CoachError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'ScorerUnavailableError';
  }
}

/** The estimated cost of what was about to be sent is above --max-cost: nothing sent, exit 2. */
export class CostLimitError extends CoachError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'CostLimitError';
  }
}

/** A reply that is not a usable judgement; no repair is tried for a cut-off or refused reply. */
export class UnusableReply extends Error {}

/** HTTP statuses that no retry or fallback can fix. */
const FATAL_STATUSES = new Set([400, 401, 403, 404, 413, 422]);

export interface DescribedFailure {
  fatal: boolean;
  /** One line, secrets scrubbed. */
  reason: string;
}

export function describeFailure(
  error: unknown,
  secrets: readonly string[],
  options: { timeoutMs?: number; provider?: string } = {},
): DescribedFailure {
  const e = error as {
    status?: number;
    name?: string;
    message?: string;
    error?: { message?: string; error?: { message?: string } };
  };
  const seconds = options.timeoutMs !== undefined ? `${Math.round(options.timeoutMs / 100) / 10} s` : '';
  let text: string;
  let fatal = false;
  if (error instanceof UnusableReply) text = error.message;
  else if (e?.name === 'APIUserAbortError' || e?.name === 'AbortError' || e?.name === 'TimeoutError')
    text = `no answer within ${seconds || 'the deadline'} (--timeout)`;
  else if (e?.name === 'APIConnectionTimeoutError') text = 'the request timed out';
  else if (e?.name === 'APIConnectionError') text = 'could not connect to the API';
  else if (typeof e?.status === 'number') {
    fatal = FATAL_STATUSES.has(e.status);
    const kind =
      e.status === 429
        ? 'rate limited'
        : e.status === 529
          ? 'overloaded'
          : e.status === 401
            ? 'the key was refused'
            : e.status === 403
              ? 'permission denied'
              : e.status === 404
                ? 'not found (check the model id and base URL)'
                : 'API error';
    // The API's own message, not the SDK's "<status> <raw JSON body>"
    // (Anthropic's error body is {error: {message}}; OpenAI-compatible servers' body error is {message}.)
    text = `${kind}, HTTP ${e.status}: ${firstLine(e.error?.error?.message ?? e.error?.message ?? e.message ?? '')}`;
  } else text = firstLine(e?.message ?? String(error));
  return { fatal, reason: redact(text, secrets) };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!;
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join('[redacted]');
  return out
    .replace(/sk-ant-[\w-]{6,}/g, '[redacted]')
    .replace(/(authorization|x-api-key)["']?\s*[:=]\s*["']?(bearer\s+)?[^\s"',}]+/gi, '$1: [redacted]');
}
