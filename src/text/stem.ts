/**
 * Folding a word's inflections to one form, so "models" finds "model" and "committed" finds "commit".
 * Deliberately light (no dictionary, no Porter stemmer): the readers compare a few hundred words of
 * one rubric or bank, and a heavier stemmer merges words that mean different things.
 */

/**
 * A plural's final "s" dropped ("models" is "model"), but not a double "s" ("class") nor a word of
 * `longerThan` letters or fewer ("bus", "gas" with the default). The near-duplicate check folds only
 * this; `stem` ends with it for words its other rules leave alone.
 */
export function foldPlural(word: string, longerThan = 4): string {
  return word.length > longerThan && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The stem the offline scorer and story suggestions compare words by: plurals, -ing, -ed, -es, -ies. */
export function stem(word: string): string {
  // The possessive is the noun: "team's" and "teams'" are "team".
  const w = word.endsWith("'s") ? word.slice(0, -2) : word.endsWith("s'") ? word.slice(0, -1) : word;
  let base: string;
  if (w.length > 5 && w.endsWith('ing')) base = w.slice(0, -3);
  else if (w.length > 4 && (w.endsWith('ied') || w.endsWith('ies'))) base = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('eed')) base = w.slice(0, -1);
  else if (w.length > 4 && w.endsWith('ed')) base = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es')) base = w.slice(0, -2);
  else base = foldPlural(w, 3);
  // One form for the verb and its inflections: "committed" and "commit", "disagreed" and "disagree",
  // "decided" and "decide" (a doubled last consonant undoubled, a final "e" dropped).
  const n = base.length;
  if (n > 3 && base.charCodeAt(n - 1) === base.charCodeAt(n - 2) && !/[aeiou]/.test(base[n - 1]!)) {
    base = base.slice(0, -1);
  }
  if (base.length > 4 && base.endsWith('e')) base = base.slice(0, -1);
  return base;
}
