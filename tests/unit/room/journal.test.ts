import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, readSession, replay } from '../../../src/room/journal.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const start = {
  t: 'start' as const,
  deck: 'd',
  at: '2026-01-01T10:00:00.000Z',
  polls: [{ id: 'p', question: 'Q', options: ['A', 'B'] }],
};

describe('Journal', () => {
  it('has every record on disk once append resolves, and replays to the same counts', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-journal-'));
    const file = path.join(dir, 'sessions', 'd', 's.jsonl');
    const journal = await Journal.open(file, start);
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        journal.append({ t: 'vote', poll: 'p', device: `dev${i}`, option: i % 2, at: start.at }),
      ),
    );
    // Read before close: what a SIGKILL would leave.
    const text = await readFile(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(301);
    expect(replay(text, file).room.results('p')).toMatchObject({ counts: [150, 150], total: 300 });
    journal.close();
  });

  it('never writes over an earlier journal, and skips a torn last line', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-journal-'));
    const file = path.join(dir, 's.jsonl');
    const journal = await Journal.open(file, start);
    await journal.append({ t: 'vote', poll: 'p', device: 'a', option: 1, at: start.at });
    journal.close();
    await expect(Journal.open(file, start)).rejects.toThrow();
    await appendFile(file, '{"t":"vote","poll":"p","dev');
    const record = await readSession(file);
    expect(record.polls[0]?.options.map((o) => o.votes)).toEqual([0, 1]);
  });

  it('refuses a file that is not a journal', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'careerdeck-journal-'));
    const file = path.join(dir, 'x.jsonl');
    await appendFile(file, '{"hello":1}\n');
    await expect(readSession(file)).rejects.toThrow(/not a careerdeck session journal/);
  });
});
