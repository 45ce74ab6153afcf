import type { Rubric } from '../../schema/index.js';
import { stem } from '../../text/stem.js';
import { FUNCTION_WORDS } from '../../text/stop-words.js';
import { type AnalyzedText, contentTerms } from './text.js';

/**
 * The rubric's own hint phrases (and each criterion's name), found as a candidate would say them. Authors write a hint one way
 * ("cost of an error", "label delay"); a candidate says "the error costs differ" or "labels are
 * delayed". A hint is found in a sentence when every one of its content words is there, in any
 * order and any inflection (by stem). This is what lets any rubric, including one a user wrote, be
 * scored without a lexicon of its own.
 */

interface Hint {
  /** As written in the rubric, for feedback. */
  display: string;
  /** Its content stems: all must be in one sentence. */
  stems: readonly string[];
  criterion: number;
}

interface HintIndex {
  hints: Hint[];
  /** The hints each stem takes part in, by position in `hints`. */
  byStem: Map<string, number[]>;
}

const indexes = new WeakMap<Rubric, HintIndex>();

function indexFor(rubric: Rubric): HintIndex {
  let index = indexes.get(rubric);
  if (!index) {
    const hints: Hint[] = [];
    const byStem = new Map<string, number[]>();
    rubric.criteria.forEach((c, criterion) => {
      // The criterion's own name is what it is about ("measuring success", "threat model").
      for (const display of [c.name, ...(c.hints?.phrases ?? [])]) {
        const stems = [...contentTerms(display)];
        // A phrase of only short or function words ("do we need ml") has nothing to find loosely.
        if (stems.length === 0) continue;
        for (const s of stems) {
          const list = byStem.get(s) ?? [];
          list.push(hints.length);
          byStem.set(s, list);
        }
        hints.push({ display: display.toLowerCase(), stems, criterion });
      }
    });
    index = { hints, byStem };
    indexes.set(rubric, index);
  }
  return index;
}

/** A hint found in an answer, with the sentences it is in (ascending). */
export interface FoundHint {
  display: string;
  sentences: number[];
}

const found = new WeakMap<AnalyzedText, { rubric: Rubric; byCriterion: FoundHint[][] }>();

/** For each criterion (in rubric order), the hints of the rubric the answer says in its own words. */
export function hintsFound(text: AnalyzedText, rubric: Rubric): FoundHint[][] {
  const cached = found.get(text);
  if (cached && cached.rubric === rubric) return cached.byCriterion;
  const index = indexFor(rubric);
  const seen = new Uint16Array(index.hints.length);
  const where: (number[] | undefined)[] = new Array(index.hints.length);
  text.sentences.forEach((s, i) => {
    seen.fill(0);
    const stems = new Set<string>();
    for (const w of s.words) if (w.length >= 4 && !FUNCTION_WORDS.has(w)) stems.add(stem(w));
    for (const t of stems) {
      for (const h of index.byStem.get(t) ?? []) {
        seen[h]!++;
        if (seen[h] === index.hints[h]!.stems.length) {
          const list = where[h];
          if (list) list.push(i);
          else where[h] = [i];
        }
      }
    }
  });
  const byCriterion: FoundHint[][] = rubric.criteria.map(() => []);
  where.forEach((sentences, h) => {
    if (sentences)
      byCriterion[index.hints[h]!.criterion]!.push({ display: index.hints[h]!.display, sentences });
  });
  found.set(text, { rubric, byCriterion });
  return byCriterion;
}
