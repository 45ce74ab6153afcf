/** `1 warning`, `2 warnings`, `0 warnings`: the word for a count, English regular plurals only. */
export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
