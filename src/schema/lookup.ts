/**
 * A lookup by id over a fixed list (principles, tenets): built once, undefined for an unknown id.
 * Kept apart from the zod schemas (like levels.ts) so the commands that only name principles and
 * tenets (`coach show`, `coach questions`) do not load zod at start-up.
 */
export function lookupById<T extends { id: string }>(items: readonly T[]): (id: string) => T | undefined {
  const byId = new Map<string, T>(items.map((item) => [item.id, item]));
  return (id) => byId.get(id);
}
