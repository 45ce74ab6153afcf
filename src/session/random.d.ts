/** A small seeded PRNG (mulberry32): the same seed gives the same picks on any machine. */
export function seededRandom(seed: number): () => number;

/** Fisher-Yates with a seeded source; returns a new array. */
export function shuffle<T>(items: readonly T[], random: () => number): T[];

/** A stable 32-bit hash of a string (FNV-1a), for seeds derived from text such as a date. */
export function hashString(text: string): number;
