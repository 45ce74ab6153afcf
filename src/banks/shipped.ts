import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { FileAnalysis } from './analyze.js';
import { discoverFiles, walkYamlFiles } from './discover.js';

/**
 * The shipped banks and rubrics never change after the build, so the build validates them once
 * (scripts/shipped-snapshot.ts) and writes what they hold to dist/shipped.json; commands that read
 * them load that JSON instead of parsing YAML at every start. Extra banks (COACH_BANKS, --banks)
 * and `coach lint` still read YAML.
 *
 * The snapshot must never be stale: a developer may edit a bank without rebuilding. It records
 * each source file's name, size, mtime and hash; it is used only when the same files are there
 * with the same sizes and either the same mtimes or, when an mtime moved (npm and git do not keep
 * them), the same content. Otherwise the YAML is read, as if there were no snapshot.
 */

/** Where the shipped content lives, relative to the package root. */
export const SHIPPED_DIRS = ['rubrics', 'question-banks'] as const;

/** Bumped whenever the shape of a snapshot or of FileAnalysis changes; another version is not read. */
export const SNAPSHOT_VERSION = 1;

export const snapshotPath = (root: string) => join(root, 'dist', 'shipped.json');

export interface SourceFingerprint {
  /** Relative to the package root, with "/" separators. */
  file: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface ShippedSnapshot {
  version: number;
  sources: SourceFingerprint[];
  /** The analysis of each source file, in the same order, with `file` (and problems' files) relative. */
  analyses: FileAnalysis[];
}

export interface ShippedContent {
  /** Analyses of the shipped files, in discovery order, with absolute paths. */
  files: FileAnalysis[];
  /** Where they came from: the snapshot when it is fresh, else the YAML itself. */
  from: 'snapshot' | 'yaml';
}

/** The shipped YAML files under `root`, as `coach` would discover them (absolute paths, sorted per dir). */
export function shippedFiles(root: string): string[] {
  return discoverFiles(
    SHIPPED_DIRS.map((d) => join(root, d)),
    root,
  ).files;
}

/** What the snapshot records of one source file, from its stat and the bytes that were analysed. */
export function fingerprint(
  root: string,
  file: string,
  stat: { size: number; mtimeMs: number },
  bytes: Uint8Array,
): SourceFingerprint {
  return { file: toRelative(root, file), size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(bytes) };
}

/** Loads the shipped banks and rubrics: from the snapshot when it is fresh, else by analysing the YAML. */
export async function loadShipped(root: string = PACKAGE_ROOT): Promise<ShippedContent> {
  const snapshot = snapshotAnalyses(root);
  if (snapshot) return { files: snapshot, from: 'snapshot' };
  // Imported only here: yaml v2, js-yaml and the analysis stay out of start-up when the snapshot serves.
  const { analyzeFiles } = await import('./analyze-files.js');
  return { files: await analyzeFiles(shippedFiles(root)), from: 'yaml' };
}

/**
 * The snapshot's analyses of the shipped files (absolute paths, discovery order) when it is fresh;
 * undefined when they must be read from the YAML.
 */
export function snapshotAnalyses(root: string = PACKAGE_ROOT): FileAnalysis[] | undefined {
  return freshSnapshot(root)?.analyses.map((a) => withRoot(a, root));
}

/** The snapshot if it describes exactly the shipped files as they are now; undefined otherwise. */
function freshSnapshot(root: string): ShippedSnapshot | undefined {
  let snapshot: ShippedSnapshot;
  try {
    snapshot = JSON.parse(readFileSync(snapshotPath(root), 'utf8')) as ShippedSnapshot;
  } catch {
    return undefined; // not built, or unreadable: read the YAML
  }
  if (snapshot?.version !== SNAPSHOT_VERSION || !Array.isArray(snapshot.sources)) return undefined;
  const files = listedFiles(root);
  if (!files) return undefined;
  if (snapshot.sources.length !== files.length || snapshot.analyses?.length !== files.length)
    return undefined;
  for (let i = 0; i < files.length; i++) {
    const recorded = snapshot.sources[i]!;
    const file = files[i]!;
    if (recorded.file !== toRelative(root, file)) return undefined;
    try {
      const stat = statSync(file);
      if (stat.size !== recorded.size) return undefined;
      if (stat.mtimeMs !== recorded.mtimeMs && hashOf(file) !== recorded.sha256) return undefined;
    } catch {
      return undefined;
    }
  }
  return snapshot;
}

/**
 * The shipped files as shippedFiles finds them, without resolving each one's links (that took
 * about as long as the rest of the check): a file linked in twice is then listed twice, the list
 * differs from the snapshot's, and the YAML is read, as discovery would. Undefined when a shipped
 * directory cannot be listed (the YAML path reports it).
 */
function listedFiles(root: string): string[] | undefined {
  const files: string[] = [];
  let listed = true;
  for (const dir of SHIPPED_DIRS)
    walkYamlFiles(
      join(root, dir),
      (file) => files.push(file),
      () => {
        listed = false;
      },
    );
  return listed ? files.sort() : undefined;
}

function hashOf(file: string): string {
  return sha256(readFileSync(file));
}

/**
 * node:crypto takes about 1.4 ms to load, more than the rest of the freshness check: only the build
 * and a moved mtime need it, so it is required here (Node's require, a built-in, in the bundle too).
 */
function sha256(bytes: Uint8Array): string {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

function toRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

/** Paths in the snapshot are relative to the package root, which moves when the package is installed. */
function withRoot(analysis: FileAnalysis, root: string): FileAnalysis {
  const file = resolve(root, analysis.file);
  return { ...analysis, file, problems: analysis.problems.map((p) => ({ ...p, file })) };
}

/** The relative form written into the snapshot (see withRoot for the way back). */
export function withoutRoot(analysis: FileAnalysis, root: string): FileAnalysis {
  const file = toRelative(root, analysis.file);
  return { ...analysis, file, problems: analysis.problems.map((p) => ({ ...p, file })) };
}
