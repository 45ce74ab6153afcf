/**
 * A local stand-in for the Anthropic Messages API, for tests that drive the REAL `@anthropic-ai/sdk`
 * client against it: `new Anthropic({ apiKey: 'test-key', baseURL: server.url })`. No network, no key.
 *
 * Wire formats follow what SDK 1.12 parses (client.js, core/streaming.js, lib/MessageStream.js,
 * resources/messages/batches.js):
 * - JSON bodies with `Content-Type: application/json` and a `request-id` header;
 * - SSE frames as `event: <name>\ndata: <json>\n\n` (the SDK drops frames without an `event:` line and
 *   turns an `event: error` frame into an `APIError`);
 * - error bodies `{type:'error', error:{type, message}, request_id}` with the API's error type names;
 *   `retry-after-ms` (and `retry-after`) when a scenario gives `retryAfterMs`, which the SDK honours
 *   instead of its 0.5 s+ exponential backoff;
 * - batch results as JSONL, one object per line and no blank lines (the SDK's JSONL decoder
 *   `JSON.parse`s every line, so an empty line would throw).
 *
 * Like the real API, POST /v1/messages rejects requests without credentials (401), without
 * `anthropic-version` (400), without `model`/`max_tokens`/`messages` (400) or with the sampling
 * parameters 1.x no longer accepts (`temperature`, `top_p`, `top_k`; 400). Such a rejection does not
 * consume a queued scenario. Pass `{ validate: false }` to `startAnthropicServer` to turn this off.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type Anthropic from '@anthropic-ai/sdk';

export type UsageLike = Anthropic.Usage;
/** A content block as the API returns it; missing `citations`/`id`/`caller` are filled in. */
export type ContentBlockLike = Anthropic.ContentBlock | { type: string; [key: string]: unknown };
export interface MessageLike extends Omit<Anthropic.Message, 'content' | 'usage'> {
  content: ContentBlockLike[];
  usage: Partial<UsageLike>;
}

export interface RecordedRequest {
  method: string;
  /** The request target as sent, e.g. `/v1/messages` or `/v1/messages/batches/msgbatch_x/results`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or undefined when there is none (or it is not JSON). */
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary request bodies
  body: any;
}

export type ErrorStatus = 429 | 500 | 529 | 400 | 401 | 403 | 404 | 408;

export type Scenario =
  /** Non-streaming 200 (or `status`) with a Message: content `[{type:'text', text}]` or `message`'s. `delayMs` before answering. */
  | {
      kind: 'json';
      message?: Partial<MessageLike>;
      text?: string;
      status?: number;
      delayMs?: number;
      usage?: Partial<UsageLike>;
    }
  /**
   * Streaming: message_start, content_block_start, ping, `chunks` text_delta frames (default 3, at most one
   * per character), content_block_stop, message_delta (end_turn, usage), message_stop. `delayMs` between
   * deltas. With `errorAfterChunks`, an `event: error` (overloaded_error) frame after that many deltas ends it.
   * `stopReason` replaces end_turn in message_delta (e.g. max_tokens, refusal).
   */
  | {
      kind: 'sse';
      text: string;
      stopReason?: Anthropic.StopReason;
      chunks?: number;
      delayMs?: number;
      usage?: Partial<UsageLike>;
      errorAfterChunks?: number;
    }
  /** A tool_use block (stop_reason 'tool_use'); SSE with input_json_delta chunks when `stream` (default: as the request asks). */
  | { kind: 'tool'; input: unknown; name: string; stream?: boolean; usage?: Partial<UsageLike> }
  /** An error status with the API's error JSON; `retryAfterMs` adds `retry-after-ms`/`retry-after`. */
  | { kind: 'error'; status: ErrorStatus; retryAfterMs?: number; message?: string }
  /** A 200 whose text content is `raw` (e.g. broken JSON); SSE when `stream` (default: as the request asks). */
  | { kind: 'malformed'; raw: string; stream?: boolean }
  /** Sends nothing for `ms`, then a 500 (with `retry-after-ms: 10`): for client timeouts. */
  | { kind: 'hang'; ms: number };

