import { describe, expect, it } from 'vitest';
import { refused, Room, type RoomRecord, type RoomSlide } from '../../../src/room/state.js';

const slides: RoomSlide[] = [
  { index: 0, kind: 'title', title: 'T', html: '', notes: '' },
  { index: 1, kind: 'prose', title: 'Q', html: '', notes: '', poll: { id: 'p', question: 'Q', options: ['A', 'B'] } },
  { index: 2, kind: 'prose', title: 'End', html: '', notes: '' },
];

function commit(room: Room, outcome: ReturnType<Room['vote']>): RoomRecord {
  if (refused(outcome)) throw new Error(outcome.refused);
  room.apply(outcome);
  return outcome;
}

describe('Room', () => {
  it('moves within the deck and remembers the furthest slide shown', () => {
    const room = new Room(slides);
    expect(room.goto(2)).toBe(true);
    expect(room.goto(9)).toBe(false);
    room.goto(0);
    expect(room.current).toBe(0);
    expect(room.furthest).toBe(2);
  });

  it('counts one vote per device, changeable until the poll closes', () => {
    const room = new Room(slides);
    room.goto(1);
    commit(room, room.vote('d1', 'p', 0));
    commit(room, room.vote('d2', 'p', '1'));
    commit(room, room.vote('d1', 'p', 1));
    expect(room.results('p')).toMatchObject({ counts: [0, 2], total: 2 });
    commit(room, room.setPoll('p', true));
    expect(room.vote('d3', 'p', 0)).toMatchObject({ status: 409 });
  });

  it('keeps a poll from attendees until the talk reaches its slide: no results sent, no votes taken', () => {
    const room = new Room(slides);
    expect(room.vote('d1', 'p', 0)).toMatchObject({ status: 404 });
    expect(room.reachedResults()).toEqual([]);
    expect(room.allResults().map((r) => r.id)).toEqual(['p']);
    room.goto(2);
    room.goto(0);
    // Reached once, it stays: attendees may page back to it.
    expect(room.reachedResults().map((r) => r.id)).toEqual(['p']);
    commit(room, room.vote('d1', 'p', 0));
    expect(room.results('p')).toMatchObject({ total: 1 });
  });

  it('refuses forged votes: unknown poll, option out of range or not a number', () => {
    const room = new Room(slides);
    room.goto(1);
    expect(room.vote('d', 'nope', 0)).toMatchObject({ status: 404 });
    for (const option of [2, -1, 0.5, '1e0', 'x', null])
      expect(room.vote('d', 'p', option)).toMatchObject({ status: 400 });
  });

  it('keeps questions as plain text of at most 280 characters, upvoted once per device', () => {
    const room = new Room(slides);
    commit(room, room.ask('d1', '  <script>alert(1)</script>\u0007 ok?  '));
    expect(room.publicQuestions()[0]?.text).toBe('<script>alert(1)</script> ok?');
    expect(room.ask('d1', 'x'.repeat(281))).toMatchObject({ status: 413 });
    expect(room.ask('d1', '   ')).toMatchObject({ status: 400 });
    commit(room, room.upvote('d2', 1));
    commit(room, room.upvote('d2', 1));
    commit(room, room.upvote('d1', 1));
    expect(room.publicQuestions()[0]?.upvotes).toBe(1);
    commit(room, room.mark(1, { hidden: true }));
    expect(room.publicQuestions()).toEqual([]);
    expect(room.allQuestions()).toHaveLength(1);
  });

  it('records the session: votes per option and the questions', () => {
    const room = new Room(slides, Date.parse('2026-01-01T10:00:00Z'));
    room.goto(1);
    commit(room, room.vote('d1', 'p', 1));
    const record = room.record('deck', new Date('2026-01-01T11:00:00Z'));
    expect(record.polls[0]?.options).toEqual([
      { label: 'A', votes: 0 },
      { label: 'B', votes: 1 },
    ]);
    expect(record.startedAt).toBe('2026-01-01T10:00:00.000Z');
  });
});
