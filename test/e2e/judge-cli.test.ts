import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/banks/registry.js';
import {
  type AnthropicTestServer,
  type Scenario,
  startAnthropicServer,
} from '../helpers/anthropic-server.js';
import { DIVE_DEEP_ANSWER, DIVE_DEEP_QUESTION } from '../helpers/dive-deep-answer.js';
import { assertBuilt, runCoachAsync, stackLines } from '../helpers/exec.js';
import { repoRoot } from '../helpers/paths.js';

// The built CLI against a local stand-in for the Messages API: no network, no real key.
const KEY = 'sk-ant-test-SECRET-judge-0123456789';
const registry = await loadRegistry({ banks: [] }, repoRoot);
const question = registry.questions.find((q) => q.id === DIVE_DEEP_QUESTION)!;
const star = registry.rubrics.get('star')!;

const ANSWER = DIVE_DEEP_ANSWER;

function judgement(level = 3) {
  return JSON.stringify({
    criteria: Object.fromEntries(
      star.criteria.map((c) => [c.id, { evidence: [], level, feedback: `More on ${c.name}.` }]),
    ),
    warnings: [],
  });
}

let server: AnthropicTestServer;
let home: string;
beforeAll(() => assertBuilt());
beforeEach(async () => {
  server = await startAnthropicServer();
  home = mkdtempSync(join(tmpdir(), 'coach-judge-'));
});
afterEach(async () => {
  await server.close();
});

function coach(args: string[], input = ANSWER, env: Record<string, string> = {}) {
  return runCoachAsync(args, {
    home,
    input,
    env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url, COACH_BATCH_POLL_MS: '20', ...env },
  });
}

const score = (...extra: string[]) => ['score', '-q', question.id, '--scorer', 'anthropic', ...extra];
const messages = () => server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages');

function writeConfig(text: string) {
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'config.yaml'), text);
}

describe('coach score --scorer anthropic: versions and the prompt', () => {
  it('records model, prompt and rubric versions in --json and history, and sends the config level', async () => {
    writeConfig('level: L7\n');
    server.enqueue({ kind: 'sse', text: judgement() });
    const run = await coach(score('--json', '--save'));
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ scorer: 'anthropic', model: 'claude-sonnet-5-5', level: 'L7' });
    expect(result.promptVersion).toMatch(/^[0-9a-f]{10}$/);
    expect(result.rubricVersion).toMatch(/^[0-9a-f]{10}$/);
    const user = messages()[0]!.body.messages[0].content as string;
    expect(user).toContain('Target level: L7.');
    const history = JSON.parse((await coach(['history', '--json'], '')).stdout);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      scorer: 'anthropic',
      model: 'claude-sonnet-5-5',
      promptVersion: result.promptVersion,
      rubricVersion: result.rubricVersion,
    });
    expect(history[0].status).toBeUndefined();
  });

  it('the human report ends with what produced the score and what it cost', async () => {
    server.enqueue({ kind: 'sse', text: judgement() });
    const run = await coach(score());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/tokens: 1200 in, 300 out; about \$0\.0054\n/);
    expect(run.stdout).toMatch(
      /judged by anthropic claude-sonnet-5-5, prompt [0-9a-f]{10}, rubric [0-9a-f]{10}\n$/,
    );
  });

  it('the offline scorer records its own version', async () => {
    const run = await coach(['score', '-q', question.id, '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({
      scorer: 'offline',
      model: null,
      promptVersion: 'offline-1',
    });
  });
});

