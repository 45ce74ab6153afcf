import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertBuilt, runCoachAsync, stackLines } from '../helpers/exec.js';
import { useTempDir } from '../helpers/fs.js';
import { STAR_CRITERIA, starJudgement, useLocalServer } from '../helpers/local-server.js';
import { type ChatScenario, startOpenAIServer } from '../helpers/openai-server.js';

// The built CLI and the real `openai` client against a local stand-in for an OpenAI-compatible server
// (what Ollama, llama.cpp's server and vLLM speak): no network, no key needed.
assertBuilt();

const QUESTION = 'bhv-ownership-outside-your-area';
const STAR = STAR_CRITERIA;
const QUOTE = 'I read their exporter and wrote a forty-line fix';
const ANSWER = `Last spring our nightly index build kept failing because the catalogue export, owned by another
team, wrote partial files when its job was pre-empted. Their backlog had the ticket at low priority, so I told my
manager I would spend up to a week on it and moved my own ranking work back a sprint. ${QUOTE} with a checksum
manifest, and asked their tech lead to review it rather than merging around them. Failed index builds went from
about three a week to zero over two months. I learned to time-box work like this and to say so publicly.`;

const judgement = (level: number, evidence: string[] = [QUOTE]) => starJudgement(level, evidence);

interface Result {
  scorer: string;
  model: string | null;
  promptVersion: string;
  overall: number | null;
  criteria: { id: string; score: number; evidence: string[] }[];
  warnings: string[];
  usage?: { inputTokens: number; outputTokens: number; costUsd: number };
  fallback?: { from: string; model: string; reason: string };
}

