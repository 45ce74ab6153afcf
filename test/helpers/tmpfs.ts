import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small file system for full-disk tests: a tmpfs mounted as root. Where mounting is not
 * allowed, `reason` says why and the tests that need it are skipped with that reason.
 */
export interface SmallDisk {
  dir: string;
  /** Fills the disk with a filler file until at most `leaveBytes` are free. */
  fill(leaveBytes?: number): void;
  /** Free bytes left. */
  free(): number;
  unmount(): void;
}

export function mountSmallDisk(sizeKiB = 64): SmallDisk | { reason: string } {
  const dir = mkdtempSync(join(tmpdir(), 'coach-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { reason: `cannot mount a tmpfs (${(mounted.stderr || String(mounted.error)).trim()})` };
  }
  const free = () => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  return {
    dir,
    free,
    fill(leaveBytes = 0) {
      const fd = openSync(join(dir, `filler-${Date.now()}`), 'a');
      try {
        const block = Buffer.alloc(1024, 120);
        while (free() > leaveBytes) {
          try {
            writeSync(fd, block, 0, Math.min(block.length, Math.max(1, free() - leaveBytes)));
          } catch {
            break;
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    unmount() {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
