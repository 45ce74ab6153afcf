import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storiesCheckCommand } from '../../src/commands/stories.js';
import { type AnthropicTestServer, startAnthropicServer } from '../helpers/anthropic-server.js';
import { captureContext, parseJson } from '../helpers/command-context.js';
import { writeFiles } from '../helpers/fs.js';
import { FIXTURE } from './helpers.js';

// `coach stories check --scorer anthropic`: the real SDK against a local Messages API, no network.
const KEY = 'sk-ant-test-SECRET-0123456789';
const CRITERIA = [
  'structure',
  'ownership',
  'specificity',
  'results',
  'reflection',
  'principle-alignment',
  'concision',
];

function judgement(level: number) {
  return JSON.stringify({
    criteria: Object.fromEntries(
      CRITERIA.map((id) => [id, { evidence: [], level, feedback: `Level ${level} on ${id}.` }]),
    ),
    warnings: [],
  });
}

let server: AnthropicTestServer;
beforeEach(async () => {
  server = await startAnthropicServer();
});
afterEach(async () => {
  await server.close();
});

describe('coach stories check --scorer anthropic', () => {
  it('scores each story with the model and ranks them by its judgement', async () => {
    const ctx = captureContext();
    ctx.env.ANTHROPIC_API_KEY = KEY;
    ctx.env.ANTHROPIC_BASE_URL = server.url;
    // The fixture's first two stories.
    const two = readFileSync(FIXTURE, 'utf8').split('\n  - id: weak-team-story')[0]!;
    writeFiles(ctx.cwd, { 'two.yaml': two });
    // billing-migration is judged weak, pushed-back-on-kafka strong: the model's order wins.
    server.enqueue({ kind: 'sse', text: judgement(2) }, { kind: 'sse', text: judgement(4) });
    expect(await storiesCheckCommand({ stories: 'two.yaml', scorer: 'anthropic', json: true }, ctx)).toBe(0);
    const rows = parseJson<
      { id: string; scorer: string; overall: number; weakest: { feedback: string }[] }[]
    >(ctx.out());
    expect(rows.map((r) => [r.id, r.scorer, r.overall])).toEqual([
      ['pushed-back-on-kafka', 'anthropic', 100],
      ['billing-migration', 'anthropic', 33],
    ]);
    expect(rows[1]!.weakest.map((k) => k.feedback)).toEqual([
      'Level 2 on results.',
      'Level 2 on structure.',
      'Level 2 on ownership.',
    ]);
    expect(server.requests.filter((r) => r.path.startsWith('/v1/messages'))).toHaveLength(2);
    expect(ctx.out() + ctx.err()).not.toContain(KEY);
  });
});