export type BatchResultSpec =
  | { type: 'succeeded'; text: string; usage?: Partial<UsageLike> }
  | { type: 'errored'; message: string }
  | { type: 'expired' };

export interface BatchOptions {
  /** How many GETs of a batch answer `in_progress` before it is `ended` (default 1). */
  pollsBeforeEnd?: number;
  /** The outcome of each request (default: succeeded with text 'OK'); decided when the batch ends. */
  // biome-ignore lint/suspicious/noExplicitAny: the request params are whatever the caller sent
  result?: (customId: string, params: any) => BatchResultSpec;
}

export interface AnthropicTestServer {
  /** http://127.0.0.1:PORT — the SDK appends /v1/messages. */
  url: string;
  /** Every request, in order (messages, batches, count_tokens, unknown routes alike). */
  requests: RecordedRequest[];
  /** Queue scenarios; each POST /v1/messages takes the next one; when empty, the fallback answers. */
  enqueue(...scenarios: Scenario[]): void;
  /** What answers when the queue is empty (default: a 500 api_error with `retry-after-ms: 10`). */
  setFallback(s: Scenario): void;
  configureBatches(options: BatchOptions): void;
  /** Stops listening, destroys open sockets and cancels pending delays. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Reject malformed /v1/messages requests the way the API does (default true). */
  validate?: boolean;
}

const DEFAULT_USAGE = {
  input_tokens: 1200,
  output_tokens: 300,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
} as const;

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  408: 'timeout_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const ERROR_MESSAGES: Record<number, string> = {
  400: 'Invalid request',
  401: 'invalid x-api-key',
  408: 'Request timed out',
  429: 'Number of request tokens has exceeded your per-minute rate limit',
  500: 'Internal server error',
  529: 'Overloaded',
};

const SAMPLING_PARAMS = ['temperature', 'top_p', 'top_k'] as const;

function randomId(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return `${prefix}_01${out}`;
}

function fullUsage(
  override: Partial<UsageLike> | undefined,
  serviceTier: UsageLike['service_tier'] = 'standard',
): UsageLike {
  const merged = { ...DEFAULT_USAGE, ...override };
  return {
    input_tokens: merged.input_tokens,
    output_tokens: merged.output_tokens,
    cache_creation_input_tokens: merged.cache_creation_input_tokens ?? 0,
    cache_read_input_tokens: merged.cache_read_input_tokens ?? 0,
    cache_creation: override?.cache_creation ?? {
      ephemeral_1h_input_tokens: 0,
      ephemeral_5m_input_tokens: merged.cache_creation_input_tokens ?? 0,
    },
    inference_geo: override?.inference_geo ?? 'global',
    output_tokens_details: override?.output_tokens_details ?? { thinking_tokens: 0 },
    server_tool_use: override?.server_tool_use ?? null,
    service_tier: override?.service_tier ?? serviceTier,
    speed: override?.speed ?? 'standard',
  };
}

function normalizeBlock(block: ContentBlockLike): ContentBlockLike {
  if (block.type === 'text' && !('citations' in block)) return { ...block, citations: null };
  if (block.type === 'tool_use') {
    return {
      ...block,
      id: 'id' in block && block.id ? block.id : randomId('toolu'),
      caller: 'caller' in block && block.caller ? block.caller : { type: 'direct' },
    };
  }
  return block;
}

function textBlock(text: string): ContentBlockLike {
  return { type: 'text', text, citations: null };
}

function toolBlock(name: string, input: unknown): ContentBlockLike {
  return { type: 'tool_use', id: randomId('toolu'), name, input, caller: { type: 'direct' } };
}

interface BuiltMessage extends Omit<Anthropic.Message, 'content'> {
  content: ContentBlockLike[];
}

