import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { asIoError } from '../fsx/io-error.js';
import { appendWhole, replaceWhole } from '../fsx/write-whole.js';
import type { Draft, SessionEvent } from './engine.js';

/**
 * A session on disk: `<id>.jsonl`, one event per line, appended and fsynced before the session moves
 * on (a submitted answer survives a crash or power loss); and `<id>.draft.json`, the answer being
 * typed, replaced atomically (write then rename) every few seconds and on every new line, so a
 * `kill -9` loses at most the last few seconds of typing. Every write is checked whole (fsx/write-whole):
 * a full disk is an IoError naming the file, and a failed draft leaves the previous draft intact.
 */
export class SessionJournal {
  private constructor(
    readonly dir: string,
    readonly id: string,
  ) {}

  static sessionsDir(dataDir: string): string {
    return join(dataDir, 'sessions');
  }

  static create(dataDir: string, now: Date): SessionJournal {
    const dir = SessionJournal.sessionsDir(dataDir);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw asIoError(error, dir, 'cannot create');
    }
    const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
    return new SessionJournal(dir, `${stamp}-${randomBytes(2).toString('hex')}`);
  }

  static open(dataDir: string, id: string): SessionJournal | undefined {
    const dir = SessionJournal.sessionsDir(dataDir);
    return /^[\w-]+$/.test(id) && existsSync(join(dir, `${id}.jsonl`))
      ? new SessionJournal(dir, id)
      : undefined;
  }

  /** Session ids, oldest first (ids start with their start time). */
  static list(dataDir: string): string[] {
    const dir = SessionJournal.sessionsDir(dataDir);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => f.slice(0, -'.jsonl'.length))
      .sort();
  }

  private get eventsFile(): string {
    return join(this.dir, `${this.id}.jsonl`);
  }

  private get draftFile(): string {
    return join(this.dir, `${this.id}.draft.json`);
  }

  append(event: SessionEvent): void {
    appendWhole(this.eventsFile, `${JSON.stringify(event)}\n`);
  }

  saveDraft(draft: Draft): void {
    replaceWhole(this.draftFile, JSON.stringify(draft));
  }

  clearDraft(): void {
    rmSync(this.draftFile, { force: true });
  }

  /** The events, skipping (and counting) a damaged last line left by a crash mid-write. */
  read(): { events: SessionEvent[]; draft?: Draft; damaged: number } {
    const events: SessionEvent[] = [];
    let damaged = 0;
    for (const line of readFileSync(this.eventsFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        events.push(JSON.parse(line) as SessionEvent);
      } catch {
        damaged++;
      }
    }
    let draft: Draft | undefined;
    try {
      draft = JSON.parse(readFileSync(this.draftFile, 'utf8')) as Draft;
    } catch {
      draft = undefined;
    }
    return { events, ...(draft ? { draft } : {}), damaged };
  }
}
