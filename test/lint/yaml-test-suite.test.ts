import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import type { Problem } from '../../src/lint/problem.js';
import { sharedPresent, yamlTestSuiteDir } from '../helpers/paths.js';

// The official YAML test suite (../shared/corpora/yaml-test-suite): none of it is a bank or rubric,
// so every file must get a clean problem report, and none may crash lint or write to stderr.

if (!sharedPresent) {
  it.skip(`skipped: ../shared not present (${yamlTestSuiteDir} is missing), so the yaml-test-suite corpus is not linted`, () => {});
}

describe.skipIf(!sharedPresent)('yaml-test-suite corpus', () => {
  const validDir = join(yamlTestSuiteDir, 'valid');
  const invalidDir = join(yamlTestSuiteDir, 'invalid');
  const stderrWrites: string[] = [];
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);

  beforeEach(() => {
    stderrWrites.length = 0;
    warnings.length = 0;
    const write = process.stderr.write.bind(process.stderr) as (chunk: string | Uint8Array) => boolean;
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderrWrites.push(String(chunk));
      return write(chunk);
    });
    for (const method of ['error', 'warn', 'log'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        stderrWrites.push(args.map(String).join(' '));
      });
    }
    process.on('warning', onWarning);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.off('warning', onWarning);
  });

  const byFile = (problems: Problem[]) => {
    const map = new Map<string, Problem[]>();
    for (const p of problems) map.set(p.file, [...(map.get(p.file) ?? []), p]);
    return map;
  };

  it('every file in valid/ and invalid/ gets problems of the right kind, with no crash and no stderr output', async () => {
    const validFiles = readdirSync(validDir).filter((f) => f.endsWith('.yaml'));
    const invalidFiles = readdirSync(invalidDir).filter((f) => f.endsWith('.yaml'));
    expect(validFiles.length).toBeGreaterThan(250);
    expect(invalidFiles.length).toBeGreaterThan(80);

    const valid = await lint({ cwd: validDir, paths: ['.'] });
    const invalid = await lint({ cwd: invalidDir, paths: ['.'] });
    expect(valid.files).toBe(validFiles.length);
    expect(invalid.files).toBe(invalidFiles.length);

    // invalid/: a parser must reject each one, so each has a yaml-* problem.
    const invalidProblems = byFile(invalid.problems);
    const invalidWithoutYamlProblem = invalidFiles.filter(
      (f) => !(invalidProblems.get(f) ?? []).some((p) => p.rule.startsWith('yaml-')),
    );
    expect(invalidWithoutYamlProblem).toEqual([]);

    // valid/: a parser accepts each one, so none has a yaml-syntax problem; each still has some
    // problem (none is a bank or rubric): unknown-kind, multiple-documents, yaml-unsafe for tags
    // and aliases, yaml-duplicate-key for empty keys, or a schema rule.
    const validProblems = byFile(valid.problems);
    expect(validFiles.filter((f) => !validProblems.has(f))).toEqual([]);
    expect(
      valid.problems.filter((p) => p.rule === 'yaml-syntax').map((p) => `${p.file}: ${p.message}`),
    ).toEqual([]);

    // Every problem is a well-formed finding, positioned in the file.
    for (const p of [...valid.problems, ...invalid.problems]) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(p.message.length).toBeGreaterThan(0);
      expect(p.message).not.toMatch(/\n/);
    }
    expect(stderrWrites).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