function buildMessage(
  model: string,
  content: ContentBlockLike[],
  usage?: Partial<UsageLike>,
  override?: Partial<MessageLike>,
  serviceTier?: UsageLike['service_tier'],
): BuiltMessage {
  const blocks = (override?.content ?? content).map(normalizeBlock);
  const hasTool = blocks.some((b) => b.type === 'tool_use');
  return {
    id: randomId('msg'),
    type: 'message',
    role: 'assistant',
    model,
    container: null,
    diagnostics: null,
    stop_details: null,
    stop_reason: hasTool ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    ...override,
    content: blocks,
    usage: fullUsage({ ...usage, ...override?.usage }, serviceTier),
  };
}

/** Splits `text` into `n` nearly equal parts on code-point boundaries (fewer if the text is shorter). */
function splitText(text: string, n: number): string[] {
  const chars = Array.from(text);
  if (chars.length === 0) return [];
  const parts = Math.max(1, Math.min(Math.floor(n), chars.length));
  const out: string[] = [];
  for (let i = 0; i < parts; i++) {
    const start = Math.floor((i * chars.length) / parts);
    const end = Math.floor(((i + 1) * chars.length) / parts);
    out.push(chars.slice(start, end).join(''));
  }
  return out;
}

function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

interface Batch {
  id: string;
  createdAt: Date;
  // biome-ignore lint/suspicious/noExplicitAny: request params as sent
  requests: Array<{ custom_id: string; params: any }>;
  polls: number;
  canceled: boolean;
  endedAt: Date | null;
  results: Array<{ custom_id: string; result: unknown }> | null;
}