describe('known models only', () => {
  it('exits 2 on an unknown --model, listing the known ids, before any request', async () => {
    const run = await coach(score('--model', 'no-such-model'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown model "no-such-model"; known: claude-sonnet-5-5, .*claude-opus-5/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });

  it('exits 2 on an unknown model: in the config file too', async () => {
    writeConfig('scorer: anthropic\nmodel: claude-nope\n');
    const run = await coach(['score', '-q', question.id]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown model "claude-nope"/);
  });

  it('prices a model added under models: in the config file', async () => {
    writeConfig('model: my-finetune\nmodels:\n  my-finetune:\n    inputPerMTok: 1\n    outputPerMTok: 4\n');
    server.enqueue({
      kind: 'sse',
      text: judgement(),
      usage: { input_tokens: 1_000_000, output_tokens: 500_000 },
    });
    const run = await coach(score('--json'));
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.model).toBe('my-finetune');
    expect(messages()[0]!.body.model).toBe('my-finetune');
    expect(result.usage.costUsd).toBeCloseTo(1 + 2, 6);
  });
});

describe('failures that say what they are', () => {
  it.each([
    [401, /the key was refused, HTTP 401/],
    [403, /permission denied, HTTP 403/],
    [404, /not found \(check the model id and base URL\), HTTP 404/],
  ] as const)('HTTP %i exits 2 with one line, never the key', async (status, message) => {
    server.enqueue({ kind: 'error', status, message: `nope for key ${KEY}` });
    const run = await coach(score('--json'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toContain(KEY);
    expect(stackLines(run.stderr)).toEqual([]);
  });

  it.each([
    ['529 overload', { kind: 'error', status: 529, retryAfterMs: 10 }, /overloaded, HTTP 529/],
    ['429 rate limit', { kind: 'error', status: 429, retryAfterMs: 10 }, /rate limited, HTTP 429/],
    ['500', { kind: 'error', status: 500, retryAfterMs: 10 }, /API error, HTTP 500/],
    ['a refusal', { kind: 'sse', text: '{"crit', stopReason: 'refusal' }, /the model refused to judge/],
    ['a reply cut off', { kind: 'sse', text: '{"crit', stopReason: 'max_tokens' }, /cut off at max_tokens/],
  ] as const)(
    '%s falls back to offline with a warning; --no-fallback exits 2 instead',
    async (_label, scenario, reason) => {
      server.setFallback(scenario as Scenario);
      const fell = await coach(score('--json'));
      expect(fell.status).toBe(0);
      const result = JSON.parse(fell.stdout);
      expect(result).toMatchObject({ scorer: 'offline', model: null, promptVersion: 'offline-1' });
      expect(result.fallback).toMatchObject({ from: 'anthropic', model: 'claude-sonnet-5-5' });
      expect(result.fallback.reason).toMatch(reason);
      expect(result.warnings.join(' ')).toMatch(
        /The anthropic scorer failed \(.*\); this is the offline score/,
      );

      const strict = await coach(score('--json', '--no-fallback'));
      expect(strict.status).toBe(2);
      expect(strict.stdout).toBe('');
      expect(strict.stderr.trim().split('\n')).toHaveLength(1);
      expect(strict.stderr).toMatch(reason);
      expect(strict.stderr).toMatch(/--no-fallback was given; nothing was scored/);
    },
  );

  it('a server that never answers is given up at --timeout, with one request and no retry', async () => {
    server.setFallback({ kind: 'hang', ms: 60_000 });
    const run = await coach(score('--json', '--timeout', '1'));
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.scorer).toBe('offline');
    expect(result.fallback.reason).toBe('no answer within 1 s (--timeout)');
    expect(messages()).toHaveLength(1);
  });

  it('invalid output twice falls back, and both calls are counted in the cost', async () => {
    server.enqueue({ kind: 'malformed', raw: 'not json' }, { kind: 'malformed', raw: 'still not' });
    const run = await coach(score('--json', '--save'));
    const result = JSON.parse(run.stdout);
    expect(result.scorer).toBe('offline');
    expect(result.usage).toMatchObject({ inputTokens: 2400, outputTokens: 600 });
    const history = JSON.parse((await coach(['history', '--json'], '')).stdout);
    expect(history[0].costUsd).toBeCloseTo((2400 * 2 + 600 * 10) / 1e6, 9);
    expect(history[0].scorer).toBe('offline');
  });

  it('rejects a bad --timeout', async () => {
    const run = await coach(score('--timeout', 'soon'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--timeout needs a number of seconds/);
  });

  it('rejects a --timeout below the 1 second its message states, before any call', async () => {
    const run = await coach(score('--timeout', '0.5'));
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      'coach: --timeout needs a number of seconds from 1 to 3600 (such as 90), got "0.5"',
    );
    expect(messages()).toHaveLength(0);
  });
});

describe('nothing lost', () => {
  it('score --save records the answer before the call: an interrupted score leaves it unscored in history', async () => {
    server.setFallback({ kind: 'hang', ms: 60_000 });
    const running = coach(score('--save'));
    while (messages().length === 0) await new Promise((r) => setTimeout(r, 20));
    running.child.kill('SIGINT');
    await running;
    const history = JSON.parse((await coach(['history', '--json'], '')).stdout);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'unscored', questionId: question.id, answer: ANSWER });
    const table = await coach(['history'], '');
    expect(table.stdout).toMatch(/unscored/);
    const stats = JSON.parse((await coach(['stats', '--json'], '')).stdout);
    expect(stats.attempts).toBe(0);
  });
});

describe('costs estimated before sending', () => {
  it('score --max-cost refuses above the estimate, sending nothing but the token count', async () => {
    const run = await coach(score('--max-cost', '0.001'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /estimated cost \$\d+\.\d{4} \(\d+ input tokens counted, up to \d+ output\) is above --max-cost \$0.001; nothing was sent/,
    );
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/messages/count_tokens']);
  });

  it('score --max-cost lets through what fits', async () => {
    server.enqueue({ kind: 'sse', text: judgement() });
    const run = await coach(score('--max-cost', '1', '--json'));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).scorer).toBe('anthropic');
  });
});

