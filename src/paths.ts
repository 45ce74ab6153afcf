import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Env = Record<string, string | undefined>;

/**
 * The package root, found by walking up from this module: the same code runs bundled from dist/
 * and unbundled from src/ in tests, at different depths.
 */
export const PACKAGE_ROOT: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'interview-coach')
      return dir;
    if (dirname(dir) === dir) return resolve(start, '..');
  }
}

/** A path as a person would type it: relative to `cwd` when it is inside it, else as given. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export const SHIPPED_BANKS_DIR = join(PACKAGE_ROOT, 'question-banks');
export const SHIPPED_RUBRICS_DIR = join(PACKAGE_ROOT, 'rubrics');

/** Where sessions, drafts and history live: COACH_HOME, else $XDG_DATA_HOME/interview-coach, else ~/.local/share. */
export function dataDir(env: Env): string {
  if (env.COACH_HOME) return resolve(env.COACH_HOME);
  return xdgDir(env, 'XDG_DATA_HOME', join('.local', 'share'));
}

/** Where the user config lives: COACH_HOME (tests), else $XDG_CONFIG_HOME/interview-coach, else ~/.config. */
export function configDir(env: Env): string {
  if (env.COACH_HOME) return resolve(env.COACH_HOME);
  return xdgDir(env, 'XDG_CONFIG_HOME', '.config');
}

/** What can be thrown away and rebuilt: COACH_HOME/cache, else $XDG_CACHE_HOME/interview-coach, else ~/.cache. */
export function cacheDir(env: Env): string {
  if (env.COACH_HOME) return join(resolve(env.COACH_HOME), 'cache');
  return xdgDir(env, 'XDG_CACHE_HOME', '.cache');
}

/** `$variable/interview-coach` when the variable holds an absolute path, else `~/fallback/interview-coach`. */
function xdgDir(env: Env, variable: string, fallback: string): string {
  const base = env[variable];
  return join(base && isAbsolutePath(base) ? base : join(home(env), fallback), 'interview-coach');
}

/** The story bank `coach stories` and `coach practice --stories` read unless given --stories FILE. */
export function defaultStoriesFile(env: Env): string {
  return join(configDir(env), 'stories.yaml');
}

function home(env: Env): string {
  return env.HOME || homedir();
}

/** The XDG spec says relative paths in these variables are invalid and must be ignored. */
function isAbsolutePath(p: string): boolean {
  return p.startsWith('/');
}
