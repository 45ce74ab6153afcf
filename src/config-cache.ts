import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDir, replaceWhole } from './fsx/write-whole.js';
import { cacheDir, type Env } from './paths.js';
import type { CoachConfig } from './schema/config.js';

/**
 * Config files as validated, by their exact text. Reading one loads yaml v2 and zod and checks it:
 * with a one-line config file, `coach show` took about 30 ms longer than without (issue 18: start-up).
 * A file whose text is the same as when this build last validated it gives the same data, so the data
 * is kept in the cache directory and used instead. Nothing here can go stale or fail a command: an
 * entry counts only for the same file, the same text and the same build; an unreadable or damaged
 * cache is a miss, and a cache that cannot be written is left as it is.
 */

/** The build's identity (scripts/build.mjs: the version and a hash of the sources); unset under vitest. */
const BUILD = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : undefined;
/** Enough for a user file and a few projects' files. */
const MAX_ENTRIES = 16;

interface Entry {
  file: string;
  text: string;
  config: CoachConfig;
}

interface Cache {
  build: string;
  entries: Entry[];
}

const cacheFile = (env: Env) => join(cacheDir(env), 'config-files.json');

/** The validated data of `file` if this build has validated the same text before. */
export function cachedConfig(file: string, text: string, env: Env, build = BUILD): CoachConfig | undefined {
  if (build === undefined) return undefined;
  return read(env, build)?.entries.find((e) => e.file === file && e.text === text)?.config;
}

/** Records that `text`, the content of `file`, validated to `config`. */
export function rememberConfig(
  file: string,
  text: string,
  config: CoachConfig,
  env: Env,
  build = BUILD,
): void {
  if (build === undefined) return;
  const others = (read(env, build)?.entries ?? []).filter((e) => e.file !== file);
  const cache: Cache = { build, entries: [{ file, text, config }, ...others].slice(0, MAX_ENTRIES) };
  try {
    ensureDir(cacheDir(env));
    replaceWhole(cacheFile(env), `${JSON.stringify(cache)}\n`);
  } catch {
    // A read-only or full disk: the next run validates again, as it would have without a cache.
  }
}

function read(env: Env, build: string): Cache | undefined {
  try {
    const cache = JSON.parse(readFileSync(cacheFile(env), 'utf8')) as Cache;
    return cache?.build === build && Array.isArray(cache.entries) ? cache : undefined;
  } catch {
    return undefined;
  }
}