describe('batches you can leave', () => {
  const answersFile = () => {
    const file = join(home, 'answers.json');
    writeFileSync(file, JSON.stringify({ [question.id]: ANSWER }));
    return file;
  };
  const batchPosts = () =>
    server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages/batches');

  it('refuses a batch above --max-cost before creating it', async () => {
    const run = await coach(
      ['score', '--batch', answersFile(), '--scorer', 'anthropic', '--max-cost', '0'],
      '',
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/is above --max-cost \$0; nothing was sent/);
    expect(batchPosts()).toHaveLength(0);
  });

  it('stores the batch and prints its id before polling; Ctrl-C leaves it to collect later', async () => {
    server.configureBatches({
      pollsBeforeEnd: 1_000_000,
      result: () => ({ type: 'succeeded', text: judgement(4) }),
    });
    const running = coach(
      ['score', '--batch', answersFile(), '--scorer', 'anthropic', '--save', '--json'],
      '',
    );
    let stderr = '';
    running.child.stderr!.on('data', (d) => (stderr += d));
    while (!/sent batch msgbatch_/.test(stderr)) await new Promise((r) => setTimeout(r, 20));
    // The count came first: an estimate before anything was paid for.
    expect(server.requests[0]!.path).toBe('/v1/messages/count_tokens');
    running.child.kill('SIGINT');
    const run = await running;
    expect(run.status).toBe(130);
    const id = /sent batch (msgbatch_\w+)/.exec(run.stderr)![1]!;
    expect(run.stderr).toContain(
      `batch ${id} keeps running; collect it with \`coach batches collect ${id}\``,
    );

    const listed = JSON.parse((await coach(['batches', '--json'], '')).stdout);
    expect(listed).toEqual([
      expect.objectContaining({
        id,
        source: 'score',
        answers: 1,
        state: 'sent',
        status: 'in_progress: 0 of 1 done',
      }),
    ]);
    const before = JSON.parse((await coach(['history', '--json'], '')).stdout);
    expect(before).toEqual([expect.objectContaining({ status: 'unscored', questionId: question.id })]);

    // Still running: collect says so and records nothing.
    const early = await coach(['batches', 'collect', id, '--json'], '');
    expect(early.status).toBe(0);
    expect(early.stderr).toMatch(new RegExp(`batch ${id} is still in progress`));

    server.configureBatches({ pollsBeforeEnd: 0 });
    const collected = await coach(['batches', 'collect', '--json'], '');
    expect(collected.status).toBe(0);
    const out = JSON.parse(collected.stdout);
    expect(out.batches[0]).toMatchObject({ id, state: 'collected' });
    expect(out.batches[0].results[0]).toMatchObject({
      scorer: 'anthropic',
      model: 'claude-sonnet-5-5',
      overall: 100,
    });
    const after = JSON.parse((await coach(['history', '--json'], '')).stdout);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before[0].id, scorer: 'anthropic', overall: 100 });
    expect(after[0].status).toBeUndefined();
    expect(JSON.parse((await coach(['batches', '--json'], '')).stdout)[0].state).toBe('collected');
    const again = await coach(['batches', 'collect', id], '');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already collected/);
  });

  it('--no-fallback: an answer the batch could not judge exits 2 and leaves the batch to collect', async () => {
    server.configureBatches({
      pollsBeforeEnd: 0,
      result: () => ({ type: 'errored', message: 'overloaded' }),
    });
    const run = await coach(
      ['score', '--batch', answersFile(), '--scorer', 'anthropic', '--save', '--no-fallback', '--json'],
      '',
    );
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /1 of 1 answer\(s\) in batch msgbatch_\w+ could not be judged \(batch request errored: overloaded\) and --no-fallback was given/,
    );
    expect(JSON.parse((await coach(['batches', '--json'], '')).stdout)[0].state).toBe('sent');
    expect(JSON.parse((await coach(['history', '--json'], '')).stdout)[0].status).toBe('unscored');
  });

  it('cancels a stored batch; its answers stay unscored', async () => {
    server.configureBatches({ pollsBeforeEnd: 1_000_000 });
    const running = coach(
      ['drill', '--date', '2026-11-22', '--answers', answersFile(), '--scorer', 'anthropic', '--batch'],
      '',
    );
    let stderr = '';
    running.child.stderr!.on('data', (d) => (stderr += d));
    while (!/sent batch msgbatch_/.test(stderr)) await new Promise((r) => setTimeout(r, 20));
    running.child.kill('SIGINT');
    const id = /sent batch (msgbatch_\w+)/.exec((await running).stderr)![1]!;
    const canceled = await coach(['batches', 'cancel', id], '');
    expect(canceled.status).toBe(0);
    expect(canceled.stderr).toMatch(/is canceling; its answers stay in history, unscored/);
    expect(
      server.requests.some((r) => r.method === 'POST' && r.path === `/v1/messages/batches/${id}/cancel`),
    ).toBe(true);
    expect(JSON.parse((await coach(['batches', '--json'], '')).stdout)[0].state).toBe('canceled');
    const unknown = await coach(['batches', 'cancel', 'msgbatch_nope'], '');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no stored batch "msgbatch_nope"; known: msgbatch_/);
  });
});

