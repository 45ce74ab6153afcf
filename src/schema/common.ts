import * as z from 'zod';
import { LEVELS } from './levels.js';

export { LEVELS };
export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

/** Lower-case words joined by hyphens: stable, greppable, safe in file names and URLs. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, like "dive-deep-01"');

/** A non-empty line of prose (after trimming). */
export const Text = z.string().trim().min(1, 'must not be empty');

/** Every file declares what it is, so a stray YAML file is reported as such rather than half-validated. */
export const FILE_KINDS = ['question-bank', 'rubric', 'stories'] as const;
export type FileKind = (typeof FILE_KINDS)[number];
