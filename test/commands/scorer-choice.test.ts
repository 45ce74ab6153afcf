import { describe, expect, it } from 'vitest';
import { scorerName } from '../../src/commands/support/scorer-choice.js';
import type { ResolvedConfig } from '../../src/config.js';
import { UsageError } from '../../src/errors.js';

const config = (extra: Partial<ResolvedConfig> = {}): ResolvedConfig => ({
  banks: [],
  models: {},
  files: [],
  ...extra,
});

describe('scorerName: which scorer the flags and the config file ask for', () => {
  it.each<[string, Parameters<typeof scorerName>[0], Partial<ResolvedConfig>, string]>([
    ['nothing: offline', {}, {}, 'offline'],
    ['--scorer anthropic', { scorer: 'anthropic' }, {}, 'anthropic'],
    [
      '--provider openai-compatible alone asks for it',
      { provider: 'openai-compatible' },
      {},
      'openai-compatible',
    ],
    [
      'an LLM scorer on the openai-compatible provider',
      { scorer: 'anthropic', provider: 'openai-compatible' },
      {},
      'openai-compatible',
    ],
    [
      'the config file: provider openai-compatible',
      {},
      { provider: 'openai-compatible' },
      'openai-compatible',
    ],
    [
      'the config file: scorer anthropic, provider openai-compatible',
      {},
      { scorer: 'anthropic', provider: 'openai-compatible' },
      'openai-compatible',
    ],
    [
      '--provider bedrock keeps the anthropic scorer',
      { scorer: 'anthropic', provider: 'bedrock' },
      {},
      'anthropic',
    ],
    [
      '--scorer offline wins over a configured provider',
      { scorer: 'offline' },
      { provider: 'openai-compatible' },
      'offline',
    ],
    [
      '--provider anthropic overrides the configured one',
      { scorer: 'anthropic', provider: 'anthropic' },
      { provider: 'openai-compatible' },
      'anthropic',
    ],
  ])('%s', (_, flags, configured, expected) => {
    expect(scorerName(flags, config(configured))).toBe(expected);
  });

  it('refuses the openai-compatible scorer on another provider, and an unknown scorer', () => {
    expect(() => scorerName({ scorer: 'openai-compatible', provider: 'bedrock' }, config())).toThrow(
      UsageError,
    );
    expect(() => scorerName({ scorer: 'gpt' }, config())).toThrow(/unknown scorer "gpt"/);
  });

  it('refuses LLM settings for the offline scorer, naming each one typed, rather than ignore them', () => {
    expect(() => scorerName({ model: 'claude-x' }, config())).toThrow(
      /^--model applies to an LLM scorer, but the scorer is offline; add --scorer anthropic or --scorer openai-compatible, or drop it$/,
    );
    expect(() =>
      scorerName(
        { scorer: 'offline', timeout: 30, maxCost: 1, fallback: false },
        config({ scorer: 'anthropic' }),
      ),
    ).toThrow(
      /^--timeout, --max-cost, --no-fallback apply to an LLM scorer, but the scorer is offline;.* drop them$/,
    );
    expect(() => scorerName({ provider: 'bedrock', baseUrl: 'http://x' }, config())).toThrow(
      /^--provider, --base-url apply to an LLM scorer/,
    );
    // The same settings for an LLM scorer, from the flags or the config file, are taken.
    expect(scorerName({ model: 'claude-x', maxCost: 1 }, config({ scorer: 'anthropic' }))).toBe('anthropic');
    expect(scorerName({ scorer: 'anthropic', timeout: 30, fallback: false }, config())).toBe('anthropic');
    // --fallback left at its default (true) is not a setting the user typed.
    expect(scorerName({ fallback: true }, config())).toBe('offline');
  });
});
