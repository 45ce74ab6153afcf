import { describe, expect, it } from 'vitest';
import { SessionJournal } from '../../src/session/journal.js';
import { useTempDir } from '../helpers/fs.js';
import { startLine, writeJournal } from '../helpers/journal.js';

const tmp = useTempDir('coach-journal-limits-');

/** A journal whose start event carries these scorer options, read back through SessionJournal. */
function startOptionsAfterReading(options: Record<string, unknown>): Record<string, unknown> {
  const home = tmp();
  const start = JSON.parse(startLine('2026-11-01-10-00-00-abcd'));
  start.options = { ...start.options, scorer: 'anthropic', ...options };
  writeJournal(home, start.id, `${JSON.stringify(start)}\n`);
  const { events } = SessionJournal.open(home, start.id)!.read();
  expect(events).toHaveLength(1);
  return (events[0] as unknown as { options: Record<string, unknown> }).options;
}

describe('LLM scorer limits kept in a session journal', () => {
  it('reads --timeout and --max-cost as numbers, as the CLI now parses them', () => {
    expect(startOptionsAfterReading({ timeout: 45, maxCost: 0.5 })).toMatchObject({
      timeout: 45,
      maxCost: 0.5,
    });
  });

  it('turns the text an older version kept ("45", "$0.50") into the same numbers for coach resume', () => {
    const options = startOptionsAfterReading({ timeout: '45', maxCost: '$0.50', fallback: false });
    expect(options).toMatchObject({ timeout: 45, maxCost: 0.5, fallback: false });
  });
});
