import { lstatSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { cachedConfig, rememberConfig } from './config-cache.js';
import { HAND_WRITTEN_MAX_BYTES, readTextBounded } from './fsx/read-bounded.js';
import { configDir, type Env } from './paths.js';
import type { CoachConfig } from './schema/config.js';
import type { Level } from './schema/index.js';

const PROJECT_CONFIG_FILE = '.interview-coach.yaml';
const BANKS_ENV = 'COACH_BANKS';

export interface ResolvedConfig {
  /** Extra bank and rubric locations from every source, absolute, in precedence order, without repeats. */
  banks: string[];
  scorer?: CoachConfig['scorer'];
  provider?: CoachConfig['provider'];
  /** The openai-compatible server. */
  baseUrl?: string;
  model?: string;
  /** Models added to the price table; the project file's win over the user file's. */
  models: CoachConfig['models'] & object;
  level?: Level;
  /** The config files that were read, for `--debug` and error messages. */
  files: string[];
}

export interface ConfigInputs {
  cwd: string;
  env: Env;
  /** `--banks` values, relative to cwd. */
  banks?: string[];
}

/**
 * Merges configuration with the usual precedence: flags > environment > project file > user file.
 * Bank locations are additive (every source contributes); single values take the first source that sets them.
 */
export async function resolveConfig({ cwd, env, banks = [] }: ConfigInputs): Promise<ResolvedConfig> {
  const userFile = join(configDir(env), 'config.yaml');
  const projectFile = join(cwd, PROJECT_CONFIG_FILE);
  // lstat, not exists: a dangling or looping link is a mistake to report, not a missing file.
  const fromFiles: { file: string; config: CoachConfig }[] = [];
  for (const file of [projectFile, userFile])
    if (isPresent(file)) fromFiles.push({ file, config: await readConfigFile(file, env) });
  const envBanks = (env[BANKS_ENV] ?? '').split(delimiter).filter(Boolean);

  const all = [
    ...banks.map((b) => resolve(cwd, b)),
    ...envBanks.map((b) => resolve(cwd, b)),
    ...fromFiles.flatMap(({ file, config }) =>
      config.banks.map((b) => resolve(dirname(file), expandHome(b, env))),
    ),
  ];
  const scorer = fromFiles.map((f) => f.config.scorer).find(Boolean);
  const model = fromFiles.map((f) => f.config.model).find(Boolean);
  const provider = fromFiles.map((f) => f.config.provider).find(Boolean);
  const baseUrl = fromFiles.map((f) => f.config.baseUrl).find(Boolean);
  const level = fromFiles.map((f) => f.config.level).find(Boolean);
  const models = Object.assign({}, ...fromFiles.map((f) => f.config.models ?? {}).reverse());
  return {
    banks: [...new Set(all)],
    ...(scorer ? { scorer } : {}),
    ...(model ? { model } : {}),
    ...(provider ? { provider } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    models,
    ...(level ? { level } : {}),
    files: fromFiles.map((f) => f.file),
  };
}

function expandHome(path: string, env: Env): string {
  return path === '~' || path.startsWith('~/') ? join(env.HOME || homedir(), path.slice(1)) : path;
}

function isPresent(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Imported only when a config file exists: yaml v2 and zod cost start-up time that most runs (no
 * config file) need not pay; `coach show` is meant to start about as fast as `coach --version`. And
 * a file this build has validated before with the same text is not validated again (config-cache.ts).
 * The file is read once, with the checks readValidatedYaml makes (no FIFO, a size bound, UTF-8), and
 * that text is what is validated and remembered.
 */
async function readConfigFile(file: string, env: Env): Promise<CoachConfig> {
  const subject = 'the config file';
  const text = readTextBounded(file, { maxBytes: HAND_WRITTEN_MAX_BYTES, what: subject, shownAs: file });
  const cached = cachedConfig(file, text, env);
  if (cached) return cached;
  const [{ CoachConfig }, { validatedYaml }] = await Promise.all([
    import('./schema/config.js'),
    import('./yaml/validated.js'),
  ]);
  const { data } = validatedYaml(text, CoachConfig, subject, file);
  rememberConfig(file, text, data, env);
  return data;
}
