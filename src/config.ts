import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { type Document, LineCounter, parseDocument, visit } from 'yaml';
import { locate } from './banks/locate.js';
import { describeSchemaIssue } from './banks/schema-issues.js';
import { ConfigError } from './errors.js';
import { configDir, type Env } from './paths.js';
import { CoachConfig } from './schema/config.js';

export const PROJECT_CONFIG_FILE = '.interview-coach.yaml';
export const BANKS_ENV = 'COACH_BANKS';
/** A config file needs no aliases at all; past this many it is refused as a possible alias bomb. */
const MAX_ALIAS_COUNT = 100;

export interface ResolvedConfig {
  /** Extra bank and rubric locations from every source, absolute, in precedence order, without repeats. */
  banks: string[];
  scorer?: 'offline' | 'anthropic';
  model?: string;
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
export function resolveConfig({ cwd, env, banks = [] }: ConfigInputs): ResolvedConfig {
  const userFile = join(configDir(env), 'config.yaml');
  const projectFile = join(cwd, PROJECT_CONFIG_FILE);
  const fromFiles = [projectFile, userFile]
    .filter((f) => existsSync(f))
    .map((f) => ({ file: f, config: readConfigFile(f) }));
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
  return {
    banks: [...new Set(all)],
    ...(scorer ? { scorer } : {}),
    ...(model ? { model } : {}),
    files: fromFiles.map((f) => f.file),
  };
}

function expandHome(path: string, env: Env): string {
  return path === '~' || path.startsWith('~/') ? join(env.HOME || homedir(), path.slice(1)) : path;
}

function readConfigFile(file: string): CoachConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([`${file}: cannot read config file: ${(error as Error).message}`]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, schema: 'core' });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return `${file}:${line}:${col}: ${e.message.split('\n')[0]}`;
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    // toJS throws a ReferenceError past maxAliasCount (an alias bomb): a bad input, not a crash.
    const at = firstAliasPos(doc) ?? 0;
    const { line, col } = lineCounter.linePos(at);
    const reason =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `too many aliases (over ${MAX_ALIAS_COUNT}): refusing a possible alias bomb`
        : `cannot load config file: ${String((error as Error)?.message ?? error).split('\n')[0]}`;
    throw new ConfigError([`${file}:${line}:${col}: ${reason}`]);
  }
  const parsed = CoachConfig.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.flatMap((issue) =>
      describeSchemaIssue(issue, data, CoachConfig, 'the config file').map((f) => {
        const at = locate(doc, lineCounter, f.path, f.at);
        return `${file}:${at.line}:${at.column}: ${f.message}`;
      }),
    ),
  );
}

/** Where the first alias is, to point at when aliases are refused. */
function firstAliasPos(doc: Document): number | undefined {
  let pos: number | undefined;
  visit(doc, {
    Alias(_, node) {
      pos = node.range?.[0];
      return visit.BREAK;
    },
  });
  return pos;
}
