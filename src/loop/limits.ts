/**
 * The most rounds a loop can have. Apart from plan.ts so the CLI can state and check `--rounds`
 * without loading the planner (and zod) at start-up.
 */
export const MAX_ROUNDS = 8;