describe('coach stats by scorer, model and prompt version', () => {
  function attempt(id: string, overall: number, fields: Record<string, unknown>) {
    return {
      v: 1,
      id,
      at: `2026-11-2${id.length}T10:00:00.000Z`,
      date: '2026-11-22',
      source: 'score',
      questionId: question.id,
      bank: 'behavioral',
      category: question.category,
      principles: question.principles,
      rubric: 'star',
      level: null,
      answer: 'text',
      elapsedMs: null,
      limitSeconds: null,
      overall,
      verdict: 'hire',
      criteria: [],
      costUsd: 0,
      ...fields,
    };
  }

  it('groups and filters by version; records from before versions still load', async () => {
    mkdirSync(join(home, 'history'), { recursive: true });
    const records = [
      attempt('a', 40, { scorer: 'offline' }), // an old record: no model or versions
      attempt('bb', 50, { scorer: 'offline', model: null, promptVersion: 'offline-1', rubricVersion: 'r1' }),
      attempt('ccc', 70, {
        scorer: 'anthropic',
        model: 'claude-sonnet-5-5',
        promptVersion: 'aaaa',
        rubricVersion: 'r1',
      }),
      attempt('dddd', 90, {
        scorer: 'anthropic',
        model: 'claude-sonnet-5-5',
        promptVersion: 'bbbb',
        rubricVersion: 'r1',
      }),
      attempt('eeeee', 0, { scorer: 'anthropic', status: 'unscored', overall: null }),
    ];
    writeFileSync(
      join(home, 'history', 'attempts.jsonl'),
      records.map((r) => `${JSON.stringify(r)}\n`).join(''),
    );

    const all = JSON.parse((await coach(['stats', '--json'], '')).stdout);
    expect(all.attempts).toBe(4);
    expect(all.byVersion).toEqual({
      'anthropic/claude-sonnet-5-5/aaaa': { attempts: 1, average: 70 },
      'anthropic/claude-sonnet-5-5/bbbb': { attempts: 1, average: 90 },
      'offline/offline-1': { attempts: 1, average: 50 },
      'offline/unrecorded': { attempts: 1, average: 40 },
    });
    const one = JSON.parse((await coach(['stats', '--json', '--prompt-version', 'bbbb'], '')).stdout);
    expect(one).toMatchObject({ attempts: 1, averageOverall: 90 });
    const llm = JSON.parse(
      (await coach(['stats', '--json', '--scorer', 'anthropic', '--model', 'claude-sonnet-5-5'], '')).stdout,
    );
    expect(llm).toMatchObject({ attempts: 2, averageOverall: 80 });
    const table = await coach(['stats', '--by', 'version'], '');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(
      /By scorer, model and prompt version[\s\S]*anthropic\/claude-sonnet-5-5\/aaaa +1 +70\/100/,
    );
  });

  it('a filter that matches nothing, or only unscored records, is not reported as an empty history', async () => {
    mkdirSync(join(home, 'history'), { recursive: true });
    const records = [
      attempt('a', 60, { scorer: 'offline', promptVersion: 'offline-1' }),
      attempt('bb', 0, { scorer: 'anthropic', status: 'unscored', overall: null }),
    ];
    writeFileSync(
      join(home, 'history', 'attempts.jsonl'),
      records.map((r) => `${JSON.stringify(r)}\n`).join(''),
    );
    const none = await coach(['stats', '--model', 'claude-opus-5'], '');
    expect(none.status).toBe(0);
    expect(none.stderr.trim()).toBe(
      'coach: no scored attempts match (2 in history); `coach history` lists them',
    );
    const unscoredOnly = await coach(['stats', '--scorer', 'anthropic'], '');
    expect(unscoredOnly.stderr).not.toMatch(/no attempts yet/);
    const empty = mkdtempSync(join(tmpdir(), 'coach-judge-empty-'));
    const fresh = await runCoachAsync(['stats'], { home: empty, input: '' });
    expect(fresh.stderr.trim()).toBe('coach: no attempts yet; run `coach practice` or `coach drill`');
  });
});
