import * as z from 'zod';

/** The config file (`config.yaml` in the config directory, or `.interview-coach.yaml` in a project). */
export const CoachConfig = z
  .strictObject({
    banks: z
      .array(z.string().min(1))
      .default([])
      .describe('Extra directories (or files) of question banks and rubrics, merged with the shipped ones.'),
    scorer: z.enum(['offline', 'anthropic']).optional().describe('Default scorer; offline needs no key.'),
    model: z.string().min(1).optional().describe('Model id for the anthropic scorer.'),
  })
  .describe('interview-coach configuration.');
export type CoachConfig = z.infer<typeof CoachConfig>;
