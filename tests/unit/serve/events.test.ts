import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { EventHub } from '../../../src/serve/events.js';

/** A request and response pair as the hub uses them: headers, writes, close. */
function stream(): { req: IncomingMessage; res: ServerResponse; written: string[] } {
  const written: string[] = [];
  const req = Object.assign(new EventEmitter(), { socket: { setTimeout: () => undefined } });
  const res = { writeHead: () => undefined, write: (c: string) => written.push(c), end: () => undefined };
  return { req: req as unknown as IncomingMessage, res: res as unknown as ServerResponse, written };
}

describe('EventHub', () => {
  it('greets each stream, sends to all, and refuses streams over its bound', () => {
    const hub = new EventHub<'slide', { n: number }>(() => ({ n: 1 }), { max: 2 });
    const a = stream();
    const b = stream();
    const c = stream();
    expect(hub.open(a.req, a.res)).toBe(true);
    expect(hub.open(b.req, b.res)).toBe(true);
    expect(hub.full).toBe(true);
    expect(hub.open(c.req, c.res)).toBe(false);
    expect(c.written).toEqual([]);
    expect(a.written.join('')).toContain('event: hello\ndata: {"n":1}\n\n');
    expect(hub.send('slide', { i: 3 })).toBe(2);
    // A stream that closes frees its place.
    (a.req as unknown as EventEmitter).emit('close');
    expect(hub.full).toBe(false);
    hub.close();
  });
});
