import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { SHIPPED_BANKS_DIR, SHIPPED_RUBRICS_DIR } from '../../src/paths.js';
import { repoRoot } from '../helpers/paths.js';

const yamlFiles = (dir: string) => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));

describe('the shipped banks and rubrics', () => {
  it('are found at the repository root', () => {
    expect(SHIPPED_BANKS_DIR).toBe(`${repoRoot}/question-banks`);
    expect(SHIPPED_RUBRICS_DIR).toBe(`${repoRoot}/rubrics`);
  });

  it('lint with zero problems, warnings included', async () => {
    const result = await lint({ cwd: repoRoot, paths: [SHIPPED_BANKS_DIR, SHIPPED_RUBRICS_DIR] });
    expect(result.problems).toEqual([]);
    expect(result.files).toBe(yamlFiles(SHIPPED_BANKS_DIR).length + yamlFiles(SHIPPED_RUBRICS_DIR).length);
    expect(result.rubrics).toBe(yamlFiles(SHIPPED_RUBRICS_DIR).length);
    expect(result.questions).toBeGreaterThan(50);
  });
});