export async function startAnthropicServer(options: StartOptions = {}): Promise<AnthropicTestServer> {
  const validate = options.validate ?? true;
  const requests: RecordedRequest[] = [];
  const queue: Scenario[] = [];
  let fallback: Scenario = { kind: 'error', status: 500, retryAfterMs: 10, message: 'No scenario queued' };
  let batchOptions: Required<BatchOptions> = {
    pollsBeforeEnd: 1,
    result: () => ({ type: 'succeeded', text: 'OK' }),
  };
  const batches = new Map<string, Batch>();
  const sockets = new Set<Socket>();
  const sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closed = false;
  let url = '';

  /** Resolves after `ms`, or at once when the server closes or the client goes away. */
  function sleep(ms: number, res: ServerResponse): Promise<void> {
    if (ms <= 0 || gone(res)) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(entry.timer);
        sleepers.delete(entry);
        res.off('close', finish);
        resolve();
      };
      const entry = { timer: setTimeout(finish, ms), resolve: finish };
      sleepers.add(entry);
      res.once('close', finish);
    });
  }

  const gone = (res: ServerResponse) => closed || res.destroyed || res.writableEnded;

  function sendJson(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    if (gone(res)) return;
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(payload)),
      'request-id': randomId('req'),
      ...headers,
    });
    res.end(payload);
  }

  function sendError(res: ServerResponse, status: number, message?: string, retryAfterMs?: number): void {
    const headers: Record<string, string> = {};
    if (retryAfterMs !== undefined) {
      headers['retry-after-ms'] = String(retryAfterMs);
      headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
    }
    const requestId = randomId('req');
    headers['request-id'] = requestId;
    sendJson(
      res,
      status,
      {
        type: 'error',
        error: {
          type: ERROR_TYPES[status] ?? 'api_error',
          message: message ?? ERROR_MESSAGES[status] ?? 'Error',
        },
        request_id: requestId,
      },
      headers,
    );
  }

  async function sendStream(
    res: ServerResponse,
    message: BuiltMessage,
    deltas: Array<{ index: number; delta: unknown }>,
    opts: { delayMs?: number; errorAfter?: number } = {},
  ): Promise<void> {
    if (gone(res)) return;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'request-id': randomId('req'),
    });
    const write = (event: string, data: unknown) => {
      if (!gone(res)) res.write(sseFrame(event, data));
    };
    const { usage, content, stop_reason, stop_sequence } = message;
    write('message_start', {
      type: 'message_start',
      message: {
        ...message,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: Math.min(1, usage.output_tokens) },
      },
    });
    let sent = 0;
    for (const [index, block] of content.entries()) {
      const start =
        block.type === 'text'
          ? { ...block, text: '' }
          : block.type === 'tool_use'
            ? { ...block, input: {} }
            : block;
      write('content_block_start', { type: 'content_block_start', index, content_block: start });
      if (index === 0) write('ping', { type: 'ping' });
      for (const d of deltas.filter((x) => x.index === index)) {
        if (opts.errorAfter !== undefined && sent >= opts.errorAfter) {
          write('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
          if (!gone(res)) res.end();
          return;
        }
        await sleep(opts.delayMs ?? 0, res);
        write('content_block_delta', { type: 'content_block_delta', index, delta: d.delta });
        sent++;
      }
      write('content_block_stop', { type: 'content_block_stop', index });
    }
    if (opts.errorAfter !== undefined && sent >= opts.errorAfter) {
      write('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
      if (!gone(res)) res.end();
      return;
    }
    write('message_delta', {
      type: 'message_delta',
      delta: { stop_reason, stop_sequence, stop_details: null, container: null },
      usage: {
        input_tokens: usage.input_tokens,
        output_tokens: usage.output_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
        output_tokens_details: usage.output_tokens_details,
        server_tool_use: usage.server_tool_use,
      },
    });
    write('message_stop', { type: 'message_stop' });
    if (!gone(res)) res.end();
  }

  // biome-ignore lint/suspicious/noExplicitAny: request body as sent
  async function answerMessages(res: ServerResponse, body: any): Promise<void> {
    const scenario = queue.shift() ?? fallback;
    const model: string = body.model;
    const wantsStream = body.stream === true;
    switch (scenario.kind) {
      case 'json': {
        await sleep(scenario.delayMs ?? 0, res);
        const msg = buildMessage(model, [textBlock(scenario.text ?? 'OK')], scenario.usage, scenario.message);
        sendJson(res, scenario.status ?? 200, msg);
        return;
      }
      case 'sse': {
        const msg = buildMessage(
          model,
          [textBlock(scenario.text)],
          scenario.usage,
          scenario.stopReason ? { stop_reason: scenario.stopReason } : undefined,
        );
        const deltas = splitText(scenario.text, scenario.chunks ?? 3).map((text) => ({
          index: 0,
          delta: { type: 'text_delta', text },
        }));
        const opts: { delayMs?: number; errorAfter?: number } = {};
        if (scenario.delayMs !== undefined) opts.delayMs = scenario.delayMs;
        if (scenario.errorAfterChunks !== undefined) opts.errorAfter = scenario.errorAfterChunks;
        await sendStream(res, msg, deltas, opts);
        return;
      }
      case 'tool': {
        const msg = buildMessage(model, [toolBlock(scenario.name, scenario.input)], scenario.usage);
        if (scenario.stream ?? wantsStream) {
          const json = JSON.stringify(scenario.input);
          const parts = ['', ...splitText(json, 3)];
          await sendStream(
            res,
            msg,
            parts.map((partial_json) => ({ index: 0, delta: { type: 'input_json_delta', partial_json } })),
          );
        } else {
          sendJson(res, 200, msg);
        }
        return;
      }
      case 'error':
        sendError(res, scenario.status, scenario.message, scenario.retryAfterMs);
        return;
      case 'malformed': {
        const msg = buildMessage(model, [textBlock(scenario.raw)]);
        if (scenario.stream ?? wantsStream) {
          const deltas = splitText(scenario.raw, 3).map((text) => ({
            index: 0,
            delta: { type: 'text_delta', text },
          }));
          await sendStream(res, msg, deltas);
        } else {
          sendJson(res, 200, msg);
        }
        return;
      }
      case 'hang':
        await sleep(scenario.ms, res);
        sendError(res, 500, 'Internal server error (after hang)', 10);
        return;
    }
  }

  // biome-ignore lint/suspicious/noExplicitAny: request body as sent
  function validateMessageParams(params: any, where = ''): string | null {
    if (typeof params !== 'object' || params === null || Array.isArray(params))
      return `${where}body: Input should be an object`;
    if (typeof params.model !== 'string' || !params.model) return `${where}model: Field required`;
    if (typeof params.max_tokens !== 'number') return `${where}max_tokens: Field required`;
    if (!Array.isArray(params.messages)) return `${where}messages: Field required`;
    for (const p of SAMPLING_PARAMS) {
      if (p in params) return `${where}${p}: Extra inputs are not permitted`;
    }
    return null;
  }

  /** 401/400 for what the API refuses before looking at the body; true when the request may proceed. */
  function checkHeaders(req: IncomingMessage, res: ServerResponse): boolean {
    if (!validate) return true;
    if (!req.headers['x-api-key'] && !req.headers.authorization) {
      sendError(res, 401, 'x-api-key header is required');
      return false;
    }
    if (!req.headers['anthropic-version']) {
      sendError(res, 400, 'anthropic-version: header is required');
      return false;
    }
    return true;
  }

  function batchJson(b: Batch): Anthropic.Messages.MessageBatch {
    const ended = b.endedAt !== null;
    const counts = { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 };
    if (!ended || !b.results) counts.processing = b.requests.length;
    else {
      for (const r of b.results) {
        const type = (r.result as { type: keyof typeof counts }).type;
        counts[type]++;
      }
    }
    return {
      id: b.id,
      type: 'message_batch',
      processing_status: ended ? 'ended' : b.canceled ? 'canceling' : 'in_progress',
      request_counts: counts,
      created_at: b.createdAt.toISOString(),
      expires_at: new Date(b.createdAt.getTime() + 24 * 3600_000).toISOString(),
      ended_at: b.endedAt ? b.endedAt.toISOString() : null,
      archived_at: null,
      cancel_initiated_at: b.canceled ? b.createdAt.toISOString() : null,
      results_url: ended ? `${url}/v1/messages/batches/${b.id}/results` : null,
    };
  }

  function endBatch(b: Batch): void {
    b.endedAt = new Date();
    b.results = b.requests.map(({ custom_id, params }) => {
      if (b.canceled) return { custom_id, result: { type: 'canceled' } };
      const spec = batchOptions.result(custom_id, params);
      if (spec.type === 'succeeded') {
        const message = buildMessage(
          String(params?.model ?? 'unknown'),
          [textBlock(spec.text)],
          spec.usage,
          undefined,
          'batch',
        );
        return { custom_id, result: { type: 'succeeded', message } };
      }
      if (spec.type === 'errored') {
        return {
          custom_id,
          result: {
            type: 'errored',
            error: { type: 'error', error: { type: 'api_error', message: spec.message }, request_id: null },
          },
        };
      }
      return { custom_id, result: { type: 'expired' } };
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: request body as sent
  function handleBatches(req: IncomingMessage, res: ServerResponse, path: string, body: any): void {
    const method = req.method ?? 'GET';
    if (method === 'POST' && path === '/v1/messages/batches') {
      if (!checkHeaders(req, res)) return;
      if (!body || !Array.isArray(body.requests) || body.requests.length === 0) {
        sendError(res, 400, 'requests: Field required');
        return;
      }
      const seen = new Set<string>();
      for (const [i, r] of body.requests.entries()) {
        if (typeof r?.custom_id !== 'string') {
          sendError(res, 400, `requests.${i}.custom_id: Field required`);
          return;
        }
        if (seen.has(r.custom_id)) {
          sendError(res, 400, `requests.${i}.custom_id: duplicate custom_id`);
          return;
        }
        seen.add(r.custom_id);
        const problem = validate ? validateMessageParams(r.params, `requests.${i}.params.`) : null;
        if (problem) {
          sendError(res, 400, problem);
          return;
        }
      }
      const batch: Batch = {
        id: randomId('msgbatch'),
        createdAt: new Date(),
        requests: body.requests,
        polls: 0,
        canceled: false,
        endedAt: null,
        results: null,
      };
      batches.set(batch.id, batch);
      sendJson(res, 200, batchJson(batch));
      return;
    }
    if (method === 'GET' && path === '/v1/messages/batches') {
      const data = [...batches.values()].reverse().map(batchJson);
      sendJson(res, 200, {
        data,
        has_more: false,
        first_id: data[0]?.id ?? null,
        last_id: data.at(-1)?.id ?? null,
      });
      return;
    }
    const m = /^\/v1\/messages\/batches\/([^/]+)(\/results|\/cancel)?$/.exec(path);
    const batch = m ? batches.get(decodeURIComponent(m[1]!)) : undefined;
    if (!m || !batch) {
      sendError(res, 404, `Not found: ${method} ${path}`);
      return;
    }
    const tail = m[2];
    if (method === 'GET' && tail === undefined) {
      batch.polls++;
      if (!batch.endedAt && (batch.canceled || batch.polls > batchOptions.pollsBeforeEnd)) endBatch(batch);
      sendJson(res, 200, batchJson(batch));
      return;
    }
    if (method === 'POST' && tail === '/cancel') {
      if (!batch.endedAt) batch.canceled = true;
      sendJson(res, 200, batchJson(batch));
      return;
    }
    if (method === 'GET' && tail === '/results') {
      if (!batch.results) {
        sendError(res, 404, `Batch ${batch.id} has not ended yet`);
        return;
      }
      const payload = batch.results.map((r) => `${JSON.stringify(r)}\n`).join('');
      res.writeHead(200, { 'content-type': 'application/binary', 'request-id': randomId('req') });
      res.end(payload);
      return;
    }
    sendError(res, 404, `Not found: ${method} ${path}`);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    // biome-ignore lint/suspicious/noExplicitAny: parsed JSON body
    let body: any;
    let invalidJson = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        invalidJson = true;
      }
    }
    const target = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path: target, headers: { ...req.headers }, body });
    const path = new URL(target, 'http://127.0.0.1').pathname;
    if (invalidJson) {
      sendError(res, 400, 'There was an error parsing the body of your request as JSON');
      return;
    }

    if (req.method === 'POST' && path === '/v1/messages') {
      if (!checkHeaders(req, res)) return;
      const problem = validate ? validateMessageParams(body) : null;
      if (problem) {
        sendError(res, 400, problem);
        return;
      }
      await answerMessages(res, body ?? {});
      return;
    }
    if (req.method === 'POST' && path === '/v1/messages/count_tokens') {
      if (!checkHeaders(req, res)) return;
      const size = JSON.stringify({
        system: body?.system,
        messages: body?.messages,
        tools: body?.tools,
      }).length;
      sendJson(res, 200, { input_tokens: Math.ceil(size / 4) });
      return;
    }
    if (path.startsWith('/v1/messages/batches')) {
      handleBatches(req, res, path, body);
      return;
    }
    sendError(res, 404, `Not found: ${req.method} ${path}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!gone(res)) sendError(res, 500, `test server failure: ${String(err)}`);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    requests,
    enqueue(...scenarios: Scenario[]) {
      queue.push(...scenarios);
    },
    setFallback(s: Scenario) {
      fallback = s;
    },
    configureBatches(opts: BatchOptions) {
      batchOptions = {
        pollsBeforeEnd: opts.pollsBeforeEnd ?? batchOptions.pollsBeforeEnd,
        result: opts.result ?? batchOptions.result,
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const s of [...sleepers]) s.resolve();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections?.();
      await done;
    },
  };
}
