import { type Dirent, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { describeIoError } from '../fsx/io-error.js';

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface Discovered {
  files: string[];
  /** Directories that could not be listed: reported as problems, not fatal. */
  unreadable: { path: string; reason: string }[];
}

/**
 * Expands paths into the YAML files to load. A file is taken as given (any extension);
 * a directory is searched recursively for *.yaml and *.yml, skipping dot-directories and
 * node_modules and not following symbolic links to directories (no loops). A path that does not
 * exist is a usage error; a symbolic link to nothing is a file the reader reports as unreadable. Results are sorted and without repeats, so runs are reproducible.
 */
export function discoverFiles(paths: string[], cwd: string): Discovered {
  const files = new Map<string, string>();
  const unreadable: Discovered['unreadable'] = [];
  const add = (file: string) => {
    let key = file;
    try {
      key = realpathSync(file);
    } catch {
      // A broken link still gets reported by the reader, under its own name.
    }
    if (!files.has(key)) files.set(key, file);
  };

  for (const given of paths) {
    const full = resolve(cwd, given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(full).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // stat follows links: ENOENT also comes from a link whose target is gone. The link itself is
      // there, so it is a finding for the reader (file-unreadable); only a path that is not there is a usage error.
      if (code === 'ENOENT' && !existsAsLink(full)) {
        throw new UsageError(`no such file or directory: ${given}`);
      }
      // Exists but cannot be inspected (a dangling link, permissions): let the reader report it.
      add(full);
      continue;
    }
    if (isDirectory) walkYamlFiles(full, add, (path, reason) => unreadable.push({ path, reason }));
    else add(full);
  }
  return { files: [...files.values()].sort(), unreadable };
}

/**
 * The walk under a directory: every *.yaml and *.yml file, recursively, skipping dot-directories and
 * node_modules and not following symbolic links to directories. Files come as found, links unresolved;
 * a directory that cannot be listed goes to `onUnreadable`.
 */
export function walkYamlFiles(
  dir: string,
  onFile: (file: string) => void,
  onUnreadable: (dir: string, reason: string) => void,
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    onUnreadable(dir, describeIoError(error));
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name))
        walkYamlFiles(full, onFile, onUnreadable);
    } else if (YAML_FILE.test(entry.name)) {
      onFile(full);
    }
  }
}

function existsAsLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