describe('coach score --provider openai-compatible', () => {
  const tmp = useTempDir('coach-openai-');
  const server = useLocalServer(() => startOpenAIServer());

  const score = (extra: string[] = [], env: Record<string, string> = {}, baseUrl = `${server().url}/v1`) =>
    runCoachAsync(
      ['score', '-q', QUESTION, '--provider', 'openai-compatible', '--base-url', baseUrl].concat([
        '--model',
        'llama3.1:8b',
        '--json',
        ...extra,
      ]),
      { home: tmp(), input: ANSWER, env },
    );
  const chatRequests = () => server().requests.filter((r) => r.path === '/v1/chat/completions');

  it('scores through the server: the shared prompt, json_schema output, overall in code, cost zero', async () => {
    server().enqueue({
      kind: 'reply',
      content: judgement(3),
      usage: { prompt_tokens: 1500, completion_tokens: 400 },
    });
    const run = await score();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Result;
    expect(result).toMatchObject({ scorer: 'openai-compatible', model: 'llama3.1:8b', overall: 67 });
    expect(result.promptVersion).toMatch(/^[0-9a-f]{10}$/);
    expect(result.fallback).toBeUndefined();
    expect(result.criteria.map((c) => c.id)).toEqual(STAR);
    expect(result.criteria[0]!.evidence).toEqual([QUOTE]);
    expect(result.usage).toMatchObject({ inputTokens: 1500, outputTokens: 400, costUsd: 0 });

    const [request] = chatRequests();
    expect(chatRequests()).toHaveLength(1);
    // No key given: no Authorization header at all, not a placeholder.
    expect(request!.headers.authorization).toBeUndefined();
    const body = request!.body;
    expect(body.model).toBe('llama3.1:8b');
    expect(body.temperature).toBe(0);
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.strict).toBe(true);
    // The output schema makes every criterion of the rubric a required property.
    expect(body.response_format.json_schema.schema.properties.criteria.required).toEqual(STAR);
    expect(body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0].content).toContain('Criterion "ownership"');
    expect(body.messages[1].content).toContain('Target level:');
    expect(body.messages[1].content).toContain('Pitfalls');
    expect(body.messages[1].content).toContain(QUOTE);
  });

  it('drops quotes the answer does not contain, as for anthropic', async () => {
    server().enqueue({
      kind: 'reply',
      content: judgement(4, [QUOTE, 'I single-handedly saved the company']),
    });
    const result = JSON.parse((await score()).stdout) as Result;
    expect(result.criteria[0]!.evidence).toEqual([QUOTE]);
    expect(result.warnings).toContain(
      'Dropped 1 quoted piece(s) of evidence that do not appear in the answer.',
    );
    expect(result.overall).toBe(100);
  });

  it('sends OPENAI_API_KEY as a bearer key when set, and never prints it', async () => {
    const key = 'sk-local-SECRET-0123456789abcdef';
    server().requireKey(key);
    server().enqueue({ kind: 'reply', content: judgement(3) });
    const run = await score([], { OPENAI_API_KEY: key });
    expect(run.status).toBe(0);
    expect(chatRequests()[0]!.headers.authorization).toBe(`Bearer ${key}`);
    expect(run.stdout + run.stderr).not.toContain(key);
  });

  it('a refused key is exit 2 with one line naming what to check, no stack, no key', async () => {
    const key = 'sk-local-WRONG-0123456789abcdef';
    server().requireKey('the-right-one');
    const run = await score([], { OPENAI_API_KEY: key });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.stderr).toBe(
      'coach: the openai-compatible scorer cannot work as configured: the key was refused, HTTP 401: Incorrect API key provided; check --base-url, --model and OPENAI_API_KEY\n',
    );
    expect(run.stderr).not.toContain(key);
  });

  it('an unknown model (404) is exit 2, not a silent offline score', async () => {
    server().enqueue({
      kind: 'error',
      status: 404,
      message: 'model "llama3.1:8b" not found, try pulling it first',
    });
    const run = await score();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^coach: the openai-compatible scorer cannot work as configured: not found .*HTTP 404: model "llama3\.1:8b" not found/,
    );
  });

  it.each<[string, ChatScenario]>([
    ['a 429 past the retries', { kind: 'error', status: 429, message: 'slow down', retryAfterMs: 10 }],
    ['a 500 past the retries', { kind: 'error', status: 500, message: 'boom', retryAfterMs: 10 }],
  ])('%s falls back to the offline score, saying so', async (_, scenario) => {
    server().setFallback(scenario);
    const run = await score();
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Result;
    expect(result.scorer).toBe('offline');
    expect(result.fallback).toMatchObject({ from: 'openai-compatible', model: 'llama3.1:8b' });
    expect(result.warnings.at(-1)).toMatch(
      /^The openai-compatible scorer failed \(.*HTTP (429|500).*\); this is the offline score\.$/,
    );
    // The client's two retries, honouring retry-after-ms.
    expect(chatRequests()).toHaveLength(3);
  });

  it('--no-fallback turns a passing failure into exit 2 with one line', async () => {
    server().setFallback({ kind: 'error', status: 500, message: 'boom', retryAfterMs: 10 });
    const run = await score(['--no-fallback']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^coach: the openai-compatible scorer failed \(API error, HTTP 500: boom\) and --no-fallback was given; nothing was scored\n$/,
    );
  });

  it('output that is not a judgement gets one repair call, with both calls counted', async () => {
    server().enqueue(
      {
        kind: 'reply',
        content: 'Sure! Here is my assessment: strong answer.',
        usage: { prompt_tokens: 100, completion_tokens: 10 },
      },
      { kind: 'reply', content: judgement(2), usage: { prompt_tokens: 200, completion_tokens: 50 } },
    );
    const result = JSON.parse((await score()).stdout) as Result;
    expect(result).toMatchObject({ scorer: 'openai-compatible', overall: 33 });
    expect(result.usage).toMatchObject({ inputTokens: 300, outputTokens: 60 });
    const repair = chatRequests()[1]!.body.messages;
    expect(repair.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair[3].content).toMatch(/^That output is not valid: not JSON/);
  });

  it('a body that is not JSON at all, or a reply cut off at the length limit, falls back', async () => {
    server().enqueue({ kind: 'garbage', body: '<html>502 Bad Gateway</html>' });
    const garbage = JSON.parse((await score()).stdout) as Result;
    expect(garbage.scorer).toBe('offline');
    expect(garbage.fallback?.from).toBe('openai-compatible');

    server().enqueue({ kind: 'reply', content: '{"criteria": {"structure": {"evid', finishReason: 'length' });
    const cut = JSON.parse((await score()).stdout) as Result;
    expect(cut.fallback?.reason).toMatch(/cut off at the maximum length/);
  });

  it('a server that never answers is given up on at --timeout, without waiting for its retries', async () => {
    server().setFallback({ kind: 'hang', ms: 60_000 });
    const run = await score(['--timeout', '1']);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Result;
    expect(result.fallback?.reason).toBe('no answer within 1 s (--timeout)');
    // The deadline covers the whole answer: the hung request is not retried past it.
    expect(chatRequests()).toHaveLength(1);
  });

  it('prices configured under models: give a cost; the server and model may come from the config file', async () => {
    writeFileSync(
      join(tmp(), 'config.yaml'),
      [
        'provider: openai-compatible',
        `baseUrl: ${server().url}/v1`,
        'model: qwen/qwen2.5-7b-instruct',
        'models:',
        '  qwen/qwen2.5-7b-instruct: {inputPerMTok: 0.5, outputPerMTok: 1}',
      ].join('\n'),
    );
    server().enqueue({
      kind: 'reply',
      content: judgement(3),
      usage: { prompt_tokens: 2000, completion_tokens: 1000 },
    });
    const run = await runCoachAsync(['score', '-q', QUESTION, '--json'], { home: tmp(), input: ANSWER });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as Result;
    expect(result).toMatchObject({ scorer: 'openai-compatible', model: 'qwen/qwen2.5-7b-instruct' });
    // 2,000 input tokens at $0.50 and 1,000 output tokens at $1 per million.
    expect(result.usage!.costUsd).toBeCloseTo(0.002, 9);
  });

  it('takes the server from COACH_OPENAI_BASE_URL, --base-url first', async () => {
    server().enqueue({ kind: 'reply', content: judgement(3) }, { kind: 'reply', content: judgement(3) });
    const args = ['score', '-q', QUESTION, '--scorer', 'openai-compatible', '--model', 'm', '--json'];
    const fromEnv = await runCoachAsync(args, {
      home: tmp(),
      input: ANSWER,
      env: { COACH_OPENAI_BASE_URL: `${server().url}/v1` },
    });
    expect(fromEnv.status).toBe(0);
    expect((JSON.parse(fromEnv.stdout) as Result).scorer).toBe('openai-compatible');
    // Nothing listens on port 9: only --base-url can have reached the server.
    const flagFirst = await runCoachAsync([...args, '--base-url', `${server().url}/v1`], {
      home: tmp(),
      input: ANSWER,
      env: { COACH_OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
    });
    expect((JSON.parse(flagFirst.stdout) as Result).scorer).toBe('openai-compatible');
    expect(chatRequests()).toHaveLength(2);
  });

  it('a server that is not running falls back, saying where it looked', async () => {
    const run = await score([], {}, 'http://127.0.0.1:9/v1');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as Result).fallback?.reason).toBe(
      'could not connect to http://127.0.0.1:9/v1: is the server running?',
    );
  });

  it.each([
    [['--provider', 'openai-compatible', '--model', 'm'], /needs the server's address: --base-url URL/],
    [
      ['--provider', 'openai-compatible', '--base-url', 'http://127.0.0.1:9/v1'],
      /needs a model: --model NAME/,
    ],
    [
      ['--provider', 'openai-compatible', '--base-url', 'localhost:11434', '--model', 'm'],
      /must be an http:\/\/ or https:\/\/ URL/,
    ],
    [['--provider', 'openai-compatible', '--base-url', 'not a url', '--model', 'm'], /is not a URL/],
    [['--scorer', 'openai-compatible', '--provider', 'bedrock'], /cannot run on --provider bedrock/],
  ])('refuses %j with one line, exit 2', async (args, message) => {
    const run = await runCoachAsync(['score', '-q', QUESTION, '--json', ...args], {
      home: tmp(),
      input: ANSWER,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(server().requests).toHaveLength(0);
  });
});

describe('the openai-compatible scorer beyond coach score', () => {
  const tmp = useTempDir('coach-openai-more-');
  const server = useLocalServer(() => startOpenAIServer());
  const provider = () => [
    '--provider',
    'openai-compatible',
    '--base-url',
    `${server().url}/v1`,
    '--model',
    'm',
  ];

  it('drill --answers records the attempt as the openai-compatible scorer with its model', async () => {
    server().enqueue({ kind: 'reply', content: judgement(3) });
    const run = await runCoachAsync(['drill', '--answers', '-', '--json', ...provider()], {
      home: tmp(),
      input: JSON.stringify({ [QUESTION]: ANSWER }),
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const history = await runCoachAsync(['history', '--json'], { home: tmp() });
    const attempts = JSON.parse(history.stdout) as { scorer: string; model: string; overall: number }[];
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ scorer: 'openai-compatible', model: 'm', overall: 67 });
  });

  it('score --batch scores the answers one by one through the server (no Message Batches here)', async () => {
    const file = join(tmp(), 'answers.json');
    writeFileSync(
      file,
      JSON.stringify({ [QUESTION]: ANSWER, 'bhv-ownership-orphaned-shared-service': ANSWER }),
    );
    server().enqueue({ kind: 'reply', content: judgement(3) }, { kind: 'reply', content: judgement(4) });
    const run = await runCoachAsync(['score', '--batch', file, '--json', ...provider()], { home: tmp() });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { results: Result[] };
    expect(out.results.map((r) => [r.scorer, r.overall])).toEqual([
      ['openai-compatible', 67],
      ['openai-compatible', 100],
    ]);
    expect(server().requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(2);
  });

  it('coach calibrate measures it, and compares it with the offline scorer', async () => {
    const set = join(tmp(), 'set.yaml');
    writeFileSync(
      set,
      JSON.stringify([
        { question: QUESTION, label: 'strong-hire', answer: ANSWER },
        { question: QUESTION, label: 'no-hire', answer: `${ANSWER} (second telling)` },
      ]),
    );
    server().enqueue({ kind: 'reply', content: judgement(4) }, { kind: 'reply', content: judgement(2) });
    const run = await runCoachAsync(
      ['calibrate', set, '--scorer', 'offline', '--scorer', 'openai-compatible', '--json', ...provider()],
      {
        home: tmp(),
      },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as {
      scorers: { scorer: string; pairwiseAgreement: number; fallbacks: number }[];
    };
    expect(out.scorers.map((s) => s.scorer)).toEqual(['offline', 'openai-compatible']);
    expect(out.scorers[1]).toMatchObject({ pairwiseAgreement: 1, fallbacks: 0 });

    // --provider openai-compatible alone is the scorer calibrated.
    server().enqueue({ kind: 'reply', content: judgement(2) }, { kind: 'reply', content: judgement(4) });
    const alone = await runCoachAsync(['calibrate', set, '--json', ...provider()], { home: tmp() });
    expect(JSON.parse(alone.stdout)).toMatchObject({
      scorer: 'openai-compatible',
      n: 2,
      pairwiseAgreement: 0,
    });
  });
});
