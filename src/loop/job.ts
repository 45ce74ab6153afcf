import type { BankQuestion } from '../banks/registry.js';
import { stem } from '../text/stem.js';
import { FUNCTION_WORDS, JOB_POSTING_STOP_WORDS } from '../text/stop-words.js';
import { writtenWords } from '../text/tokens.js';

/**
 * A job posting reduced to the words that can steer a loop: its distinctive terms with how often
 * each occurs. Pure: the command reads the file (bounded) and passes the text.
 */
export interface JobProfile {
  /** The posting's path as the user gave it, shown in the plan. */
  file: string;
  /** Term (a stem, or a lower-case acronym such as "ml") to how often the posting uses it. */
  counts: ReadonlyMap<string, number>;
  /** Term to the word the posting writes most for it ("storage" for the stem "storag"), for display. */
  shown: ReadonlyMap<string, string>;
}

/**
 * The words of a text as matching terms: stems of words of four letters or more, and short
 * acronyms written in capitals ("ML", "AI", "SDK"), which are often the point of a posting. Function
 * words and the wording every posting and question shares are dropped.
 */
export function termsOf(text: string): { term: string; word: string }[] {
  const out: { term: string; word: string }[] = [];
  for (const raw of writtenWords(text)) {
    const lower = raw.toLowerCase();
    if (FUNCTION_WORDS.has(lower) || JOB_POSTING_STOP_WORDS.has(lower) || /^\d/.test(lower)) continue;
    if (lower.length >= 4) {
      const term = stem(lower);
      if (!BOILERPLATE_STEMS.has(term)) out.push({ term, word: lower });
    } else if (lower.length >= 2 && raw === raw.toUpperCase() && /[A-Z]/.test(raw)) {
      out.push({ term: lower, word: raw });
      for (const term of ACRONYMS[lower] ?? []) out.push({ term, word: raw });
    }
  }
  return out;
}

/** Acronyms that stand for words the banks spell out: "ML" matches "machine learning models". */
const ACRONYMS: Record<string, readonly string[]> = {
  ml: ['machin', 'model'],
  ai: ['model'],
  llm: ['model', 'language'],
  cv: ['vision'],
};

/** The stems too, so "lists" and "others" are dropped like "list" and "other". */
const BOILERPLATE_STEMS = new Set([...JOB_POSTING_STOP_WORDS].map(stem));

/** The posting's terms and their counts; boilerplate, function words and numbers left out. */
export function jobProfile(text: string, file: string): JobProfile {
  const counts = new Map<string, number>();
  const words = new Map<string, Map<string, number>>();
  for (const { term, word } of termsOf(text)) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
    const forms = words.get(term) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    words.set(term, forms);
  }
  const shown = new Map<string, string>();
  for (const [term, forms] of words) {
    // The most used form; on a tie the shortest, then the first alphabetically, so display is stable.
    const best = [...forms].sort(
      (a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]),
    )[0];
    shown.set(term, best?.[0] ?? term);
  }
  return { file, counts, shown };
}

/**
 * How well each question fits a posting. A term counts for a question when it appears in the
 * question's prompt, signals or category; its weight is the square root of how often the posting
 * uses it (what a posting repeats is what the job is about, with diminishing returns) times how rare it is among the questions (inverse document
 * frequency), so "photo" and "video" steer more than "customer", which most questions mention.
 */
export class JobMatcher {
  private readonly idf = new Map<string, number>();
  private readonly termsByQuestion = new Map<string, Set<string>>();

  constructor(
    readonly job: JobProfile,
    questions: readonly BankQuestion[],
  ) {
    const df = new Map<string, number>();
    for (const q of questions) {
      const terms = questionTerms(q);
      this.termsByQuestion.set(q.id, terms);
      for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
    }
    // A term most questions share ("design", "customer") cannot tell them apart: it does not steer.
    for (const [term, n] of df)
      if (n <= questions.length * COMMON_SHARE) this.idf.set(term, Math.log(questions.length / n));
  }

  /**
   * The posting terms a question shares, each with its weight; `except` leaves some out (the words
   * that already chose the kind of round, which cannot tell its questions apart).
   */
  matches(questionId: string, except?: ReadonlySet<string>): Map<string, number> {
    const out = new Map<string, number>();
    for (const term of this.termsByQuestion.get(questionId) ?? []) {
      const weight = except?.has(term) ? 0 : this.weight(term);
      if (weight > 0) out.set(term, weight);
    }
    return out;
  }

  /** The question's match: the sum of its shared terms' weights (0 when it shares none). */
  score(questionId: string, except?: ReadonlySet<string>): number {
    let sum = 0;
    for (const weight of this.matches(questionId, except).values()) sum += weight;
    return sum;
  }

  /** A posting term's weight among the questions: 0 when the posting lacks it or no question has it. */
  weight(term: string): number {
    const count = this.job.counts.get(term) ?? 0;
    return Math.sqrt(count) * (this.idf.get(term) ?? 0);
  }

  /** How a term is written in the posting. */
  shown(term: string): string {
    return this.job.shown.get(term) ?? term;
  }
}

/** Terms in more than this share of the questions are too common to steer a plan. */
const COMMON_SHARE = 0.2;

/** The terms a question is matched on: its prompt, signals and category (a slug, read as words). */
function questionTerms(q: BankQuestion): Set<string> {
  const text = [q.prompt, ...q.signals, q.category.replaceAll('-', ' ')].join('\n');
  return new Set(termsOf(text).map((t) => t.term));
}

/**
 * How strongly a posting asks for a principle: its terms found in the principle's name, summary and
 * cue words, each weighted by how few principles use it (a cue shared by many says little).
 * Returns the score and the terms that made it.
 */
export function principleMatches(
  job: JobProfile,
  principleTexts: ReadonlyMap<string, string>,
): Map<string, Map<string, number>> {
  const termsByPrinciple = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const [id, text] of principleTexts) {
    const terms = new Set(termsOf(text).map((t) => t.term));
    termsByPrinciple.set(id, terms);
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const out = new Map<string, Map<string, number>>();
  for (const [id, terms] of termsByPrinciple) {
    const hits = new Map<string, number>();
    for (const t of terms) {
      const count = job.counts.get(t) ?? 0;
      if (count > 0) hits.set(t, Math.min(count, 3) * Math.log(1 + principleTexts.size / (df.get(t) ?? 1)));
    }
    out.set(id, hits);
  }
  return out;
}
