import * as z from 'zod';
import { Level } from './common.js';

const PerMTok = z.number().nonnegative().describe('USD per million tokens.');

/** A model the price table does not ship, with its prices, so costs are never guessed. */
const ConfiguredModel = z
  .strictObject({
    inputPerMTok: PerMTok,
    outputPerMTok: PerMTok,
    cacheWritePerMTok: PerMTok.optional().describe(
      'USD per million cache-write tokens (default 1.25x input).',
    ),
    cacheReadPerMTok: PerMTok.optional().describe('USD per million cache-read tokens (default 0.1x input).'),
    label: z.string().min(1).optional().describe('Display name.'),
  })
  .describe('Prices of a model, e.g. {inputPerMTok: 3, outputPerMTok: 15}.');

const SCORERS = ['offline', 'anthropic', 'openai-compatible'] as const;
const PROVIDERS = ['anthropic', 'bedrock', 'openai-compatible'] as const;

/** The config file (`config.yaml` in the config directory, or `.interview-coach.yaml` in a project). */
export const CoachConfig = z
  .strictObject({
    banks: z
      .array(z.string().min(1))
      .default([])
      .describe('Extra directories (or files) of question banks and rubrics, merged with the shipped ones.'),
    scorer: z
      .enum(SCORERS)
      .optional()
      .describe('Default scorer; offline needs no key, openai-compatible needs a server (baseUrl:).'),
    provider: z
      .enum(PROVIDERS)
      .optional()
      .describe(
        'Where the LLM scorer runs: anthropic (default), bedrock, or openai-compatible (a local server such as Ollama; implies scorer openai-compatible for an LLM scorer).',
      ),
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('The openai-compatible server, up to /v1, e.g. http://localhost:11434/v1 (Ollama).'),
    model: z
      .string()
      .min(1)
      .optional()
      .describe(
        'Model id: for anthropic a shipped model or one under `models:`; for openai-compatible whatever the server calls it.',
      ),
    models: z
      // "/" for the org/model ids of vLLM and Hugging Face, priced for an openai-compatible server.
      .record(
        z.string().regex(/^[\w.:/-]+$/, 'a model id: letters, digits, ".", ":", "/", "-"'),
        ConfiguredModel,
      )
      .optional()
      .describe('Models to add to (or re-price in) the price table, by id.'),
    level: Level.optional().describe(
      'The level you are preparing for (L5-L8): the LLM judge expects its scope when --level is not given.',
    ),
  })
  .describe('interview-coach configuration.');
export type CoachConfig = z.infer<typeof CoachConfig>;
