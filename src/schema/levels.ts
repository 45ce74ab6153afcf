/**
 * Interview levels: L5 senior, L6 senior/lead, L7 principal, L8 senior principal. Kept apart from
 * the zod schemas so the CLI's flag parser can check `--level` without loading zod at start-up.
 */
export const LEVELS = ['L5', 'L6', 'L7', 'L8'] as const;
