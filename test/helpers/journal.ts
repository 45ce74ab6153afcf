import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A session journal written by hand, for tests of what reads journals (listing, resuming, damaged
 * files): the start event of a one-question offline session, as one JSON line.
 */
export function startLine(id: string): string {
  return JSON.stringify({
    type: 'start',
    version: 1,
    id,
    startedAt: '2026-11-01T10:00:00.000Z',
    options: { seed: 1, overtime: false, scoreAtEnd: false, scorer: 'offline', filters: {} },
    questions: [
      {
        id: 'q-1',
        bank: 'behavioral',
        category: 'ownership',
        prompt: 'Tell me about a time.',
        rubric: 'star',
        principles: [],
        timeLimitSeconds: 60,
        followUps: [],
      },
    ],
  });
}

/** Writes `<coachHome>/sessions/<id>.jsonl` with exactly `text`. */
export function writeJournal(coachHome: string, id: string, text: string): void {
  mkdirSync(join(coachHome, 'sessions'), { recursive: true });
  writeFileSync(join(coachHome, 'sessions', `${id}.jsonl`), text);
}
