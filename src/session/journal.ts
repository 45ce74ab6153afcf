import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describeIoError, IoError } from '../fsx/io-error.js';
import { readDataFile } from '../fsx/read-bounded.js';
import { appendWhole, ensureDir, replaceWhole } from '../fsx/write-whole.js';
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
    ensureDir(dir);
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

  /** The journal's path, for messages about it. */
  get file(): string {
    return this.eventsFile;
  }

  /**
   * The events, skipping (and counting) damaged lines: a last line cut short by a crash, or any line
   * that is not a whole event of a known shape. `problem` says why the journal cannot be used at all
   * (unreadable, or no valid start event); such a journal is skipped with a warning, never a crash.
   */
  read(): { events: SessionEvent[]; draft?: Draft; damaged: number; problem?: string } {
    const events: SessionEvent[] = [];
    let damaged = 0;
    let text: string;
    try {
      text = readDataFile(this.eventsFile);
    } catch (error) {
      return { events, damaged, problem: error instanceof IoError ? error.reason : describeIoError(error) };
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const event = JSON.parse(line) as unknown;
        if (isWholeEvent(event, events.length === 0))
          events.push(event.type === 'start' ? withNumericLimits(event) : event);
        else damaged++;
      } catch {
        damaged++;
      }
    }
    let draft: Draft | undefined;
    try {
      const parsed = JSON.parse(readDataFile(this.draftFile)) as unknown;
      draft = isDraft(parsed) ? parsed : undefined;
    } catch {
      draft = undefined;
    }
    const problem = events[0]?.type === 'start' ? undefined : 'no valid start event (damaged journal)';
    return { events, ...(draft ? { draft } : {}), damaged, ...(problem ? { problem } : {}) };
  }
}

/**
 * Journals written before flags were parsed by the CLI kept --timeout and --max-cost as typed
 * ("90", "$0.50"); `coach resume` of such a session scores with the same limits, as numbers.
 */
function withNumericLimits(event: SessionEvent & { type: 'start' }): SessionEvent {
  const { timeout, maxCost } = event.options as { timeout?: unknown; maxCost?: unknown };
  const number = (v: unknown) => {
    const n = typeof v === 'string' ? Number(v.replace(/^\$/, '')) : Number.NaN;
    return Number.isFinite(n) ? n : v;
  };
  if (typeof timeout !== 'string' && typeof maxCost !== 'string') return event;
  return {
    ...event,
    options: {
      ...event.options,
      ...(timeout !== undefined ? { timeout: number(timeout) as number } : {}),
      ...(maxCost !== undefined ? { maxCost: number(maxCost) as number } : {}),
    },
  };
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
const isText = (v: unknown) => typeof v === 'string';

/**
 * The shape every reader of a journal relies on, checked once here so a hand-edited or damaged line
 * is skipped instead of failing deep inside a summary with "cannot read properties of undefined".
 */
function isWholeEvent(value: unknown, first: boolean): value is SessionEvent {
  if (!isObject(value)) return false;
  switch (value.type) {
    case 'start':
      return (
        first &&
        isText(value.id) &&
        isText(value.startedAt) &&
        isObject(value.options) &&
        Array.isArray(value.questions) &&
        value.questions.every(
          (q) =>
            isObject(q) &&
            isText(q.id) &&
            isText(q.prompt) &&
            typeof q.timeLimitSeconds === 'number' &&
            Array.isArray(q.principles) &&
            Array.isArray(q.followUps),
        )
      );
    case 'answer':
      return (
        isIndex(value.question) &&
        isIndex(value.part) &&
        isText(value.text) &&
        isText(value.status) &&
        typeof value.elapsedMs === 'number'
      );
    case 'score':
      return isIndex(value.question) && isObject(value.result) && Array.isArray(value.result.criteria);
    case 'followups':
      return isIndex(value.question) && Array.isArray(value.followUps);
    case 'end':
      return true;
    default:
      return false;
  }
}

function isDraft(value: unknown): value is Draft {
  return (
    isObject(value) &&
    isIndex(value.question) &&
    isIndex(value.part) &&
    isText(value.text) &&
    typeof value.elapsedMs === 'number'
  );
}
