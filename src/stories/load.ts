import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeFile, locateInFile } from '../banks/analyze-files.js';
import { ConfigError, UsageError } from '../errors.js';
import { compareProblems, type Problem, severityOf } from '../lint/problem.js';
import { RULE_FUNCTIONS } from '../lint/rules.js';
import { defaultStoriesFile, displayPath, type Env } from '../paths.js';
import type { Story } from '../schema/index.js';

export interface LoadedStories {
  /** The path as shown to the user (relative to cwd when inside it). */
  file: string;
  stories: Story[];
}

export interface LoadOptions {
  cwd: string;
  /** The file was named with --stories (rather than the default), which changes the advice when it is missing. */
  explicit?: boolean;
}

/**
 * Reads a stories file through the same analysis and rules as `coach lint`. A missing file is a
 * usage error that says how to create one; any lint error is a ConfigError with one
 * `file:line:col: message` line per problem (exit 2), so no command works from a half-valid bank.
 */
export function loadStories(path: string, { cwd, explicit = false }: LoadOptions): LoadedStories {
  const file = displayPath(path, cwd);
  if (!existsSync(path)) {
    throw new UsageError(
      explicit
        ? `no stories file at ${file}; create it with \`coach stories init --stories ${file}\``
        : `no stories file yet (looked for ${file}); create one with \`coach stories init\`, or pass --stories FILE`,
    );
  }
  const analysis = analyzeFile(path);
  if (analysis.kind !== null && analysis.kind !== 'stories') {
    const [at] = locateInFile({ file: path, paths: [{ path: ['kind'] }] });
    throw new ConfigError([
      `${file}:${at!.line}:${at!.column}: this is a ${analysis.kind} file, not a stories file (expected \`kind: stories\`)`,
    ]);
  }
  const pending = RULE_FUNCTIONS.flatMap((rule) => rule({ files: [analysis], knownRubrics: new Set() }));
  const spans = locateInFile({
    file: path,
    paths: pending.map(({ path, at }) => ({ path, ...(at ? { at } : {}) })),
  });
  const problems: Problem[] = [
    ...analysis.problems,
    ...pending.map((p, i) => ({ ...p, ...spans[i]!, severity: severityOf(p.rule) })),
  ]
    .filter((p) => p.severity === 'error')
    .sort(compareProblems);
  if (problems.length > 0) {
    throw new ConfigError(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`));
  }
  return { file, stories: (analysis.stories ?? []).map(({ story }) => story) };
}

/** The stories file to use: --stories (relative to cwd), else the one in the config directory. */
export function storiesFile(flag: string | true | undefined, where: { cwd: string; env: Env }) {
  return typeof flag === 'string'
    ? { path: resolve(where.cwd, flag), explicit: true }
    : { path: defaultStoriesFile(where.env), explicit: false };
}

/** Reads and validates the stories file named by --stories (or the default one); any problem is exit 2. */
export function readStories(flag: string | true | undefined, where: { cwd: string; env: Env }) {
  const { path, explicit } = storiesFile(flag, where);
  return loadStories(path, { cwd: where.cwd, explicit });
}
