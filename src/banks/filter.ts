import type { Level } from '../schema/index.js';
import type { BankQuestion } from './registry.js';

export interface QuestionFilter {
  banks?: string[];
  categories?: string[];
  level?: Level;
  principle?: string;
  /** A principal engineering tenet id (see `coach tenets`). */
  tenet?: string;
  /** Case-insensitive words that must all appear in the prompt, id, category or signals. */
  search?: string;
}

/** Questions matching every given filter; within a filter, any of the listed values matches. */
export function filterQuestions(questions: readonly BankQuestion[], filter: QuestionFilter): BankQuestion[] {
  const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return questions.filter((q) => {
    if (filter.banks?.length && !filter.banks.includes(q.bank)) return false;
    if (filter.categories?.length && !filter.categories.includes(q.category)) return false;
    if (filter.level && !q.levels.includes(filter.level)) return false;
    if (filter.principle && !q.principles.includes(filter.principle)) return false;
    if (filter.tenet && !(q.tenets ?? []).some((t) => t === filter.tenet)) return false;
    if (words.length > 0) {
      const haystack = [q.id, q.category, q.prompt, ...q.signals].join(' ').toLowerCase();
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}
