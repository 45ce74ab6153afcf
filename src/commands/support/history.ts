import type { Attempt } from '../../history/attempt.js';
import { HistoryStore } from '../../history/store.js';
import { dataDir } from '../../paths.js';
import type { CommandContext } from '../context.js';

/** Every attempt in history, oldest first; damaged records are skipped with one warning. */
export function readHistory(ctx: CommandContext): Attempt[] {
  const store = new HistoryStore(dataDir(ctx.env));
  const { attempts, damaged } = store.read();
  if (damaged > 0) ctx.stderr.write(`coach: skipped ${damaged} damaged record(s) in ${store.file}\n`);
  return attempts;
}
