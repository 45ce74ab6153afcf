/**
 * A local stand-in for an OpenAI-compatible chat completions server (what Ollama, llama.cpp's server and
 * vLLM expose), for tests that drive the REAL `openai` client against it:
 * `new OpenAI({ apiKey, baseURL: `${server.url}/v1` })`. No network, no key.
 *
 * Wire format as the openai package 6.x parses it: `POST /v1/chat/completions` answers a JSON
 * `chat.completion` object; errors are `{error: {message, type, code}}` with the status, and
 * `retry-after-ms` when a scenario gives it (the client honours it instead of its 0.5 s+ backoff).
 * Like the servers it stands in for, a request without `model` or `messages` is a 400 (which does not
 * consume a queued scenario). With `requireKey`, a request without that bearer key is a 401.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ChatRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary request bodies
  body: any;
}

export type ChatScenario =
  /** 200 with one choice whose content is `content`; `finishReason` default 'stop'; `delayMs` before answering. */
  | {
      kind: 'reply';
      content: string | null;
      finishReason?: 'stop' | 'length' | 'content_filter';
      refusal?: string;
      usage?: { prompt_tokens: number; completion_tokens: number };
      delayMs?: number;
    }
  /** An error status with an OpenAI-style error body; `retryAfterMs` adds `retry-after-ms`. */
  | { kind: 'error'; status: number; message?: string; retryAfterMs?: number }
  /** A 200 whose body is not JSON at all (a proxy's HTML page, a truncated body). */
  | { kind: 'garbage'; body: string }
  /** Sends nothing for `ms` (a model still loading, a stuck server), then a 500. */
  | { kind: 'hang'; ms: number };

export interface OpenAITestServer {
  /** http://127.0.0.1:PORT (the client's baseURL is this plus `/v1`). */
  url: string;
  requests: ChatRequest[];
  enqueue(...scenarios: ChatScenario[]): void;
  /** What answers when the queue is empty (default: a 500 with `retry-after-ms: 10`). */
  setFallback(scenario: ChatScenario): void;
  /** From now on, answer 401 to any request without this bearer key (as `requireKey` at start). */
  requireKey(key: string): void;
  close(): Promise<void>;
}

const DEFAULT_CHAT_USAGE = { prompt_tokens: 900, completion_tokens: 250 };

export async function startOpenAIServer(options: { requireKey?: string } = {}): Promise<OpenAITestServer> {
  let requiredKey = options.requireKey;
  const queue: ChatScenario[] = [];
  let fallback: ChatScenario = { kind: 'error', status: 500, retryAfterMs: 10 };
  const requests: ChatRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const sendJson = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const sendError = (res: ServerResponse, status: number, message: string, retryAfterMs?: number) =>
    sendJson(
      res,
      status,
      { error: { message, type: status === 401 ? 'invalid_request_error' : 'server_error', code: null } },
      retryAfterMs === undefined
        ? {}
        : { 'retry-after-ms': String(retryAfterMs), 'retry-after': String(Math.ceil(retryAfterMs / 1000)) },
    );

  const answer = (res: ServerResponse, model: string, s: ChatScenario) => {
    switch (s.kind) {
      case 'reply': {
        const send = () =>
          sendJson(res, 200, {
            id: `chatcmpl-${++counter}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model,
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: s.content, refusal: s.refusal ?? null },
                finish_reason: s.finishReason ?? 'stop',
                logprobs: null,
              },
            ],
            usage: {
              ...(s.usage ?? DEFAULT_CHAT_USAGE),
              total_tokens:
                (s.usage ?? DEFAULT_CHAT_USAGE).prompt_tokens +
                (s.usage ?? DEFAULT_CHAT_USAGE).completion_tokens,
            },
          });
        if (s.delayMs) later(s.delayMs, send);
        else send();
        return;
      }
      case 'error':
        sendError(res, s.status, s.message ?? `error ${s.status}`, s.retryAfterMs);
        return;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(s.body);
        return;
      case 'hang':
        later(s.ms, () => sendError(res, 500, 'gave up', 10));
        return;
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        sendError(res, 404, `no route ${req.method} ${req.url}`);
        return;
      }
      if (requiredKey && req.headers.authorization !== `Bearer ${requiredKey}`) {
        sendError(res, 401, 'Incorrect API key provided');
        return;
      }
      const b = body as { model?: unknown; messages?: unknown } | undefined;
      if (typeof b?.model !== 'string' || !Array.isArray(b.messages)) {
        sendError(res, 400, 'model and messages are required');
        return;
      }
      answer(res, b.model, queue.shift() ?? fallback);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...s) => queue.push(...s),
    setFallback: (s) => {
      fallback = s;
    },
    requireKey: (key) => {
      requiredKey = key;
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
