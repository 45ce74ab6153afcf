// Run by scripts/build.mjs after bundling: validates the shipped banks and rubrics the way `coach lint`
// does and, when they have no errors, writes dist/shipped.json for src/banks/shipped.ts to load.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeSource } from '../src/banks/analyze.js';
import {
  fingerprint,
  SHIPPED_DIRS,
  type ShippedSnapshot,
  SNAPSHOT_VERSION,
  type SourceFingerprint,
  shippedFiles,
  snapshotPath,
  withoutRoot,
} from '../src/banks/shipped.js';
import { decodeSource } from '../src/banks/source.js';
import { lint } from '../src/lint/lint.js';
import { stylish } from '../src/reporters/stylish.js';
import { colorFor } from '../src/ui/color.js';

export interface SnapshotOutcome {
  /** False when the shipped files have lint errors: no snapshot is written and the build must fail. */
  ok: boolean;
  /** The lint report (stylish), for the build to print when there are findings. */
  report: string;
  warningCount: number;
  file: string;
}

export async function writeShippedSnapshot(
  root: string,
  stream: { isTTY?: boolean } = process.stderr,
): Promise<SnapshotOutcome> {
  const file = snapshotPath(root);
  // A failed build must not leave an older snapshot behind for the commands to trust.
  rmSync(file, { force: true });
  const result = await lint({ cwd: root, paths: SHIPPED_DIRS.map((d) => join(root, d)), threads: 1 });
  const report = stylish(result, { color: colorFor(stream, process.env), version: 'build' });
  const { warningCount } = result;
  if (result.errorCount > 0) return { ok: false, report, warningCount, file };

  const sources: SourceFingerprint[] = [];
  const analyses = shippedFiles(root).map((path) => {
    // One read per file: the fingerprint and the analysis are of the same bytes.
    const stat = statSync(path);
    const bytes = readFileSync(path);
    sources.push(fingerprint(root, path, stat, bytes));
    return withoutRoot(analyzeSource(path, decodeSource(bytes)), root);
  });
  const snapshot: ShippedSnapshot = { version: SNAPSHOT_VERSION, sources, analyses };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(snapshot)}\n`);
  return { ok: true, report, warningCount, file };
}
