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

/** The config file (`config.yaml` in the config directory, or `.interview-coach.yaml` in a project). */
export const CoachConfig = z
  .strictObject({
    banks: z
      .array(z.string().min(1))
      .default([])
      .describe('Extra directories (or files) of question banks and rubrics, merged with the shipped ones.'),
    scorer: z.enum(['offline', 'anthropic']).optional().describe('Default scorer; offline needs no key.'),
    model: z
      .string()
      .min(1)
      .optional()
      .describe('Model id for the anthropic scorer; must be a shipped model or one under `models:`.'),
    models: z
      .record(z.string().regex(/^[\w.:-]+$/, 'a model id: letters, digits, ".", ":", "-"'), ConfiguredModel)
      .optional()
      .describe('Models to add to (or re-price in) the price table, by id.'),
    level: Level.optional().describe(
      'The level you are preparing for (L5-L8): the LLM judge expects its scope when --level is not given.',
    ),
  })
  .describe('interview-coach configuration.');
export type CoachConfig = z.infer<typeof CoachConfig>;
