import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared beside the repository, or beside the folder of worktrees (/work/wt/<branch>) it sits in. */
export const sharedDir =
  [resolve(repoRoot, '../shared'), resolve(repoRoot, '../../shared')].find((dir) => existsSync(dir)) ??
  resolve(repoRoot, '../shared');
export const yamlTestSuiteDir = join(sharedDir, 'corpora', 'yaml-test-suite');
export const sharedPresent = existsSync(yamlTestSuiteDir);
export const binPath = join(repoRoot, 'bin', 'coach.js');
export const builtCli = join(repoRoot, 'dist', 'cli.js');
