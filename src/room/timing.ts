import type { ServerOptions } from 'node:http';
import { LIMITS } from './limits.js';

/**
 * The room's waits: the server's own, and those it writes into its pages for their scripts.
 * Set by the code that starts the room (the tests shorten them), never by a request: a page
 * reads them from a block the server wrote (`pageTimingBlock`), so no attendee can steer them.
 */
export interface RoomTiming {
  /** A request's headers must arrive within this (a slowloris connection is closed after it). */
  headersMs: number;
  /** How often Node checks the headers and request timeouts (its default, 30 s, is too slow). */
  checkMs: number;
  /** The audience page: a stream refused outright (the room full, the server gone) is tried again after this. */
  reconnectMs: number;
  /** The presenter's deck: notes that could not be had are asked for again this often, for a minute. */
  notesRetryMs: number;
}

export const ROOM_TIMING: Readonly<RoomTiming> = {
  headersMs: LIMITS.headersMs,
  checkMs: 1000,
  reconnectMs: 5000,
  notesRetryMs: 5000,
};

/** The room's HTTP server's timeouts: slow senders (slowloris) are cut off, idle keep-alives closed. */
export function serverTimeouts(timing: Pick<RoomTiming, 'headersMs' | 'checkMs'>): ServerOptions {
  return {
    headersTimeout: timing.headersMs,
    requestTimeout: LIMITS.requestMs,
    keepAliveTimeout: 5000,
    connectionsCheckingInterval: timing.checkMs,
  };
}

/** What the pages' scripts wait: the timing's page half. */
export type PageTiming = Pick<RoomTiming, 'reconnectMs' | 'notesRetryMs'>;

/**
 * The pages' waits as a JSON data block, never run (the pages' policy allows no inline script);
 * numbers only, so nothing in it can end the block.
 */
export function pageTimingBlock(timing: PageTiming): string {
  const numbers = { reconnectMs: Number(timing.reconnectMs), notesRetryMs: Number(timing.notesRetryMs) };
  return `<script type="application/json" id="room-timing">${JSON.stringify(numbers)}</script>`;
}
