/**
 * Evidence that the fake Anthropic server speaks the wire format the REAL `@anthropic-ai/sdk` client
 * parses: every test drives the SDK itself against the server.
 */
import Anthropic, { type APIError } from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AnthropicTestServer, startAnthropicServer } from './anthropic-server.js';

const MODEL = 'claude-sonnet-5-5';
const USER = [{ role: 'user' as const, content: 'What is 2 + 2?' }];

let server: AnthropicTestServer;
beforeEach(async () => {
  server = await startAnthropicServer();
});
afterEach(async () => {
  await server.close();
});

function client(options: { maxRetries?: number; timeout?: number } = {}): Anthropic {
  return new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0, ...options });
}

function textOf(message: Anthropic.Message): string {
  return message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
}

describe('anthropic test server with the real SDK', () => {
  it('answers messages.create with a text message and records the request', async () => {
    server.enqueue({ kind: 'json', text: 'Four.', usage: { input_tokens: 42 } });
    const message = await client().messages.create({ model: MODEL, max_tokens: 256, messages: USER });

    expect(textOf(message)).toBe('Four.');
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: MODEL,
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: 42,
        output_tokens: 300,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    });
    expect(message.id).toMatch(/^msg_/);
    expect(message._request_id).toMatch(/^req_/);

    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/v1/messages' });
    expect(req!.body).toEqual({ model: MODEL, max_tokens: 256, messages: USER });
    expect(req!.headers['anthropic-version']).toBe('2026-10-21');
    // SDK 1.x sends the API key as a bearer token, not as x-api-key.
    expect(req!.headers.authorization).toBe('Bearer test-key');
  });

  it('streams text deltas that MessageStream assembles into the final message', async () => {
    server.enqueue({ kind: 'sse', text: 'Two plus two is four.', chunks: 4, usage: { output_tokens: 7 } });
    const stream = client().messages.stream({ model: MODEL, max_tokens: 256, messages: USER });
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));
    const final = await stream.finalMessage();

    expect(deltas).toHaveLength(4);
    expect(deltas.join('')).toBe('Two plus two is four.');
    expect(textOf(final)).toBe('Two plus two is four.');
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage).toMatchObject({ input_tokens: 1200, output_tokens: 7, cache_read_input_tokens: 0 });
    expect(server.requests[0]!.body.stream).toBe(true);
  });

  it('serves structured outputs that messages.parse validates with zod', async () => {
    server.enqueue({ kind: 'json', text: '{"answer": 4}' });
    const parsed = await client().messages.parse({
      model: MODEL,
      max_tokens: 256,
      messages: USER,
      output_config: { format: zodOutputFormat(z.object({ answer: z.number() })) },
    });

    expect(parsed.parsed_output?.answer).toBe(4);
    expect(server.requests[0]!.body.output_config.format).toMatchObject({ type: 'json_schema' });
  });

  it('fails messages.parse on a malformed structured output', async () => {
    server.enqueue({ kind: 'malformed', raw: '{"answer": ' });
    await expect(
      client().messages.parse({
        model: MODEL,
        max_tokens: 256,
        messages: USER,
        output_config: { format: zodOutputFormat(z.object({ answer: z.number() })) },
      }),
    ).rejects.toThrow(/Failed to parse structured output/);
  });

  it('returns a tool_use block, non-streaming and streaming', async () => {
    const input = { score: 3, notes: ['clear', 'concise'] };
    server.enqueue(
      { kind: 'tool', name: 'record_score', input },
      { kind: 'tool', name: 'record_score', input },
    );
    const tools = [{ name: 'record_score', input_schema: { type: 'object' as const } }];

    const message = await client().messages.create({ model: MODEL, max_tokens: 256, messages: USER, tools });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[0]).toMatchObject({ type: 'tool_use', name: 'record_score', input });

    const final = await client()
      .messages.stream({ model: MODEL, max_tokens: 256, messages: USER, tools })
      .finalMessage();
    expect(final.stop_reason).toBe('tool_use');
    expect(final.content[0]).toMatchObject({ type: 'tool_use', name: 'record_score', input });
  });

  it('retries a 429 with retry-after-ms and then succeeds', async () => {
    server.enqueue({ kind: 'error', status: 429, retryAfterMs: 10 }, { kind: 'json', text: 'ok after 429' });
    const message = await client({ maxRetries: 2 }).messages.create({
      model: MODEL,
      max_tokens: 64,
      messages: USER,
    });

    expect(textOf(message)).toBe('ok after 429');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.headers['x-stainless-retry-count']).toBe('1');
  });

  it('retries a 529 overloaded error and then succeeds', async () => {
    server.enqueue({ kind: 'error', status: 529, retryAfterMs: 10 }, { kind: 'json', text: 'ok after 529' });
    const message = await client({ maxRetries: 2 }).messages.create({
      model: MODEL,
      max_tokens: 64,
      messages: USER,
    });

    expect(textOf(message)).toBe('ok after 529');
    expect(server.requests).toHaveLength(2);
  });

  it('surfaces 500s beyond maxRetries as an InternalServerError', async () => {
    const fail = { kind: 'error', status: 500, retryAfterMs: 10, message: 'boom' } as const;
    server.enqueue(fail, fail, fail);
    const error = await client({ maxRetries: 2 })
      .messages.create({ model: MODEL, max_tokens: 64, messages: USER })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).toBeInstanceOf(Anthropic.InternalServerError);
    expect((error as APIError).status).toBe(500);
    expect((error as APIError).type).toBe('api_error');
    expect((error as APIError).apiMessage).toBe('boom');
    expect(server.requests).toHaveLength(3);
  });

  it('maps non-retryable error statuses to the SDK error classes without retrying', async () => {
    server.enqueue({ kind: 'error', status: 401 }, { kind: 'error', status: 400, message: 'bad' });
    const c = client({ maxRetries: 2 });
    await expect(c.messages.create({ model: MODEL, max_tokens: 64, messages: USER })).rejects.toBeInstanceOf(
      Anthropic.AuthenticationError,
    );
    await expect(c.messages.create({ model: MODEL, max_tokens: 64, messages: USER })).rejects.toBeInstanceOf(
      Anthropic.BadRequestError,
    );
    expect(server.requests).toHaveLength(2);
  });

  it('makes the stream reject on a mid-stream error event', async () => {
    server.enqueue({ kind: 'sse', text: 'This will be cut off', chunks: 4, errorAfterChunks: 2 });
    const stream = client().messages.stream({ model: MODEL, max_tokens: 256, messages: USER });
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));
    const error = await stream.finalMessage().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as APIError).type).toBe('overloaded_error');
    expect(deltas).toHaveLength(2);
  });

  it('lets the client time out on a hanging server', async () => {
    // The hang outlasts the test's own timeout, and ends in a 500 (an InternalServerError) if it is
    // ever reached: the timeout error can only come from the client's 300 ms.
    server.enqueue({ kind: 'hang', ms: 60_000 });
    await expect(
      client({ timeout: 300, maxRetries: 0 }).messages.create({
        model: MODEL,
        max_tokens: 64,
        messages: USER,
      }),
    ).rejects.toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
  });

  it('answers the fallback (a 500) when the queue is empty, and a set fallback after that', async () => {
    await expect(
      client().messages.create({ model: MODEL, max_tokens: 64, messages: USER }),
    ).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    server.setFallback({ kind: 'json', text: 'fallback' });
    const message = await client().messages.create({ model: MODEL, max_tokens: 64, messages: USER });
    expect(textOf(message)).toBe('fallback');
  });

  it('rejects what the API rejects: sampling parameters are a 400 and do not use up a scenario', async () => {
    server.enqueue({ kind: 'json', text: 'still queued' });
    const c = client();
    const withTemperature = { model: MODEL, max_tokens: 64, messages: USER, temperature: 0 };
    await expect(
      c.messages.create(withTemperature as Anthropic.MessageCreateParamsNonStreaming),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    const message = await c.messages.create({ model: MODEL, max_tokens: 64, messages: USER });
    expect(textOf(message)).toBe('still queued');
  });

  it('serves a given message, filling in what the API always sends', async () => {
    server.enqueue({
      kind: 'json',
      message: { content: [{ type: 'text', text: 'custom' }], stop_reason: 'max_tokens' },
      usage: { cache_read_input_tokens: 900 },
    });
    const message = await client().messages.create({ model: MODEL, max_tokens: 64, messages: USER });
    expect(message.content).toEqual([{ type: 'text', text: 'custom', citations: null }]);
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage).toMatchObject({ input_tokens: 1200, cache_read_input_tokens: 900 });
  });

  it('streams a malformed body when the request streams, and finalText returns it verbatim', async () => {
    server.enqueue({ kind: 'malformed', raw: '{"criteria": [' });
    const text = await client().messages.stream({ model: MODEL, max_tokens: 64, messages: USER }).finalText();
    expect(text).toBe('{"criteria": [');
  });

  it('counts tokens and 404s unknown routes', async () => {
    const c = client();
    const count = await c.messages.countTokens({ model: MODEL, messages: USER });
    expect(count.input_tokens).toBeGreaterThan(0);
    await expect(c.messages.batches.retrieve('msgbatch_missing')).rejects.toBeInstanceOf(
      Anthropic.NotFoundError,
    );
  });

  it('closes promptly even while a response is pending', async () => {
    // The hang outlasts the test's own timeout: close() returning at all shows it did not wait for it.
    server.enqueue({ kind: 'hang', ms: 60_000 });
    const pending = client().messages.create({ model: MODEL, max_tokens: 64, messages: USER });
    pending.catch(() => {});
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    await server.close();
    await expect(pending).rejects.toBeInstanceOf(Anthropic.APIConnectionError);
  });

  it('runs a message batch: create, poll until ended, then read every result', async () => {
    server.configureBatches({
      pollsBeforeEnd: 2,
      result: (customId) =>
        customId === 'q-err'
          ? { type: 'errored', message: 'nope' }
          : customId === 'q-exp'
            ? { type: 'expired' }
            : { type: 'succeeded', text: `{"id":"${customId}"}`, usage: { output_tokens: 11 } },
    });
    const c = client();
    const params = { model: MODEL, max_tokens: 64, messages: USER };
    const ids = ['q-1', 'q-2', 'q-err', 'q-exp'];
    const created = await c.messages.batches.create({
      requests: ids.map((custom_id) => ({ custom_id, params })),
    });
    expect(created).toMatchObject({
      type: 'message_batch',
      processing_status: 'in_progress',
      results_url: null,
    });
    expect(created.request_counts.processing).toBe(4);

    let batch = created;
    let polls = 0;
    while (batch.processing_status !== 'ended') {
      batch = await c.messages.batches.retrieve(created.id);
      polls++;
      expect(polls).toBeLessThan(10);
    }
    expect(polls).toBe(3);
    expect(batch.results_url).toBe(`${server.url}/v1/messages/batches/${created.id}/results`);
    expect(batch.request_counts).toEqual({
      processing: 0,
      succeeded: 2,
      errored: 1,
      canceled: 0,
      expired: 1,
    });

    const results = new Map<string, Anthropic.Messages.MessageBatchResult>();
    for await (const entry of await c.messages.batches.results(created.id)) {
      results.set(entry.custom_id, entry.result);
    }
    expect([...results.keys()].sort()).toEqual([...ids].sort());
    const ok = results.get('q-1');
    expect(ok?.type).toBe('succeeded');
    if (ok?.type === 'succeeded') {
      expect(textOf(ok.message)).toBe('{"id":"q-1"}');
      expect(ok.message.model).toBe(MODEL);
      expect(ok.message.usage.output_tokens).toBe(11);
    }
    expect(results.get('q-err')).toEqual({
      type: 'errored',
      error: { type: 'error', error: { type: 'api_error', message: 'nope' }, request_id: null },
    });
    expect(results.get('q-exp')).toEqual({ type: 'expired' });

    const batchRequest = server.requests.find(
      (r) => r.method === 'POST' && r.path === '/v1/messages/batches',
    );
    expect(batchRequest?.body.requests).toHaveLength(4);
  });
});
