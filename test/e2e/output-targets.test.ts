import { spawn, spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCoach } from '../helpers/exec.js';

// A file the user names is written where it points: a symbolic link stays a link (its target is
// replaced), and a pipe or device is written into, never renamed over. As root a rename over
// `-o /dev/full` swapped the device node for a regular file holding the report.
describe('output files that are not plain files', () => {
  let work: string;
  beforeAll(() => {
    assertBuilt();
    work = mkdtempSync(join(tmpdir(), 'coach-output-targets-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('report -o LINK replaces the file the link points to and keeps the link', () => {
    const real = join(work, 'real.html');
    writeFileSync(real, 'old');
    const link = join(work, 'link.html');
    symlinkSync(real, link);
    const run = runCoach(['report', '-o', link], { cwd: work });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('stories init --force on a linked stories file writes through the link', () => {
    const real = join(work, 'dotfiles-stories.yaml');
    writeFileSync(real, 'stories: []\n');
    const link = join(work, 'stories.yaml');
    symlinkSync(real, link);
    const run = runCoach(['stories', 'init', '--force', '--stories', link], { cwd: work });
    expect(run.status).toBe(0);
    // The command to run next is one quoted command a user can copy.
    expect(run.stdout).toContain(`then run \`coach stories check --stories stories.yaml\`.`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^kind: stories$/m);
  });

  it('report -o FIFO writes into the pipe and leaves it a pipe', async () => {
    const fifo = join(work, 'report.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (c: Buffer) => chunks.push(c));
    const read = new Promise<void>((done) => reader.on('close', () => done()));
    const run = runCoach(['report', '--format', 'md', '-o', fifo], { cwd: work });
    // With the rename the reader never sees a writer; end it so the test fails instead of hanging.
    const timer = setTimeout(() => reader.kill(), 5000);
    await read;
    clearTimeout(timer);
    expect(run.status).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^# /m);
  });
});
