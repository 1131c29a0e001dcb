import { describe, expect, it } from 'vitest';
import { pageTimingBlock, ROOM_TIMING, serverTimeouts } from '../../../src/room/timing.js';

// The e2e tests start their rooms with short waits (tests/e2e/room.test.ts); these are the ones
// a real room runs with, which no test waits out.
describe("the room's waits in production", () => {
  it('cuts off headers after 10 s, checked every second, and closes idle keep-alives after 5 s', () => {
    expect(serverTimeouts(ROOM_TIMING)).toEqual({
      headersTimeout: 10_000,
      requestTimeout: 15_000,
      keepAliveTimeout: 5000,
      connectionsCheckingInterval: 1000,
    });
  });

  it('has a refused audience stream tried again after 5 s, and failed notes every 5 s', () => {
    expect(ROOM_TIMING).toMatchObject({ reconnectMs: 5000, notesRetryMs: 5000 });
  });

  it('writes the pages’ waits as a data block of numbers only', () => {
    expect(pageTimingBlock(ROOM_TIMING)).toBe(
      '<script type="application/json" id="room-timing">{"reconnectMs":5000,"notesRetryMs":5000}</script>',
    );
    // Whatever reaches it, nothing but numbers is written (no markup can end the block).
    const hostile = { reconnectMs: '</script><script>alert(1)</script>', notesRetryMs: 1 } as unknown as {
      reconnectMs: number;
      notesRetryMs: number;
    };
    expect(pageTimingBlock(hostile)).not.toContain('alert');
  });
});
