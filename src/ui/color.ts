import type { Chalk, ChalkInstance } from 'chalk';
import type { Env } from '../paths.js';

/**
 * Colour for one output stream, following clig.dev: off for a non-TTY, NO_COLOR (non-empty),
 * TERM=dumb or --no-color; FORCE_COLOR turns it on. chalk alone ignores NO_COLOR by design.
 *
 * Start-up (issue 18): chalk takes about 3 ms to load (its styles and colour support are built when
 * it is evaluated), so it loads here, on the first call, and output that needs no colour (`--json`,
 * practice's refusal of a non-terminal) never loads it. require() as in text.ts: in the bundle esbuild
 * makes it a lazy initialiser of code already in the chunk; under vitest it is Node's own require.
 */
export function colorFor(stream: { isTTY?: boolean }, env: Env, noColorFlag = false): ChalkInstance {
  const chalk = require('chalk') as { Chalk: typeof Chalk };
  return new chalk.Chalk({ level: colorLevel(stream, env, noColorFlag) });
}

export function colorLevel(stream: { isTTY?: boolean }, env: Env, noColorFlag = false): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  // An empty FORCE_COLOR is treated as unset (shells and CI templates often export it empty).
  const force = env.FORCE_COLOR || undefined;
  if (force !== undefined && force !== '0' && force !== 'false') {
    return force === '2' ? 2 : force === '3' ? 3 : 1;
  }
  if (env.NO_COLOR || env.TERM === 'dumb' || force === '0' || force === 'false') return 0;
  if (!stream.isTTY) return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 2;
}
