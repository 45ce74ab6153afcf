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
});
