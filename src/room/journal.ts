import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CareerdeckError } from '../errors.js';
import { Room, type RoomRecord, type RoomSlide, type SessionRecord } from './state.js';

/** The journal's first line: enough to replay it without the deck. */
export interface JournalStart {
  t: 'start';
  deck: string;
  at: string;
  polls: { id: string; question: string; options: string[] }[];
}

/**
 * An append-only journal of what attendees and the presenter did, one JSON record a line. A
 * record is on disk (written and fsynced) before the request that made it is answered, so a server
 * killed at any moment loses no vote it has acknowledged. Records arriving together share one
 * fsync (group commit): 300 votes in a second cost a handful of syncs, not 300.
 */
export class Journal {
  private fd: number | undefined;
  private queue: { line: string; done: (error?: unknown) => void }[] = [];
  private scheduled = false;

  private constructor(
    readonly file: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  static async open(file: string, start: JournalStart): Promise<Journal> {
    await mkdir(path.dirname(file), { recursive: true });
    // 'wx': a new session never writes over an earlier one's journal.
    const journal = new Journal(file, openSync(file, 'wx', 0o600));
    await journal.append(start);
    return journal;
  }

  /** Resolves once the record is on disk. */
  append(record: RoomRecord | JournalStart): Promise<void> {
    if (this.fd === undefined) return Promise.reject(new Error('the session journal is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(record)}\n`, done: (e) => (e ? reject(e) : resolve()) });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0);
    if (batch.length === 0 || this.fd === undefined) return;
    try {
      writeSync(this.fd, batch.map((b) => b.line).join(''));
      fsyncSync(this.fd);
      for (const b of batch) b.done();
    } catch (error) {
      for (const b of batch) b.done(error);
    }
  }
}

/** The room a journal describes, replayed record by record; a torn last line (a kill mid-write) is skipped. */
export function replay(text: string, file: string): { room: Room; start: JournalStart } {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      return undefined;
    }
  };
  const start = parse(lines[0] ?? '') as JournalStart | undefined;
  if (start?.t !== 'start' || !Array.isArray(start.polls))
    throw new CareerdeckError(
      'USAGE',
      `${file}: not a careerdeck session journal (its first line is not a start record)`,
    );
  const slides: RoomSlide[] = start.polls.map((poll, index) => ({
    index,
    kind: 'poll',
    title: poll.question,
    html: '',
    notes: '',
    poll,
  }));
  const room = new Room(slides, Date.parse(start.at));
  for (const line of lines.slice(1)) {
    const record = parse(line) as RoomRecord | undefined;
    if (record && typeof record === 'object' && typeof record.t === 'string') room.apply(record);
  }
  return { room, start };
}

/** A session record from either file `present` writes: the `.json` at the end or the `.jsonl` journal. */
export async function readSession(file: string): Promise<SessionRecord> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CareerdeckError(
      'USAGE',
      `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  });
  if (file.endsWith('.jsonl')) {
    const { room, start } = replay(text, file);
    return room.record(start.deck, new Date(lastAt(text) ?? start.at));
  }
  try {
    const record = JSON.parse(text) as SessionRecord;
    if (Array.isArray(record.polls) && Array.isArray(record.questions)) return record;
  } catch {
    // Told below.
  }
  throw new CareerdeckError('USAGE', `${file}: not a careerdeck session record`);
}

function lastAt(text: string): string | undefined {
  const match = /"at":"([^"]+)"[^\n]*\n?$/.exec(text.trimEnd());
  return match?.[1];
}
