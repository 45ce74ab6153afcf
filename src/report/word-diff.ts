/**
 * A word-level diff of two answers: what a candidate kept, dropped and added between attempts.
 * Each token is a word with the whitespace after it, compared by the word alone: a change in spacing
 * is not a change, and the diff keeps the after-answer's line breaks so it reads as the answer does.
 */

export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

/** Past this many differing words (after the shared start and end are set aside) the LCS table
 * would need too much memory; the middle is then shown as one removal and one addition. */
const MAX_MIDDLE = 4000;

function words(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

/** The longest common subsequence of words, with runs of one kind merged into parts. */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  const same = (x: string, y: string) => x.trimEnd() === y.trimEnd();
  let start = 0;
  while (start < a.length && start < b.length && same(a[start]!, b[start]!)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && same(a[endA - 1]!, b[endB - 1]!)) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  for (let i = 0; i < start; i++) push('same', b[i]!);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length > MAX_MIDDLE || midB.length > MAX_MIDDLE) {
    if (midA.length) push('removed', midA.join(''));
    if (midB.length) push('added', midB.join(''));
  } else {
    for (const [kind, text] of lcsParts(midA, midB, same)) push(kind, text);
  }
  for (let j = endB; j < b.length; j++) push('same', b[j]!);
  return parts;
}

function lcsParts(
  a: readonly string[],
  b: readonly string[],
  same: (x: string, y: string) => boolean,
): [DiffPart['kind'], string][] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS of a[i..] and b[j..], row-major in one typed array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[at(i, j)] = same(a[i]!, b[j]!)
        ? lengths[at(i + 1, j + 1)]! + 1
        : Math.max(lengths[at(i + 1, j)]!, lengths[at(i, j + 1)]!);
    }
  }
  const out: [DiffPart['kind'], string][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i]!, b[j]!)) {
      out.push(['same', b[j]!]);
      i++;
      j++;
    } else if (lengths[at(i + 1, j)]! >= lengths[at(i, j + 1)]!) {
      out.push(['removed', a[i++]!]);
    } else {
      out.push(['added', b[j++]!]);
    }
  }
  while (i < n) out.push(['removed', a[i++]!]);
  while (j < m) out.push(['added', b[j++]!]);
  return out;
}
